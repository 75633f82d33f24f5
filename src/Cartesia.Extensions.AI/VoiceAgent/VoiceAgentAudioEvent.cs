namespace Cartesia.Extensions.AI;

/// <summary>
/// A piece of the agent's speech, decoded, in <see cref="CartesiaVoiceAgentOptions.OutputFormat"/>: play it,
/// forward it to a call or write it. The memory is pooled: it is valid only until the loop moves to the next event;
/// copy it (<c>Audio.ToArray()</c>) to keep it.
/// </summary>
public sealed class VoiceAgentAudioEvent : VoiceAgentEvent
{
    internal VoiceAgentAudioEvent(int responseId, ReadOnlyMemory<byte> audio)
    {
        ResponseId = responseId;
        Audio = audio;
    }

    /// <summary>Which reply of the conversation the audio belongs to (1 for the first, the greeting if there is one).</summary>
    public int ResponseId { get; }

    /// <summary>The audio (valid until the next event).</summary>
    public ReadOnlyMemory<byte> Audio { get; }
}
