namespace Cartesia.Emulator.Speech;

/// <summary>
/// Recovers the words of the emulator's speech (see <see cref="ToneAlphabet"/>) from audio at any sample rate:
/// it finds the tone bursts, lays the symbol grid over each one from its midpoint, and reads each symbol's tone
/// with a Goertzel filter bank. Bursts that are not clean tones with a valid checksum (noise, other sounds) are
/// ignored, so unrecognisable audio gives no words rather than wrong ones.
/// </summary>
internal static class SpeechRecognizer
{
    private const double SilenceThreshold = 0.02;
    private const double MergeGapSeconds = 0.008;
    private const double MinimumBurstSeconds = 2.5 * ToneAlphabet.SymbolSeconds;
    private const double AnalysisFraction = 0.8;
    private const double MinimumPurity = 0.5;

    /// <summary>The words in the audio, in order.</summary>
    /// <param name="samples">Mono samples in [-1, 1].</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="timeOffset">Seconds added to every time (the position of <paramref name="samples"/> in a longer stream).</param>
    public static List<RecognizedWord> Recognize(ReadOnlySpan<float> samples, int sampleRate, double timeOffset = 0)
    {
        var words = new List<RecognizedWord>();
        foreach ((int start, int end) in FindBursts(samples, sampleRate))
        {
            if (ReadBurst(samples, sampleRate, start, end) is { } word)
            {
                words.Add(new RecognizedWord(word, Math.Round(timeOffset + ((double)start / sampleRate), 3), Math.Round(timeOffset + ((double)end / sampleRate), 3)));
            }
        }

        return words;
    }

    /// <summary>
    /// The sample ranges of sound bursts, by a 1 ms energy envelope; a burst still sounding at the end of the
    /// buffer is included (callers streaming audio decide whether it is complete).
    /// </summary>
    public static List<(int Start, int End)> FindBursts(ReadOnlySpan<float> samples, int sampleRate)
    {
        int frame = Math.Max(1, sampleRate / 1000);
        int frames = samples.Length / frame;
        var bursts = new List<(int, int)>();
        int mergeFrames = (int)Math.Ceiling(MergeGapSeconds * 1000);
        int burstStart = -1, lastLoud = -1;
        for (int f = 0; f <= frames; f++)
        {
            bool loud = f < frames && Rms(samples.Slice(f * frame, frame)) > SilenceThreshold;
            if (loud)
            {
                if (burstStart < 0)
                {
                    burstStart = f;
                }

                lastLoud = f;
            }
            else if (burstStart >= 0 && (f - lastLoud > mergeFrames || f == frames))
            {
                (int s, int e) = Refine(samples, Math.Max(0, (burstStart - 1) * frame), Math.Min(samples.Length, (lastLoud + 2) * frame));
                if ((double)(e - s) / sampleRate >= MinimumBurstSeconds)
                {
                    bursts.Add((s, e));
                }

                burstStart = -1;
            }
        }

        return bursts;
    }

    /// <summary>Reads the word of one burst, or null when it is not a clean, valid word.</summary>
    private static string? ReadBurst(ReadOnlySpan<float> samples, int sampleRate, int start, int end)
    {
        double symbolSamples = ToneAlphabet.SymbolSeconds * sampleRate;
        double rampCompensation = 0.003 * sampleRate; // the ramps the half-amplitude edges cut off
        int count = (int)Math.Round((end - start + rampCompensation) / symbolSamples);
        if (count < 3)
        {
            return null;
        }

        double middle = (start + end) / 2.0;
        int window = Math.Max(8, (int)(symbolSamples * AnalysisFraction));
        int[] symbols = new int[count];
        for (int i = 0; i < count; i++)
        {
            double center = middle + ((i - ((count - 1) / 2.0)) * symbolSamples);
            int from = (int)Math.Round(center - (window / 2.0));
            if (from < 0 || from + window > samples.Length)
            {
                return null;
            }

            int symbol = Detect(samples.Slice(from, window), sampleRate);
            if (symbol < 0)
            {
                return null;
            }

            symbols[i] = symbol;
        }

        return ToneAlphabet.Decode(symbols);
    }

    /// <summary>The symbol whose tone fills the window, or -1 when no single tone does.</summary>
    private static int Detect(ReadOnlySpan<float> window, int sampleRate)
    {
        int n = window.Length;
        double energy = 0, windowSum = 0, windowSquares = 0;
        Span<double> weights = n <= 2048 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (n - 1)));
            weights[i] = w;
            windowSum += w;
            windowSquares += w * w;
            energy += w * w * window[i] * window[i];
        }

        if (energy <= 0)
        {
            return -1;
        }

        int best = -1;
        double bestPower = 0;
        for (int symbol = 0; symbol < ToneAlphabet.SymbolCount; symbol++)
        {
            double omega = 2 * Math.PI * ToneAlphabet.Frequency(symbol) / sampleRate;
            double coefficient = 2 * Math.Cos(omega);
            double s1 = 0, s2 = 0;
            for (int i = 0; i < n; i++)
            {
                double s0 = (weights[i] * window[i]) + (coefficient * s1) - s2;
                s2 = s1;
                s1 = s0;
            }

            double power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
            if (power > bestPower)
            {
                bestPower = power;
                best = symbol;
            }
        }

        // For a pure tone, |X|² ≈ E · (Σw)² / (2 Σw²): the ratio below is about 1; noise gives far less.
        double purity = bestPower * 2 * windowSquares / (windowSum * windowSum * energy);
        return purity >= MinimumPurity ? best : -1;
    }

    /// <summary>Narrows a burst to where its amplitude passes half its peak, at sample resolution.</summary>
    private static (int Start, int End) Refine(ReadOnlySpan<float> samples, int from, int to)
    {
        float peak = 0;
        for (int i = from; i < to; i++)
        {
            peak = Math.Max(peak, Math.Abs(samples[i]));
        }

        float half = peak / 2;
        int start = from, end = to;
        while (start < to && Math.Abs(samples[start]) < half)
        {
            start++;
        }

        while (end > start && Math.Abs(samples[end - 1]) < half)
        {
            end--;
        }

        return (start, end);
    }

    private static double Rms(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (float s in frame)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / frame.Length);
    }
}
