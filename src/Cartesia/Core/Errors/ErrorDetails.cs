using System.Text.Json;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Core.Errors;

/// <summary>
/// The fields of a Cartesia error, from either format: structured JSON (<c>error_code</c>, <c>title</c>,
/// <c>message</c>, <c>request_id</c>, <c>doc_url</c>) or legacy text / legacy <c>"error": "Title: Message"</c>.
/// Every field is redacted (<see cref="SecretRedactor.Redact"/>) after parsing, so no secret the service
/// echoed reaches a message, a property, a log line or a tag.
/// </summary>
internal readonly record struct ErrorDetails(string? ErrorCode, string? Title, string? Message, string? RequestId, string? DocUrl)
{
    /// <summary>Parses an HTTP error body of either format; never throws.</summary>
    public static ErrorDetails FromBody(string? body)
    {
        string text = body?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return default;
        }

        if (text[0] == '{')
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                return FromJson(document.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the legacy text form.
            }
        }

        (string? title, string message) = SplitTitle(text);
        return new ErrorDetails(null, title, message, null, null).Redacted();
    }

    /// <summary>Reads the error fields of a JSON object (an HTTP error body or a stream error event).</summary>
    public static ErrorDetails FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        string? errorCode = String(element, "error_code") ?? String(element, "code");
        string? title = String(element, "title");
        string? message = String(element, "message");
        string? requestId = String(element, "request_id");
        string? docUrl = String(element, "doc_url");

        if (title is null && message is null)
        {
            // Legacy shapes: {"error": "Title: Message"}, {"error": {"message": …}}, {"detail": "…"}.
            if (element.TryGetProperty("error", out JsonElement legacy))
            {
                if (legacy.ValueKind == JsonValueKind.String)
                {
                    (title, message) = SplitTitle(Text(legacy));
                }
                else if (legacy.ValueKind == JsonValueKind.Object)
                {
                    ErrorDetails inner = FromJson(legacy);
                    return new ErrorDetails(errorCode ?? inner.ErrorCode, inner.Title, inner.Message, requestId ?? inner.RequestId, docUrl ?? inner.DocUrl).Redacted();
                }
            }
            else if (String(element, "detail") is { } detail)
            {
                (title, message) = SplitTitle(detail);
            }
        }

        return new ErrorDetails(errorCode, title, message, requestId, docUrl).Redacted();
    }

    /// <summary>The fields of a stream error event: the structured ones, or else the legacy <c>"Title: Message"</c> split.</summary>
    public static ErrorDetails FromEvent(string? errorCode, string? title, string? message, string? legacyError, string? requestId, string? docUrl)
    {
        if (title is null && message is null && legacyError is not null)
        {
            (title, message) = SplitTitle(legacyError);
        }

        return new ErrorDetails(errorCode, title, message, requestId, docUrl).Redacted();
    }

    /// <summary>These fields with every secret they may hold replaced (idempotent).</summary>
    public ErrorDetails Redacted() => new(
        SecretRedactor.Redact(ErrorCode),
        SecretRedactor.Redact(Title),
        SecretRedactor.Redact(Message),
        SecretRedactor.Redact(RequestId),
        SecretRedactor.Redact(DocUrl));

    /// <summary>
    /// The exception that ends a stream on an error event: <c>{what} (code), status N: Title: Message [request id …].</c>
    /// with every field set.
    /// </summary>
    /// <param name="what">How the message starts, for example <c>The service reported an error for context x</c>.</param>
    /// <param name="statusCode">The event's status code.</param>
    /// <param name="contextId">The TTS context the error is for.</param>
    /// <param name="audioBytesReceived">Audio received before the error.</param>
    public CartesiaStreamException ToStreamException(string what, int? statusCode, string? contextId = null, long audioBytesReceived = 0)
    {
        string code = ErrorCode is null ? string.Empty : $" ({ErrorCode})";
        string request = RequestId is null ? string.Empty : $" [request id {RequestId}]";
        string status = statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
        return new CartesiaStreamException($"{what}{code}, status {status}: {(Summary ?? "no details").TrimEnd('.')}{request}.")
        {
            StatusCode = statusCode,
            ErrorCode = ErrorCode,
            Title = Title,
            ErrorMessage = Message,
            RequestId = RequestId,
            DocUrl = DocUrl,
            ContextId = contextId,
            AudioBytesReceived = audioBytesReceived,
        };
    }

    /// <summary>Splits a legacy <c>Title: Message</c> text; a text without a short title is all message.</summary>
    public static (string? Title, string Message) SplitTitle(string text)
    {
        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && colon <= 80 && text.AsSpan(0, colon).IndexOfAny('\n', '\r', '{') < 0)
        {
            return (text[..colon], text[(colon + 2)..]);
        }

        return (null, text);
    }

    /// <summary>One line describing the error: <c>Title: Message</c>, or whichever part exists.</summary>
    public string? Summary => (Title, Message) switch
    {
        ({ Length: > 0 } t, { Length: > 0 } m) => $"{t}: {m}",
        ({ Length: > 0 } t, _) => t,
        (_, { Length: > 0 } m) => m,
        _ => null,
    };

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? Text(value) : null;

    /// <summary>A string value; one that cannot be decoded (a lone surrogate escape) is kept as its JSON text.</summary>
    private static string Text(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText();
        }
    }
}
