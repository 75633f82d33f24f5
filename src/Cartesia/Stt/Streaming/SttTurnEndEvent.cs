using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>The user finished a turn: its definitive transcript.</summary>
public sealed class SttTurnEndEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttTurnEndEvent() : base("turn.end")
    {
    }

    /// <summary>The definitive text of the turn, verbatim (with any leading space): the session transcript is the concatenation of every turn end.</summary>
    [JsonPropertyName("transcript")]
    public string Transcript { get; init; } = string.Empty;
}
