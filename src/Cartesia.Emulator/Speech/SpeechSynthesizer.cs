namespace Cartesia.Emulator.Speech;

/// <summary>
/// Turns text into the emulator's deterministic, decodable speech (see <see cref="ToneAlphabet"/>): words are
/// tone bursts separated by pauses, longer after punctuation, so the emulator's speech-to-text recovers the
/// exact words and its turn detection sees sentence ends.
/// </summary>
internal static partial class SpeechSynthesizer
{
    /// <summary>The silence before the first word.</summary>
    public const double LeadingSilence = 0.10;

    /// <summary>The silence after the last word.</summary>
    public const double TrailingSilence = 0.15;

    /// <summary>The pause between words.</summary>
    public const double WordGap = 0.06;

    /// <summary>The pause after a comma, colon or semicolon.</summary>
    public const double ClauseGap = 0.15;

    /// <summary>The pause after the end of a sentence.</summary>
    public const double SentenceGap = 0.35;

    private const double RampSeconds = 0.003;
    private const float BaseAmplitude = 0.4f;

    /// <summary>Splits a transcript into the words that are spoken; SSML tags (<c>&lt;break time="1s"/&gt;</c>) are markup, not words.</summary>
    public static string[] Words(string transcript) => SsmlTag().Replace(transcript, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Synthesizes a transcript.</summary>
    /// <param name="transcript">The text.</param>
    /// <param name="sampleRate">Output rate in Hz.</param>
    /// <param name="speed">Speaking speed (0.6–1.5): scales the pauses.</param>
    /// <param name="volume">Volume (0.5–2.0): scales the amplitude.</param>
    /// <param name="leadingSilence">Silence before the first word (continuations of a context start with less).</param>
    public static SynthesizedSpeech Synthesize(string transcript, int sampleRate, double speed = 1.0, double volume = 1.0, double leadingSilence = LeadingSilence)
    {
        string[] words = Words(transcript);
        float amplitude = (float)Math.Min(0.9, BaseAmplitude * volume);
        int symbolSamples = (int)Math.Round(ToneAlphabet.SymbolSeconds * sampleRate);
        int rampSamples = Math.Max(1, (int)Math.Round(RampSeconds * sampleRate));

        var samples = new List<float>((int)(sampleRate * (0.5 + (words.Length * 0.4))));
        var wordTimings = new List<SpeechTiming>(words.Length);
        var phonemeTimings = new List<SpeechTiming>();
        AddSilence(samples, leadingSilence, sampleRate);

        for (int w = 0; w < words.Length; w++)
        {
            string word = words[w];
            int[] symbols = ToneAlphabet.Encode(word);
            int start = samples.Count;
            int length = symbols.Length * symbolSamples;
            double phase = 0;
            for (int i = 0; i < length; i++)
            {
                double frequency = ToneAlphabet.Frequency(symbols[i / symbolSamples]);
                phase += 2 * Math.PI * frequency / sampleRate;
                float envelope = Ramp(i, length, rampSamples);
                samples.Add((float)(amplitude * envelope * Math.Sin(phase)));
            }

            double startSeconds = (double)start / sampleRate;
            double endSeconds = (double)samples.Count / sampleRate;
            wordTimings.Add(new SpeechTiming(word, Math.Round(startSeconds, 4), Math.Round(endSeconds, 4)));
            foreach ((string text, int byteStart, int byteLength) in ToneAlphabet.Graphemes(word))
            {
                double phonemeStart = startSeconds + (byteStart * 2 * ToneAlphabet.SymbolSeconds);
                double phonemeEnd = phonemeStart + (byteLength * 2 * ToneAlphabet.SymbolSeconds);
                phonemeTimings.Add(new SpeechTiming(text.ToLowerInvariant(), Math.Round(phonemeStart, 4), Math.Round(phonemeEnd, 4)));
            }

            double gap = w == words.Length - 1 ? TrailingSilence : PauseAfter(word) / speed;
            AddSilence(samples, gap, sampleRate);
        }

        if (words.Length == 0)
        {
            AddSilence(samples, TrailingSilence, sampleRate);
        }

        return new SynthesizedSpeech([.. samples], sampleRate, wordTimings, phonemeTimings);
    }

    /// <summary>The pause that follows a word, from its final punctuation.</summary>
    public static double PauseAfter(string word) => word[^1] switch
    {
        '.' or '!' or '?' or '…' or '。' or '！' or '？' => SentenceGap,
        ',' or ';' or ':' or '、' or '，' => ClauseGap,
        _ => WordGap,
    };

    private static float Ramp(int index, int length, int ramp)
    {
        int distance = Math.Min(index, length - 1 - index);
        if (distance >= ramp)
        {
            return 1f;
        }

        return (float)(0.5 - (0.5 * Math.Cos(Math.PI * distance / ramp)));
    }

    private static void AddSilence(List<float> samples, double seconds, int sampleRate)
    {
        int count = (int)Math.Round(seconds * sampleRate);
        for (int i = 0; i < count; i++)
        {
            samples.Add(0f);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^<>]*>")]
    private static partial System.Text.RegularExpressions.Regex SsmlTag();
}
