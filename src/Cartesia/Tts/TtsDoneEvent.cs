namespace Cartesia.Tts;

/// <summary>The generation finished: the last event of its context.</summary>
public sealed class TtsDoneEvent : TtsEvent
{
    /// <summary>Creates a done event.</summary>
    public TtsDoneEvent() : base("done")
    {
    }
}
