using Cartesia.Stt;

namespace Cartesia.Extensions.AI;

/// <summary>What the loop's parts tell the loop (through its one channel, so the loop's state has one owner).</summary>
internal abstract class VoiceAgentSignal
{
    /// <summary>An event of the turns session.</summary>
    public sealed class Stt(SttEvent value) : VoiceAgentSignal
    {
        public SttEvent Event { get; } = value;
    }

    /// <summary>The turns session ended (normally after the input ended, or with the failure).</summary>
    public sealed class SttEnded(Exception? error) : VoiceAgentSignal
    {
        public Exception? Error { get; } = error;
    }

    /// <summary>The app ended the input (hung up), or the input sequence or stream ended.</summary>
    public sealed class InputEnded(Exception? error) : VoiceAgentSignal
    {
        public Exception? Error { get; } = error;
    }

    /// <summary>A reply's chat call ended (all its text is in the reply), failed, or was cut.</summary>
    public sealed class ChatDone(VoiceAgentResponse response, Exception? error) : VoiceAgentSignal
    {
        public VoiceAgentResponse Response { get; } = response;

        public Exception? Error { get; } = error;
    }

    /// <summary>A chunk of a reply's audio, copied into a pooled buffer the loop returns once the app moved on.</summary>
    public sealed class Audio(VoiceAgentResponse response, byte[] buffer, int length) : VoiceAgentSignal
    {
        public VoiceAgentResponse Response { get; } = response;

        public byte[] Buffer { get; } = buffer;

        public int Length { get; } = length;
    }

    /// <summary>A reply's speech ended: all audio delivered, or failed.</summary>
    public sealed class AudioDone(VoiceAgentResponse response, Exception? error) : VoiceAgentSignal
    {
        public VoiceAgentResponse Response { get; } = response;

        public Exception? Error { get; } = error;
    }

    /// <summary>The silence timer fired.</summary>
    public sealed class Silence(int generation) : VoiceAgentSignal
    {
        public int Generation { get; } = generation;
    }

    /// <summary>The agent asked to end the conversation.</summary>
    public sealed class EndRequested : VoiceAgentSignal
    {
        public static readonly EndRequested Instance = new();
    }
}
