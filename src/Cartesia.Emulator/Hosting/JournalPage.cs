using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.Json;
using Cartesia.Emulator.Journal;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// <c>GET /_emulator/journal?after=N&amp;limit=M</c>: one page of the journal (requests with a sequence above
/// <c>after</c>, at most <c>limit</c> of them, default 100, at most 1,000), streamed entry by entry, with
/// <c>next_after</c> for the next page and the counts of requests and bytes the journal dropped to stay in its limits.
/// </summary>
internal static class JournalPage
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static async Task WriteAsync(HttpContext context, EmulatorJournal journal)
    {
        if (!TryRead(context.Request.Query["after"], 0, out int after) || after < 0
            || !TryRead(context.Request.Query["limit"], DefaultLimit, out int limit) || limit is < 1 or > MaxLimit)
        {
            await ControlGuard.RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", $"'after' must be a sequence number (0 or more) and 'limit' 1 to {MaxLimit}.").ConfigureAwait(false);
            return;
        }

        List<EmulatorRequest> page = journal.Page(after, limit + 1);
        bool more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var writer = new Utf8JsonWriter(context.Response.Body);
        await using ConfiguredAsyncDisposable disposeWriter = writer.ConfigureAwait(false);
        writer.WriteStartObject();
        writer.WriteNumber("dropped_requests", journal.DroppedRequests);
        writer.WriteNumber("dropped_bytes", journal.DroppedBytes);
        if (more)
        {
            writer.WriteNumber("next_after", page[^1].Sequence);
        }
        else
        {
            writer.WriteNull("next_after");
        }

        writer.WriteStartArray("requests");
        foreach (EmulatorRequest request in page)
        {
            Write(writer, request);
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter writer, EmulatorRequest r)
    {
        writer.WriteStartObject();
        writer.WriteNumber("sequence", r.Sequence);
        writer.WriteString("received_at", r.ReceivedAt);
        writer.WriteString("method", r.Method);
        writer.WriteString("path", r.Path);
        writer.WriteString("query", r.Query);
        writer.WriteStartObject("headers");
        foreach ((string name, string value) in r.Headers)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("credential");
        writer.WriteString("kind", JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Credential.Kind.ToString()));
        writer.WriteString("fingerprint", r.Credential.Fingerprint);
        writer.WriteEndObject();
        writer.WriteBase64String("body_base64", r.Body);
        writer.WriteString("body_text", r.BodyText);
        writer.WriteNumber("body_length", r.BodyLength);
        writer.WriteBoolean("body_truncated", r.BodyTruncated);
        writer.WriteNumber("status_code", r.StatusCode);
        writer.WriteBoolean("completed", r.Completed);
        writer.WriteBoolean("client_disconnected", r.ClientDisconnected);
        writer.WriteBoolean("is_websocket", r.IsWebSocket);
        writer.WriteStartArray("websocket_messages");
        foreach (EmulatorWebSocketMessage m in r.WebSocketMessages)
        {
            writer.WriteStartObject();
            writer.WriteString("type", m.IsBinary ? "binary" : "text");
            writer.WriteNumber("size", m.Length);
            writer.WriteBoolean("truncated", m.Length > m.Data.Length);
            if (m.IsBinary)
            {
                writer.WriteBase64String("data_base64", m.Data);
            }
            else
            {
                writer.WriteString("text", m.Text);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static bool TryRead(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        if (value.Count == 0)
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }
}
