namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The coding parameters of one mono Layer III stream: the MPEG version and header indices that a sample rate and a
/// requested bit rate resolve to, and the frame layout and audio bandwidth they imply.
/// </summary>
internal sealed class Mp3StreamFormat
{
    private Mp3StreamFormat(MpegVersion version, int sampleRate, int sampleRateIndex, int bitRateIndex)
    {
        Version = version;
        SampleRate = sampleRate;
        SampleRateIndex = sampleRateIndex;
        BitRateIndex = bitRateIndex;
        BitRate = Mp3FrameHeader.BitRatesKbps(version)[bitRateIndex] * 1000;
        CutoffLine = ComputeCutoffLine(sampleRate, BitRate);
    }

    /// <summary>The MPEG version the sample rate belongs to.</summary>
    public MpegVersion Version { get; }

    /// <summary>The sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The header's sample rate index.</summary>
    public int SampleRateIndex { get; }

    /// <summary>The header's bit rate index.</summary>
    public int BitRateIndex { get; }

    /// <summary>The bit rate actually written, in bit/s.</summary>
    public int BitRate { get; }

    /// <summary>Granules of 576 samples per frame: 2 for MPEG-1, 1 otherwise.</summary>
    public int GranulesPerFrame => Version == MpegVersion.Mpeg1 ? 2 : 1;

    /// <summary>PCM samples per frame.</summary>
    public int SamplesPerFrame => GranulesPerFrame * Mdct.GranuleSize;

    /// <summary>The size of the single-channel side information in bytes: 17 for MPEG-1, 9 otherwise.</summary>
    public int SideInfoSize => Version == MpegVersion.Mpeg1 ? 17 : 9;

    /// <summary>
    /// The first spectral line (of 576) that is always coded as zero: the encoder's low-pass, which keeps the
    /// bit budget for the audible band at low bit rates. Equal to 576 when the whole band up to Nyquist is kept.
    /// </summary>
    public int CutoffLine { get; }

    /// <summary>
    /// Resolves a sample rate and a requested bit rate. The sample rate must be one of the nine Layer III rates
    /// (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100 or 48000 Hz). The bit rate is rounded to the nearest
    /// one the MPEG version allows (32 to 320 kbit/s for MPEG-1, 8 to 160 kbit/s for MPEG-2 and MPEG-2.5; on a tie
    /// the lower), so 192 kbit/s at 24 kHz becomes 160 kbit/s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not a Layer III rate, or the bit rate is not positive.</exception>
    public static Mp3StreamFormat Create(int sampleRate, int requestedBitRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestedBitRate);
        foreach (var version in (ReadOnlySpan<MpegVersion>)[MpegVersion.Mpeg1, MpegVersion.Mpeg2, MpegVersion.Mpeg25])
        {
            var index = Mp3FrameHeader.SampleRates(version).IndexOf(sampleRate);
            if (index >= 0)
            {
                return new Mp3StreamFormat(version, sampleRate, index, NearestBitRateIndex(version, requestedBitRate));
            }
        }

        throw new ArgumentOutOfRangeException(
            nameof(sampleRate),
            sampleRate,
            "MP3 supports sample rates of 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100 and 48000 Hz.");
    }

    /// <summary>The header of a frame, with or without the padding byte.</summary>
    public Mp3FrameHeader Header(bool padding) => new(Version, BitRateIndex, SampleRateIndex, padding);

    private static int NearestBitRateIndex(MpegVersion version, int requestedBitRate)
    {
        var table = Mp3FrameHeader.BitRatesKbps(version);
        var best = 1;
        for (var i = 2; i < table.Length; i++)
        {
            if (Math.Abs(((long)table[i] * 1000) - requestedBitRate) < Math.Abs(((long)table[best] * 1000) - requestedBitRate))
            {
                best = i;
            }
        }

        return best;
    }

    // A simple bandwidth policy for a mono stream without a psychoacoustic model: the fewer bits per second, the
    // lower the cutoff, so that what is kept is coded finely enough. Speech (up to about 4 kHz) is kept at every
    // bit rate of 24 kbit/s and above.
    private static int ComputeCutoffLine(int sampleRate, int bitRate)
    {
        ReadOnlySpan<int> kbps = [8, 16, 24, 32, 48, 64, 96, 128, 160, 192];
        ReadOnlySpan<int> hz = [2500, 3800, 5000, 7000, 10000, 13000, 16000, 18000, 19500, 20000];
        var rate = bitRate / 1000.0;
        double bandwidth;
        if (rate <= kbps[0])
        {
            bandwidth = hz[0];
        }
        else if (rate >= kbps[^1])
        {
            bandwidth = hz[^1];
        }
        else
        {
            var i = 1;
            while (kbps[i] < rate)
            {
                i++;
            }

            var t = (rate - kbps[i - 1]) / (kbps[i] - kbps[i - 1]);
            bandwidth = hz[i - 1] + (t * (hz[i] - hz[i - 1]));
        }

        var nyquist = sampleRate / 2.0;
        return bandwidth >= nyquist ? Mdct.GranuleSize : (int)Math.Ceiling(bandwidth / nyquist * Mdct.GranuleSize);
    }
}
