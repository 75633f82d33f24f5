namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The encoder side of Layer III alias reduction (ISO/IEC 11172-3 clause 2.4.3.4.10 and Table B.9): eight
/// butterflies across each of the 31 subband boundaries of a long-block spectrum. The decoder applies the inverse
/// rotation, so these butterflies rotate the other way.
/// </summary>
internal static class AliasReduction
{
    private static readonly double[] Coefficients = [-0.6, -0.535, -0.33, -0.185, -0.095, -0.041, -0.0142, -0.0037];

    private static readonly double[] Cs = Array.ConvertAll(Coefficients, c => 1.0 / Math.Sqrt(1.0 + (c * c)));

    private static readonly double[] Ca = Array.ConvertAll(Coefficients, c => c / Math.Sqrt(1.0 + (c * c)));

    /// <summary>Applies the butterflies in place to a 576-line spectrum of 32 subbands × 18 lines.</summary>
    public static void Apply(Span<double> spectrum)
    {
        for (var band = 1; band < PolyphaseAnalysisFilterBank.Subbands; band++)
        {
            var boundary = band * Mdct.LinesPerSubband;
            for (var i = 0; i < 8; i++)
            {
                var lower = spectrum[boundary - 1 - i];
                var upper = spectrum[boundary + i];
                spectrum[boundary - 1 - i] = (lower * Cs[i]) + (upper * Ca[i]);
                spectrum[boundary + i] = (upper * Cs[i]) - (lower * Ca[i]);
            }
        }
    }
}
