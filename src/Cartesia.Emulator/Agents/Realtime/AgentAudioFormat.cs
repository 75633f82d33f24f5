using Cartesia.Audio;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>One of the four audio formats of the Agents WebSockets: raw mono samples, no header, base64 in JSON.</summary>
internal sealed record AgentAudioFormat(string Name, AudioEncoding Encoding, int SampleRate)
{
    /// <summary>The format names both sockets accept.</summary>
    public static readonly string[] Names = ["mulaw_8000", "pcm_16000", "pcm_24000", "pcm_44100"];

    /// <summary>Bytes in one sample.</summary>
    public int BytesPerSample => PcmCodec.BytesPerSample(Encoding);

    /// <summary>Samples in the 20 ms chunks the agent sends.</summary>
    public int ChunkSamples => SampleRate / 50;

    /// <summary>The format of a name, or null when it is not one of <see cref="Names"/>.</summary>
    public static AgentAudioFormat? Find(string? name) => name switch
    {
        "mulaw_8000" => new(name, AudioEncoding.PcmMulaw, 8000),
        "pcm_16000" => new(name, AudioEncoding.PcmS16LE, 16000),
        "pcm_24000" => new(name, AudioEncoding.PcmS16LE, 24000),
        "pcm_44100" => new(name, AudioEncoding.PcmS16LE, 44100),
        _ => null,
    };
}
