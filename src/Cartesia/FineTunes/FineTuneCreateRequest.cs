using System.Text.Json.Serialization;
using Cartesia.Tts;
using Cartesia.Voices;

namespace Cartesia.FineTunes;

/// <summary>A new fine-tune (<c>POST /fine-tunes/</c>).</summary>
public sealed class FineTuneCreateRequest : CartesiaModel
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; set; }

    /// <summary>The language code of the dataset's speech.</summary>
    [JsonPropertyName("language")]
    public required Language Language { get; set; }

    /// <summary>The dated base model, for example <see cref="TtsModel.Sonic3_2026_01_12"/>.</summary>
    [JsonPropertyName("model_id")]
    public required TtsModel ModelId { get; set; }

    /// <summary>The id of the dataset holding the training files.</summary>
    [JsonPropertyName("dataset")]
    public required string Dataset { get; set; }

    /// <summary>The accent of the voices, a catalogue id (API 2026-08-14).</summary>
    [JsonPropertyName("accent")]
    public VoiceAccent? Accent { get; set; }
}
