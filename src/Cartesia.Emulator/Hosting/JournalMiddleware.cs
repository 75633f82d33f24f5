using Cartesia.Emulator.Journal;

namespace Cartesia.Emulator.Hosting;

/// <summary>Records every API request in the journal, with its body, and how it ended.</summary>
internal sealed class JournalMiddleware
{
    /// <summary>Set in <see cref="HttpContext.Items"/> when the emulator aborted the connection on purpose.</summary>
    public const string ServerAbortedKey = "cartesia.server-aborted";

    private const long MaxRecordedBody = 256L * 1024 * 1024;
    private const int MaxRecordedResponse = 1024 * 1024;
    private readonly RequestDelegate _next;
    private readonly EmulatorJournal _journal;

    public JournalMiddleware(RequestDelegate next, CartesiaEmulator emulator)
    {
        _next = next;
        _journal = emulator.Journal;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (ControlEndpoints.IsControlPath(context.Request.Path))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        byte[] body = await ReadBodyAsync(context).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        EmulatorRequest entry = _journal.Add(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            headers,
            body,
            context.WebSockets.IsWebSocketRequest);
        context.Items[typeof(EmulatorRequest)] = entry;

        Stream originalBody = context.Response.Body;
        ResponseCaptureStream? capture = entry.IsWebSocket ? null : new ResponseCaptureStream(originalBody, MaxRecordedResponse);
        if (capture is not null)
        {
            context.Response.Body = capture;
        }

        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The connection went away mid-response: recorded below.
        }
        finally
        {
            if (capture is not null)
            {
                context.Response.Body = originalBody;
                entry.ResponseBody = capture.Captured;
                entry.ResponseContentType = context.Response.ContentType;
                capture.Dispose();
            }

            bool serverAborted = context.Items.ContainsKey(ServerAbortedKey);
            _journal.Complete(entry, context.Response.StatusCode, context.RequestAborted.IsCancellationRequested && !serverAborted);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0 || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method) && context.Request.ContentLength is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxRecordedBody)
            {
                throw new BadHttpRequestException("The request body is larger than the emulator accepts.", 413);
            }
        }

        return buffer.ToArray();
    }
}
