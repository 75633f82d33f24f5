using System.Text.Json.Serialization;
using Cartesia.Tts;
using Cartesia.Voices;

namespace Cartesia.FineTunes;

/// <summary>A fine-tune: a Pro Voice Clone model trained on a dataset.</summary>
public sealed class FineTune : CartesiaResult
{
    /// <summary>The fine-tune id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>The language code.</summary>
    [JsonPropertyName("language")]
    public Language Language { get; init; }

    /// <summary>The dated base model (TTS with its voices needs this id).</summary>
    [JsonPropertyName("model_id")]
    public TtsModel ModelId { get; init; }

    /// <summary>The dataset it trains on.</summary>
    [JsonPropertyName("dataset")]
    public string Dataset { get; init; } = string.Empty;

    /// <summary>Where training is.</summary>
    [JsonPropertyName("status")]
    public FineTuneStatus Status { get; init; }

    /// <summary>The accent of its voices, a catalogue id (API 2026-08-14).</summary>
    [JsonPropertyName("accent")]
    public VoiceAccent? Accent { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}, {Status})";
}
