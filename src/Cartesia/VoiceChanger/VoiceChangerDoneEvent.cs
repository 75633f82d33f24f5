namespace Cartesia.VoiceChanger;

/// <summary>The audio is complete: the last event.</summary>
public sealed class VoiceChangerDoneEvent : VoiceChangerEvent
{
}
