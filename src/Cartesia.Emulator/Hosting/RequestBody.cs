namespace Cartesia.Emulator.Hosting;

/// <summary>Reads an authenticated request's body, refusing one larger than the limit (413) before reading it where the length is declared.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context, long limit)
    {
        HttpRequest request = context.Request;
        if (request.ContentLength == 0 || HttpMethods.IsGet(request.Method) || context.WebSockets.IsWebSocketRequest
            || HttpMethods.IsDelete(request.Method) && request.ContentLength is null)
        {
            return [];
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)Math.Min(length, 1024 * 1024) : 0);
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Protocol.ApiError TooLarge(long limit)
        => new(413, "request_too_large", "Request entity too large", $"The request body is larger than the emulator accepts ({limit} bytes; see EmulatorLimits.MaxRequestBodyBytes).");
}
