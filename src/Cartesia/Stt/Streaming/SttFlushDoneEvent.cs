namespace Cartesia.Stt;

/// <summary>Everything sent before a <c>finalize</c> has been transcribed (<c>/stt/websocket</c>); the transcripts came first.</summary>
public sealed class SttFlushDoneEvent : SttEvent
{
    /// <summary>Creates the event.</summary>
    public SttFlushDoneEvent() : base("flush_done")
    {
    }
}
