namespace Cartesia.VoiceChanger;

/// <summary>A piece of the re-spoken audio, decoded from base64, in the requested raw format.</summary>
public sealed class VoiceChangerChunkEvent : VoiceChangerEvent
{
    /// <summary>The audio bytes (concatenate the chunks for the whole audio).</summary>
    public ReadOnlyMemory<byte> Audio { get; init; }

    /// <summary>The sample rate of the audio, in Hz.</summary>
    public int? SampleRate { get; init; }

    /// <summary>The service's processing time for the chunk, in milliseconds.</summary>
    public double? StepTime { get; init; }
}
