using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>
/// A transcript of <c>/stt/websocket</c>: interim (<see cref="IsFinal"/> false, may be superseded) or final.
/// <see cref="Text"/> is the text since the last final transcript; the session transcript is the verbatim
/// concatenation of every final <see cref="Text"/> (see <see cref="SttTranscriptAccumulator"/>).
/// </summary>
public sealed class SttTranscriptEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttTranscriptEvent() : base("transcript")
    {
    }

    /// <summary>The text since the last final transcript, verbatim (never trim it: spaces between segments are in it).</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    /// <summary>Whether the text is final; interim text may still change.</summary>
    [JsonPropertyName("is_final")]
    public bool IsFinal { get; init; }

    /// <summary>How many seconds of audio produced this text.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>The detected language (ISO 639-1).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>
    /// The words with their times, in seconds from the start of the session (the SDK adds the audio of earlier
    /// connections after a reconnect); null when the service sent none. Both wire shapes are read: a list of
    /// <c>{"word","start","end"}</c> objects, and <c>{"words":[…],"start":[…],"end":[…]}</c>.
    /// </summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<SttWord>? Words { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"transcript ({(IsFinal ? "final" : "partial")}): {Text}";
}
