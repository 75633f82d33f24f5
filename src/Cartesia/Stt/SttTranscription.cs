using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>The result of a batch transcription (<c>POST /stt</c>).</summary>
public sealed class SttTranscription : CartesiaResult
{
    /// <summary>The message type; always <c>transcript</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The id of this transcription, for Cartesia support.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary>The transcribed text; empty when the audio holds no recognisable speech.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    /// <summary>
    /// Whether the transcript is final (<c>is_final</c>, as the newer SDKs type it); a batch transcript always is, so
    /// the service may send true or leave it out (null). The API reference marks it unused for batch transcription.
    /// </summary>
    [JsonPropertyName("is_final")]
    public bool? IsFinal { get; init; }

    /// <summary>The language of the audio (ISO 639-1), as requested or detected.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>How long the audio lasts, in seconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>
    /// Every word with its times, when <see cref="SttTranscribeRequest.TimestampGranularities"/> asked for
    /// <see cref="SttTimestampGranularity.Word"/>; otherwise null.
    /// </summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<SttWord>? Words { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        string text = Text.Length > 100 ? string.Concat(Text.AsSpan(0, 100), "…") : Text;
        string duration = Duration is { } seconds ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", {seconds:0.###} s") : string.Empty;
        return $"SttTranscription {{ Text = \"{text}\", Language = {Language ?? "(unknown)"}{duration}, Words = {Words?.Count ?? 0} }}";
    }
}
