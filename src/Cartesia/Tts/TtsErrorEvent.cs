using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// An error the service reported inside a stream. Streams end by throwing
/// <see cref="CartesiaStreamException"/> built from this event; both the structured shape and the legacy one
/// (<c>"error": "Title: Message"</c>) are read.
/// </summary>
public sealed class TtsErrorEvent : TtsEvent
{
    /// <summary>Creates an error event.</summary>
    public TtsErrorEvent() : base("error")
    {
    }

    /// <summary>The machine-readable error code, for example <c>concurrency_limited</c>.</summary>
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; init; }

    /// <summary>The short summary.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The detailed message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The request id, for Cartesia support.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary>A link to documentation about the error.</summary>
    [JsonPropertyName("doc_url")]
    public string? DocUrl { get; init; }

    /// <summary>The legacy combined <c>Title: Message</c> text (API versions before 2026-03-01).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"error (context {ContextId ?? "(none)"}, {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no status"} {ErrorCode}): {Message ?? Title ?? Error}";
}
