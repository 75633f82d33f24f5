namespace Cartesia.Stt;

/// <summary>The user started speaking: a new turn begins (use it to interrupt your agent).</summary>
public sealed class SttTurnStartEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttTurnStartEvent() : base("turn.start")
    {
    }
}
