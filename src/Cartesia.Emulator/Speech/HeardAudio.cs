namespace Cartesia.Emulator.Speech;

/// <summary>What <see cref="AudioListener"/> heard in an uploaded file: its words and how long it lasts.</summary>
/// <param name="Words">The words recognized, in order.</param>
/// <param name="Samples">How many (mono) samples the audio holds.</param>
/// <param name="SampleRate">Samples per second.</param>
internal sealed record HeardAudio(List<RecognizedWord> Words, long Samples, int SampleRate)
{
    /// <summary>The length of the audio in seconds.</summary>
    public double Seconds => (double)Samples / SampleRate;
}
