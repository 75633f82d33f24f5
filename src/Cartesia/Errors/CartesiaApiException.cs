namespace Cartesia;

/// <summary>
/// The Cartesia API answered with an error status (4xx or 5xx), over HTTP or at a WebSocket handshake.
/// Both error body formats are parsed into the same properties: the structured JSON of API versions
/// 2026-03-01 and later, and the legacy <c>Title: Message</c> text of earlier versions.
/// </summary>
/// <remarks>
/// Subclasses name the status families: <see cref="CartesiaBadRequestException"/> (400),
/// <see cref="CartesiaAuthenticationException"/> (401), <see cref="CartesiaPermissionDeniedException"/> (403),
/// <see cref="CartesiaNotFoundException"/> (404), <see cref="CartesiaConflictException"/> (409),
/// <see cref="CartesiaUnprocessableEntityException"/> (422), <see cref="CartesiaRateLimitException"/> (429) and
/// <see cref="CartesiaServerException"/> (5xx). Other statuses use this type itself.
/// </remarks>
public class CartesiaApiException : CartesiaException
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CartesiaApiException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CartesiaApiException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code, for example 400.</summary>
    public int StatusCode { get; init; }

    /// <summary>
    /// The machine-readable error code (<c>error_code</c>), for example <c>model_not_found</c> or
    /// <c>concurrency_limited</c>; <see langword="null"/> when the service sent none. See
    /// <see cref="CartesiaErrorCodes"/> for the known ones.
    /// </summary>
    public string? ErrorCode { get; init; }

    /// <summary>The short summary (<c>title</c>), for example <c>Invalid model</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The detailed message the service gave (<c>message</c>).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The id of the request, for Cartesia support.</summary>
    public string? RequestId { get; init; }

    /// <summary>A link to documentation about the error, when the service gave one.</summary>
    public string? DocUrl { get; init; }

    /// <summary>The raw error body as the service sent it (text, possibly empty).</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The status, headers and request id of the response.</summary>
    public CartesiaResponseInfo? Response { get; init; }
}
