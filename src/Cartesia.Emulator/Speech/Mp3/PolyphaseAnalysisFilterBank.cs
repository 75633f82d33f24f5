namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The MPEG audio analysis filter bank (ISO/IEC 11172-3 Annex C.1.3): splits the signal into 32 equal-width
/// subbands, turning each block of 32 new PCM samples into one sample of each subband. Stateful: it keeps the last
/// 512 input samples.
/// </summary>
internal sealed class PolyphaseAnalysisFilterBank
{
    /// <summary>The number of subbands, and of PCM samples consumed per call.</summary>
    public const int Subbands = 32;

    private static readonly double[] Window = PolyphaseWindow.CreateAnalysisWindow();

    // M[k][i] = cos((2k + 1)(i - 16) pi / 64), k = 0..31, i = 0..63, stored row by row.
    private static readonly double[] Matrix = CreateMatrix();

    private readonly double[] _fifo = new double[PolyphaseWindow.Length];
    private readonly double[] _partialSums = new double[64];

    /// <summary>
    /// Shifts in 32 PCM samples (oldest first) and writes the 32 subband samples, lowest band first.
    /// </summary>
    public void Process(ReadOnlySpan<double> input, Span<double> subbandSamples)
    {
        if (input.Length != Subbands || subbandSamples.Length != Subbands)
        {
            throw new ArgumentException("The filter bank takes 32 samples and produces 32 subband samples.");
        }

        // X[i] for i = 511..32 becomes X[i - 32]; the new samples go in reversed, the newest at X[0].
        Array.Copy(_fifo, 0, _fifo, Subbands, _fifo.Length - Subbands);
        for (var i = 0; i < Subbands; i++)
        {
            _fifo[Subbands - 1 - i] = input[i];
        }

        // Window, then fold the 512 products into 64 partial sums: Y[i] = sum over j of C[i + 64j] X[i + 64j].
        for (var i = 0; i < 64; i++)
        {
            double sum = 0;
            for (var j = i; j < PolyphaseWindow.Length; j += 64)
            {
                sum += Window[j] * _fifo[j];
            }

            _partialSums[i] = sum;
        }

        // Matrixing: S[k] = sum over i of M[k][i] Y[i].
        for (var k = 0; k < Subbands; k++)
        {
            var row = Matrix.AsSpan(k * 64, 64);
            double sum = 0;
            for (var i = 0; i < 64; i++)
            {
                sum += row[i] * _partialSums[i];
            }

            subbandSamples[k] = sum;
        }
    }

    private static double[] CreateMatrix()
    {
        var matrix = new double[Subbands * 64];
        for (var k = 0; k < Subbands; k++)
        {
            for (var i = 0; i < 64; i++)
            {
                matrix[(k * 64) + i] = Math.Cos((2 * k + 1) * (i - 16) * Math.PI / 64);
            }
        }

        return matrix;
    }
}
