namespace Cartesia.Stt;

/// <summary>The turns session is open (sent once, first, by <c>/stt/turns/websocket</c>); <see cref="SttEvent.RequestId"/> names the connection.</summary>
public sealed class SttConnectedEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttConnectedEvent() : base("connected")
    {
    }
}
