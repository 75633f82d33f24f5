using Cartesia.Emulator.Journal;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// Records every API request in the journal (credentials redacted: see <see cref="EmulatorRequest.Credential"/>) and
/// how it ended. The body is recorded by <see cref="ApiMiddleware"/> once the request is authenticated.
/// </summary>
internal sealed class JournalMiddleware
{
    /// <summary>Set in <see cref="HttpContext.Items"/> when the emulator aborted the connection on purpose.</summary>
    public const string ServerAbortedKey = "cartesia.server-aborted";

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

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in context.Request.Headers)
        {
            headers[name] = SecretRedaction.IsCredentialHeader(name) ? SecretRedaction.RedactHeader(values.ToString()) : values.ToString();
        }

        (EmulatorCredentialKind kind, string? secret) = RequestCredentials.Find(context.Request);
        EmulatorRequest entry = _journal.Add(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            SecretRedaction.RedactQuery(context.Request.QueryString.Value ?? string.Empty),
            headers,
            kind == EmulatorCredentialKind.None ? EmulatorCredential.None : new EmulatorCredential(kind, secret),
            context.WebSockets.IsWebSocketRequest);
        context.Items[typeof(EmulatorRequest)] = entry;

        Stream originalBody = context.Response.Body;
        ResponseCaptureStream? capture = entry.IsWebSocket ? null : new ResponseCaptureStream(originalBody, _journal.Limits.JournalBodyPrefixBytes);
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
            }

            bool serverAborted = context.Items.ContainsKey(ServerAbortedKey);
            byte[]? answer = capture?.Captured;
            if (answer is not null && context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                answer = SecretRedaction.RedactJsonAnswer(answer); // a minted access token is a credential too
            }

            _journal.Complete(entry, context.Response.StatusCode, context.RequestAborted.IsCancellationRequested && !serverAborted, answer, capture is null ? null : context.Response.ContentType);
            capture?.Dispose();
        }
    }
}
