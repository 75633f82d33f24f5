using Cartesia.Audio;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>Decodes the user's audio chunk by chunk, keeping a sample split across two chunks for the next one.</summary>
internal sealed class AgentInputDecoder
{
    private readonly AgentAudioFormat _format;
    private readonly byte[] _partial;
    private int _partialCount;

    public AgentInputDecoder(AgentAudioFormat format)
    {
        _format = format;
        _partial = new byte[format.BytesPerSample];
    }

    public float[] Decode(ReadOnlySpan<byte> bytes)
    {
        int size = _partial.Length;
        float[] first = [];
        if (_partialCount > 0)
        {
            int take = Math.Min(size - _partialCount, bytes.Length);
            bytes[..take].CopyTo(_partial.AsSpan(_partialCount));
            _partialCount += take;
            bytes = bytes[take..];
            if (_partialCount < size)
            {
                return [];
            }

            first = PcmCodec.Decode(_partial, _format.Encoding);
            _partialCount = 0;
        }

        int whole = bytes.Length - (bytes.Length % size);
        bytes[whole..].CopyTo(_partial);
        _partialCount = bytes.Length - whole;
        float[] rest = PcmCodec.Decode(bytes[..whole], _format.Encoding);
        return first.Length == 0 ? rest : [.. first, .. rest];
    }
}
