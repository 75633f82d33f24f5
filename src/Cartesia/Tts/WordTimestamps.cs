using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>Word timings, relative to the start of the context's audio, as three parallel lists.</summary>
public sealed class WordTimestamps : CartesiaModel
{
    /// <summary>The words, as the service segmented the transcript.</summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Start of each word, in seconds.</summary>
    [JsonPropertyName("start")]
    public IReadOnlyList<double> Start { get; init; } = [];

    /// <summary>End of each word, in seconds.</summary>
    [JsonPropertyName("end")]
    public IReadOnlyList<double> End { get; init; } = [];

    /// <summary>The words with their times, one entry a word.</summary>
    public IReadOnlyList<TimedText> ToTimedWords() => TimedText.Zip(Words, Start, End);
}
