using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// An error the service reported on a session. Sessions end by throwing <see cref="CartesiaStreamException"/>
/// built from it; both the structured shape and the legacy one (<c>"error": "Title: Message"</c>) are read.
/// </summary>
public sealed class SttErrorEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttErrorEvent() : base("error")
    {
    }

    /// <summary>The HTTP-like status, for example 400.</summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; init; }

    /// <summary>The machine-readable error code, for example <c>model_not_found</c>.</summary>
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; init; }

    /// <summary>The short summary.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The detailed message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>A link to documentation about the error.</summary>
    [JsonPropertyName("doc_url")]
    public string? DocUrl { get; init; }

    /// <summary>The legacy combined <c>Title: Message</c> text (API versions before 2026-03-01).</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"error ({StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no status"} {ErrorCode}): {Message ?? Title ?? Error}";
}
