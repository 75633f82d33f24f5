namespace Cartesia.Core.Http;

/// <summary>
/// Turns an id into one escaped path segment, so that no id can address another endpoint: <c>/</c>, <c>?</c>,
/// <c>#</c>, <c>%</c> and spaces are percent-encoded.
/// </summary>
/// <remarks>
/// An id that is exactly <c>.</c> or <c>..</c> is refused rather than encoded: <see cref="Uri"/> unescapes
/// <c>%2E</c> and removes dot segments (<c>/voices/%2E%2E</c> becomes <c>/</c>), and servers normalise paths the
/// same way, so no encoding of those two ids is safe. No Cartesia id is a dot segment.
/// </remarks>
internal static class PathSegment
{
    /// <summary>Validates and escapes an id for use as one path segment.</summary>
    /// <param name="id">The id.</param>
    /// <param name="field">The field name for error messages, for example <c>voiceId</c>.</param>
    /// <param name="paramName">The parameter the id came from.</param>
    /// <exception cref="ArgumentException">The id is empty, padded with white space, or a dot segment.</exception>
    public static string Escape(string? id, string field, string paramName)
    {
        Validate.Id(id, field, paramName);
        if (id is "." or "..")
        {
            throw new ArgumentException($"{field} '{id}' is not a valid id: a dot segment would address another endpoint.", paramName);
        }

        return Uri.EscapeDataString(id!);
    }
}
