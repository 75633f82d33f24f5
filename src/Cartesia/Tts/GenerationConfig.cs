using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>Volume, speed and emotion of Sonic 3 speech (no effect on earlier models).</summary>
public sealed class GenerationConfig : CartesiaModel
{
    /// <summary>The lowest allowed <see cref="Speed"/>.</summary>
    public const double MinSpeed = 0.6;

    /// <summary>The highest allowed <see cref="Speed"/>.</summary>
    public const double MaxSpeed = 1.5;

    /// <summary>The lowest allowed <see cref="Volume"/>.</summary>
    public const double MinVolume = 0.5;

    /// <summary>The highest allowed <see cref="Volume"/>.</summary>
    public const double MaxVolume = 2.0;

    /// <summary>Speed from 0.6 to 1.5 times normal (1.0). Temporarily disabled on Sonic 3.5.</summary>
    [JsonPropertyName("speed")]
    public double? Speed { get; set; }

    /// <summary>Volume from 0.5 to 2.0 times normal (1.0). Temporarily disabled on Sonic 3.5.</summary>
    [JsonPropertyName("volume")]
    public double? Volume { get; set; }

    /// <summary>The emotion to guide the speech, for example <see cref="Tts.Emotion.Calm"/>.</summary>
    [JsonPropertyName("emotion")]
    public Emotion? Emotion { get; set; }
}
