namespace Cartesia.Stt;

/// <summary>[Preview] After <see cref="SttTurnEagerEndEvent"/>, the user kept speaking: the turn goes on and more updates follow.</summary>
public sealed class SttTurnResumeEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttTurnResumeEvent() : base("turn.resume")
    {
    }
}
