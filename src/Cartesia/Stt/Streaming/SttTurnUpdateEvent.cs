using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>The transcript of the current turn so far (sent repeatedly while the user speaks).</summary>
public sealed class SttTurnUpdateEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttTurnUpdateEvent() : base("turn.update")
    {
    }

    /// <summary>The whole text of the turn so far (cumulative, not a delta), verbatim.</summary>
    [JsonPropertyName("transcript")]
    public string Transcript { get; init; } = string.Empty;
}
