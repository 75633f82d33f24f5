using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>Phoneme timings, relative to the start of the context's audio, as three parallel lists.</summary>
public sealed class PhonemeTimestamps : CartesiaModel
{
    /// <summary>The phonemes.</summary>
    [JsonPropertyName("phonemes")]
    public IReadOnlyList<string> Phonemes { get; init; } = [];

    /// <summary>Start of each phoneme, in seconds.</summary>
    [JsonPropertyName("start")]
    public IReadOnlyList<double> Start { get; init; } = [];

    /// <summary>End of each phoneme, in seconds.</summary>
    [JsonPropertyName("end")]
    public IReadOnlyList<double> End { get; init; } = [];

    /// <summary>The phonemes with their times, one entry a phoneme.</summary>
    public IReadOnlyList<TimedText> ToTimedPhonemes() => TimedText.Zip(Phonemes, Start, End);
}
