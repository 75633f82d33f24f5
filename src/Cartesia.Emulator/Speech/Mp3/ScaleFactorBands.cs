namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The long-block scale factor band boundaries of Layer III (ISO/IEC 11172-3 Table B.8 and ISO/IEC 13818-3
/// Table B.2; the MPEG-2.5 rates use the MPEG-2 layout, except 8 kHz which has its own). Each array holds the 23
/// spectral line indices at which the 22 bands start, ending with 576. The encoder uses them to place the
/// boundaries between the Huffman regions of the big_values part, which the side information signals as band counts.
/// </summary>
internal static class ScaleFactorBands
{
    private static readonly int[] Long44100 =
        [0, 4, 8, 12, 16, 20, 24, 30, 36, 44, 52, 62, 74, 90, 110, 134, 162, 196, 238, 288, 342, 418, 576];

    private static readonly int[] Long48000 =
        [0, 4, 8, 12, 16, 20, 24, 30, 36, 42, 50, 60, 72, 88, 106, 128, 156, 190, 230, 276, 330, 384, 576];

    private static readonly int[] Long32000 =
        [0, 4, 8, 12, 16, 20, 24, 30, 36, 44, 54, 66, 82, 102, 126, 156, 194, 240, 296, 364, 448, 550, 576];

    // 22.05 kHz and 16 kHz (MPEG-2), 11.025 kHz and 12 kHz (MPEG-2.5).
    private static readonly int[] LongLowRates =
        [0, 6, 12, 18, 24, 30, 36, 44, 54, 66, 80, 96, 116, 140, 168, 200, 238, 284, 336, 396, 464, 522, 576];

    private static readonly int[] Long24000 =
        [0, 6, 12, 18, 24, 30, 36, 44, 54, 66, 80, 96, 114, 136, 162, 194, 232, 278, 332, 394, 464, 540, 576];

    private static readonly int[] Long8000 =
        [0, 12, 24, 36, 48, 60, 72, 88, 108, 132, 160, 192, 232, 280, 336, 400, 476, 566, 568, 570, 572, 574, 576];

    /// <summary>The long-block band boundaries for <paramref name="sampleRate"/> (one of the nine Layer III rates).</summary>
    public static ReadOnlySpan<int> Long(int sampleRate) => sampleRate switch
    {
        44100 => Long44100,
        48000 => Long48000,
        32000 => Long32000,
        24000 => Long24000,
        22050 or 16000 or 11025 or 12000 => LongLowRates,
        8000 => Long8000,
        _ => throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Not a Layer III sample rate."),
    };

    /// <summary>
    /// Whether decoders are known to disagree about where band boundary <paramref name="index"/> lies, so that the
    /// encoder should not end a Huffman region there. Some widely used tables give 330 rather than 332 for the start
    /// of band 18 at 24 kHz.
    /// </summary>
    public static bool IsAmbiguousBoundary(int sampleRate, int index) => sampleRate == 24000 && index == 18;
}
