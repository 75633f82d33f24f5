namespace Cartesia.Tests.Audio;

/// <summary>Test signals and their measurement.</summary>
internal static class Signals
{
    public static float[] Sine(double frequency, int sampleRate, double seconds, double amplitude = 0.5)
    {
        float[] samples = new float[(int)(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>The amplitude of a frequency in the middle of a signal (Goertzel over a Hann window).</summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        int n = Math.Min(samples.Length / 2, sampleRate / 5);
        ReadOnlySpan<float> window = samples.Slice((samples.Length - n) / 2, n);
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0, weights = 0;
        for (int i = 0; i < n; i++)
        {
            double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (n - 1)));
            weights += w;
            double s0 = (w * window[i]) + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        double power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / weights;
    }

    /// <summary>The frequency (to 10 Hz) with the most energy between two bounds.</summary>
    public static double Peak(ReadOnlySpan<float> samples, int sampleRate, double from = 50, double to = 20000)
    {
        double best = 0, bestAmplitude = -1;
        for (double f = from; f <= Math.Min(to, sampleRate / 2.0 - 10); f += 10)
        {
            double a = Amplitude(samples, f, sampleRate);
            if (a > bestAmplitude)
            {
                bestAmplitude = a;
                best = f;
            }
        }

        return best;
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
