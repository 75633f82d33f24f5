using System.Text.Json.Serialization;

namespace Cartesia.Stt;

/// <summary>A transcribed word with where it sits in the audio.</summary>
public sealed class SttWord : CartesiaModel
{
    /// <summary>The word, with its punctuation.</summary>
    [JsonPropertyName("word")]
    public string Word { get; init; } = string.Empty;

    /// <summary>Where the word starts, in seconds from the start of the audio (of the session, for a stream).</summary>
    [JsonPropertyName("start")]
    public double Start { get; init; }

    /// <summary>Where the word ends, in seconds.</summary>
    [JsonPropertyName("end")]
    public double End { get; init; }

    /// <summary>Where the word starts, as a time span.</summary>
    [JsonIgnore]
    public TimeSpan StartTime => TimeSpan.FromSeconds(Start);

    /// <summary>Where the word ends, as a time span.</summary>
    [JsonIgnore]
    public TimeSpan EndTime => TimeSpan.FromSeconds(End);

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Word} [{Start:0.000}–{End:0.000}]");
}
