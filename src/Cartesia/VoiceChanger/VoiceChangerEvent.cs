namespace Cartesia.VoiceChanger;

/// <summary>
/// An event of <c>POST /voice-changer/sse</c>: <see cref="VoiceChangerChunkEvent"/> (audio), then
/// <see cref="VoiceChangerDoneEvent"/>; an error event ends the stream with <see cref="CartesiaStreamException"/>, and
/// an event with a <c>type</c> this SDK does not know arrives as <see cref="VoiceChangerUnknownEvent"/>. The service's
/// success events carry no <c>type</c>: they are told apart by <c>done</c> (PROTOCOL.md §10.2).
/// </summary>
public abstract class VoiceChangerEvent : CartesiaModel
{
    /// <summary>The HTTP-like status on the event (206 for chunks, 200 for done).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Whether this is the last event.</summary>
    public bool Done { get; init; }
}
