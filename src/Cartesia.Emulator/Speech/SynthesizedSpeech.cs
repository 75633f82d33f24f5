namespace Cartesia.Emulator.Speech;

/// <summary>Speech the emulator produced: samples with the timings of its words and phonemes.</summary>
/// <param name="Samples">Mono float samples in [-1, 1].</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Words">Each word with its start and end.</param>
/// <param name="Phonemes">Each phoneme (here: each grapheme of each word) with its start and end.</param>
internal sealed record SynthesizedSpeech(float[] Samples, int SampleRate, IReadOnlyList<SpeechTiming> Words, IReadOnlyList<SpeechTiming> Phonemes)
{
    /// <summary>The audio's length in seconds.</summary>
    public double Duration => (double)Samples.Length / SampleRate;
}
