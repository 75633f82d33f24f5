using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>Splits a <c>multipart/form-data</c> body into its parts (RFC 7578), from the bytes the journal kept.</summary>
internal static class MultipartParser
{
    /// <summary>The parts, or null when the content type is not multipart/form-data with a boundary.</summary>
    /// <exception cref="FormatException">The body does not follow the multipart format.</exception>
    public static List<EmulatorFormPart>? Parse(string? contentType, byte[] body)
    {
        if (contentType is null || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? boundary = Parameter(contentType, "boundary");
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<EmulatorFormPart>();
        ReadOnlySpan<byte> data = body;
        int position = data.IndexOf(delimiter);
        if (position < 0)
        {
            throw new FormatException("The multipart body has no boundary line.");
        }

        position += delimiter.Length;
        while (true)
        {
            if (data[position..].StartsWith("--"u8))
            {
                return parts; // the closing delimiter
            }

            position += SkipLineEnd(data[position..]);
            int headerEnd = data[position..].IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                throw new FormatException("A multipart part has no end to its headers.");
            }

            string headers = Encoding.UTF8.GetString(data.Slice(position, headerEnd));
            int contentStart = position + headerEnd + 4;
            int next = data[contentStart..].IndexOf(Concat("\r\n"u8, delimiter));
            if (next < 0)
            {
                throw new FormatException("A multipart part is not closed by a boundary.");
            }

            parts.Add(CreatePart(headers, data.Slice(contentStart, next).ToArray()));
            position = contentStart + next + 2 + delimiter.Length;
        }
    }

    /// <summary>A parameter of a header value, unquoted (<c>boundary</c>, <c>name</c>, <c>filename</c>).</summary>
    public static string? Parameter(string headerValue, string name)
    {
        foreach (string piece in headerValue.Split(';'))
        {
            string trimmed = piece.Trim();
            int equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && trimmed[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                string value = trimmed[(equals + 1)..].Trim();
                return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;
            }
        }

        return null;
    }

    private static EmulatorFormPart CreatePart(string headers, byte[] content)
    {
        string? disposition = null, type = null;
        foreach (string line in headers.Split("\r\n"))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                disposition = value;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
        }

        if (disposition is null || Parameter(disposition, "name") is not { } fieldName)
        {
            throw new FormatException("A multipart part has no Content-Disposition name.");
        }

        return new EmulatorFormPart(fieldName, Parameter(disposition, "filename"), type, content);
    }

    private static int SkipLineEnd(ReadOnlySpan<byte> data) => data.StartsWith("\r\n"u8) ? 2 : data.StartsWith("\n"u8) ? 1 : 0;

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => [.. a, .. b];
}
