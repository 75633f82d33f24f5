namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The 32-bit header that starts every MPEG audio frame (ISO/IEC 11172-3 clause 2.4.1.3), as written by this
/// encoder: Layer III, no CRC, single channel, no emphasis, not copyrighted.
/// </summary>
/// <param name="Version">The MPEG version, which selects the bit rate and sample rate tables.</param>
/// <param name="BitRateIndex">The 4-bit bit rate index (1 to 14; 0 is free format and 15 is forbidden).</param>
/// <param name="SampleRateIndex">The 2-bit sample rate index (0 to 2).</param>
/// <param name="Padding">Whether the frame carries one extra byte (the padding slot).</param>
internal readonly record struct Mp3FrameHeader(MpegVersion Version, int BitRateIndex, int SampleRateIndex, bool Padding)
{
    /// <summary>The size of the header in bytes.</summary>
    public const int Size = 4;

    private static readonly int[] Mpeg1BitRatesKbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

    private static readonly int[] Mpeg2BitRatesKbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

    private static readonly int[] Mpeg1SampleRates = [44100, 48000, 32000];

    private static readonly int[] Mpeg2SampleRates = [22050, 24000, 16000];

    private static readonly int[] Mpeg25SampleRates = [11025, 12000, 8000];

    /// <summary>The Layer III bit rates in kbit/s by index for <paramref name="version"/> (index 0 is free format).</summary>
    public static ReadOnlySpan<int> BitRatesKbps(MpegVersion version) =>
        version == MpegVersion.Mpeg1 ? Mpeg1BitRatesKbps : Mpeg2BitRatesKbps;

    /// <summary>The sample rates in Hz by index for <paramref name="version"/>.</summary>
    public static ReadOnlySpan<int> SampleRates(MpegVersion version) => version switch
    {
        MpegVersion.Mpeg1 => Mpeg1SampleRates,
        MpegVersion.Mpeg2 => Mpeg2SampleRates,
        _ => Mpeg25SampleRates,
    };

    /// <summary>The bit rate in bit/s.</summary>
    public int BitRate => BitRatesKbps(Version)[BitRateIndex] * 1000;

    /// <summary>The sample rate in Hz.</summary>
    public int SampleRate => SampleRates(Version)[SampleRateIndex];

    /// <summary>PCM samples per frame: 1152 for MPEG-1, 576 for MPEG-2 and MPEG-2.5.</summary>
    public int SamplesPerFrame => Version == MpegVersion.Mpeg1 ? 1152 : 576;

    /// <summary>The length of the whole frame in bytes, header included: floor(samples/8 × bit rate / sample rate) + padding.</summary>
    public int FrameLength => (SamplesPerFrame / 8 * BitRate / SampleRate) + (Padding ? 1 : 0);

    /// <summary>Writes the header's 32 bits.</summary>
    public void Write(BitWriter writer)
    {
        writer.Write(0x7FF, 11); // frame sync
        writer.Write(Version switch { MpegVersion.Mpeg1 => 3, MpegVersion.Mpeg2 => 2, _ => 0 }, 2);
        writer.Write(1, 2); // layer: '01' is Layer III
        writer.Write(1, 1); // protection_bit: 1 means no CRC follows
        writer.Write(BitRateIndex, 4);
        writer.Write(SampleRateIndex, 2);
        writer.Write(Padding ? 1 : 0, 1);
        writer.Write(0, 1); // private_bit
        writer.Write(3, 2); // mode: single channel
        writer.Write(0, 2); // mode_extension (unused in single channel mode)
        writer.Write(0, 1); // copyright
        writer.Write(0, 1); // original/copy
        writer.Write(0, 2); // emphasis: none
    }
}
