namespace Cartesia.Audio;

/// <summary>
/// Converts mono float audio between sample rates with a windowed-sinc (Blackman) interpolator whose cut-off
/// sits below the lower Nyquist frequency, so downsampling does not alias.
/// </summary>
public static class AudioResampler
{
    private const int HalfTaps = 32;

    /// <summary>Resamples audio.</summary>
    /// <param name="samples">The input samples.</param>
    /// <param name="fromRate">The input rate in Hz.</param>
    /// <param name="toRate">The output rate in Hz.</param>
    /// <returns>The resampled audio, <c>samples.Length × toRate / fromRate</c> samples long.</returns>
    public static float[] Resample(ReadOnlySpan<float> samples, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fromRate, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(toRate, 0);
        if (fromRate == toRate)
        {
            return samples.ToArray();
        }

        double ratio = (double)toRate / fromRate;
        int outputLength = (int)Math.Floor(samples.Length * ratio);
        float[] output = new float[outputLength];
        double cutoff = Math.Min(1.0, ratio) * 0.94; // relative to the input Nyquist frequency
        double step = 1.0 / ratio;
        for (int n = 0; n < outputLength; n++)
        {
            double center = n * step;
            int first = (int)Math.Floor(center) - HalfTaps + 1;
            double sum = 0, weightSum = 0;
            for (int k = first; k < first + (2 * HalfTaps); k++)
            {
                if (k < 0 || k >= samples.Length)
                {
                    continue;
                }

                double x = k - center;
                double weight = cutoff * Sinc(cutoff * x) * Blackman(x / HalfTaps);
                sum += samples[k] * weight;
                weightSum += weight;
            }

            // Dividing by the weights' sum keeps the DC gain at exactly 1, also at the edges.
            output[n] = Math.Abs(weightSum) < 1e-9 ? 0f : (float)(sum / weightSum);
        }

        return output;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Blackman(double x)
    {
        if (Math.Abs(x) >= 1)
        {
            return 0;
        }

        double t = (x + 1) / 2; // 0..1
        return 0.42 - (0.5 * Math.Cos(2 * Math.PI * t)) + (0.08 * Math.Cos(4 * Math.PI * t));
    }
}
