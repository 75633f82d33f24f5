namespace Cartesia.Audio;

/// <summary>
/// Cuts a stream of telephony audio (by default 8 kHz μ-law, as phone media streams carry it) into fixed frames —
/// 20 ms, 160 bytes — and base64 payloads, keeping any remainder for the next push so no byte is lost or
/// duplicated. Not thread-safe: one framer per call.
/// </summary>
public sealed class TelephonyFramer
{
    private readonly byte[] _pending;
    private readonly byte _silence;
    private int _count;

    /// <summary>Creates a framer.</summary>
    /// <param name="encoding">The audio's encoding; default μ-law.</param>
    /// <param name="sampleRate">The audio's sample rate; default 8000 Hz.</param>
    /// <param name="frameDuration">The frame length; default 20 ms.</param>
    public TelephonyFramer(AudioEncoding? encoding = null, int sampleRate = 8000, TimeSpan? frameDuration = null)
    {
        Encoding = encoding ?? AudioEncoding.PcmMulaw;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sampleRate, 0);
        TimeSpan duration = frameDuration ?? TimeSpan.FromMilliseconds(20);
        int bytesPerSample = PcmCodec.BytesPerSample(Encoding);
        double samples = duration.TotalSeconds * sampleRate;
        if (duration <= TimeSpan.Zero || samples < 1 || Math.Abs(samples - Math.Round(samples)) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(frameDuration), duration, "The frame duration must hold a whole number of samples.");
        }

        FrameBytes = (int)Math.Round(samples) * bytesPerSample;
        _pending = new byte[FrameBytes];
        _silence = Encoding == AudioEncoding.PcmMulaw ? (byte)0xFF : Encoding == AudioEncoding.PcmAlaw ? (byte)0xD5 : (byte)0;
    }

    /// <summary>The audio's encoding.</summary>
    public AudioEncoding Encoding { get; }

    /// <summary>Bytes in one frame (160 for 20 ms of 8 kHz μ-law).</summary>
    public int FrameBytes { get; }

    /// <summary>Bytes waiting for the next frame to fill.</summary>
    public int Pending => _count;

    /// <summary>Adds audio and returns every frame it completes, in order.</summary>
    /// <param name="audio">More audio.</param>
    public IReadOnlyList<byte[]> Push(ReadOnlySpan<byte> audio)
    {
        var frames = new List<byte[]>((audio.Length + _count) / FrameBytes);
        while (!audio.IsEmpty)
        {
            int take = Math.Min(FrameBytes - _count, audio.Length);
            audio[..take].CopyTo(_pending.AsSpan(_count));
            _count += take;
            audio = audio[take..];
            if (_count == FrameBytes)
            {
                frames.Add(_pending.ToArray());
                _count = 0;
            }
        }

        return frames;
    }

    /// <summary>Adds audio and returns the base64 payloads of the frames it completes (for media-stream messages).</summary>
    /// <param name="audio">More audio.</param>
    public IReadOnlyList<string> PushBase64(ReadOnlySpan<byte> audio) => [.. Push(audio).Select(f => System.Convert.ToBase64String(f))];

    /// <summary>
    /// Returns the last, partial frame padded with silence to a whole frame (or null when nothing is pending), so
    /// the tail of an utterance is not lost.
    /// </summary>
    public byte[]? Flush()
    {
        if (_count == 0)
        {
            return null;
        }

        byte[] frame = new byte[FrameBytes];
        _pending.AsSpan(0, _count).CopyTo(frame);
        frame.AsSpan(_count).Fill(_silence);
        _count = 0;
        return frame;
    }

    /// <summary>Drops pending audio (for a barge-in: pair it with a "clear" message to the telephony provider).</summary>
    public void Clear() => _count = 0;
}
