namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The long-block modified discrete cosine transform of Layer III: for each of the 32 subbands, 36 windowed
/// samples (the previous granule's 18 and the current granule's 18) become 18 spectral lines, giving a
/// 576-line spectrum per granule. Stateful: it keeps the previous granule's subband samples.
/// </summary>
/// <remarks>
/// The transform is X[k] = (1/9) Σ w[n] z[n] cos(π/72 (2n + 19)(2k + 1)) with the sine window
/// w[n] = sin(π/36 (n + ½)); the factor 1/9 makes a standard decoder's inverse transform (which has no
/// normalisation) reproduce the subband samples at unit gain. Before the transform, every odd sample of every odd
/// subband is negated, undoing the frequency inversion of the polyphase filter bank as the decoder will redo it.
/// </remarks>
internal sealed class Mdct
{
    /// <summary>Spectral lines (and samples) per granule.</summary>
    public const int GranuleSize = 576;

    /// <summary>Spectral lines per subband, which is also the number of subband samples per granule.</summary>
    public const int LinesPerSubband = 18;

    private const int WindowLength = 2 * LinesPerSubband;

    // Kernel[k][n] = w[n] cos(pi/72 (2n + 19)(2k + 1)) / 9, stored row by row.
    private static readonly double[] Kernel = CreateKernel();

    private readonly double[] _previous = new double[GranuleSize];
    private readonly double[] _block = new double[WindowLength];

    /// <summary>
    /// Transforms one granule. <paramref name="subbandSamples"/> holds 18 time slots of 32 subband samples
    /// (slot-major, as the filter bank produces them); <paramref name="spectrum"/> receives 576 lines, subband-major
    /// (line 18 × subband + k), with alias reduction applied.
    /// </summary>
    public void Transform(ReadOnlySpan<double> subbandSamples, Span<double> spectrum)
    {
        if (subbandSamples.Length != GranuleSize || spectrum.Length != GranuleSize)
        {
            throw new ArgumentException("A granule has 576 subband samples and 576 spectral lines.");
        }

        for (var band = 0; band < PolyphaseAnalysisFilterBank.Subbands; band++)
        {
            for (var slot = 0; slot < LinesPerSubband; slot++)
            {
                var sample = subbandSamples[(slot * PolyphaseAnalysisFilterBank.Subbands) + band];
                if ((band & 1) == 1 && (slot & 1) == 1)
                {
                    sample = -sample;
                }

                _block[slot] = _previous[(band * LinesPerSubband) + slot];
                _block[LinesPerSubband + slot] = sample;
                _previous[(band * LinesPerSubband) + slot] = sample;
            }

            for (var k = 0; k < LinesPerSubband; k++)
            {
                var row = Kernel.AsSpan(k * WindowLength, WindowLength);
                double sum = 0;
                for (var n = 0; n < WindowLength; n++)
                {
                    sum += row[n] * _block[n];
                }

                spectrum[(band * LinesPerSubband) + k] = sum;
            }
        }

        AliasReduction.Apply(spectrum);
    }

    private static double[] CreateKernel()
    {
        var kernel = new double[LinesPerSubband * WindowLength];
        for (var k = 0; k < LinesPerSubband; k++)
        {
            for (var n = 0; n < WindowLength; n++)
            {
                var window = Math.Sin(Math.PI / WindowLength * (n + 0.5));
                kernel[(k * WindowLength) + n] = window * Math.Cos(Math.PI / 72 * ((2 * n) + 19) * ((2 * k) + 1)) / 9.0;
            }
        }

        return kernel;
    }
}
