using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cartesia.Emulator.Journal;

/// <summary>
/// Splits a <c>multipart/form-data</c> body into its parts (RFC 7578), from the bytes the journal kept, with
/// ASP.NET Core's <see cref="MultipartReader"/> and header parsers.
/// </summary>
internal static class MultipartParser
{
    /// <summary>The parts, or null when the content type is not multipart/form-data with a boundary.</summary>
    /// <exception cref="FormatException">The body does not follow the multipart format.</exception>
    public static List<EmulatorFormPart>? Parse(string? contentType, byte[] body)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        // The body is already in memory, so every read completes synchronously.
        var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false));
        var parts = new List<EmulatorFormPart>();
        try
        {
            while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || HeaderUtilities.UnescapeAsQuotedString(disposition.Name).Value is not { } name)
                {
                    throw new FormatException("A multipart part has no Content-Disposition name.");
                }

                using var content = new MemoryStream();
                section.Body.CopyTo(content);
                string? fileName = disposition.FileName.HasValue ? HeaderUtilities.UnescapeAsQuotedString(disposition.FileName).Value : null;
                parts.Add(new EmulatorFormPart(name, fileName, section.ContentType, content.ToArray()));
            }
        }
        catch (IOException ex)
        {
            throw new FormatException(ex.Message, ex);
        }

        return parts;
    }

    /// <summary>A parameter of a media type, unquoted (<c>rate</c> in <c>audio/L16;rate=16000</c>), or null.</summary>
    public static string? Parameter(string mediaType, string name)
    {
        if (!MediaTypeHeaderValue.TryParse(mediaType, out MediaTypeHeaderValue? type))
        {
            return null;
        }

        NameValueHeaderValue? parameter = NameValueHeaderValue.Find(type.Parameters, name);
        return parameter is null ? null : HeaderUtilities.RemoveQuotes(parameter.Value).Value;
    }
}
