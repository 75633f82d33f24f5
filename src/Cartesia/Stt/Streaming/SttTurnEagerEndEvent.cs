using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>[Preview] The model predicts the user may be done: start preparing a reply; a <see cref="SttTurnResumeEvent"/> or <see cref="SttTurnEndEvent"/> follows.</summary>
public sealed class SttTurnEagerEndEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttTurnEagerEndEvent() : base("turn.eager_end")
    {
    }

    /// <summary>The whole text of the turn so far, verbatim.</summary>
    [JsonPropertyName("transcript")]
    public string Transcript { get; init; } = string.Empty;
}
