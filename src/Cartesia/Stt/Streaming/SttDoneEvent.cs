namespace Cartesia.Stt;

/// <summary>The session finished after a <c>close</c>: every transcript has been sent, and the service closes the socket.</summary>
public sealed class SttDoneEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttDoneEvent() : base("done")
    {
    }
}
