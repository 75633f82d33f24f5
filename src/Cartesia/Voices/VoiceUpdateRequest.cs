using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// Changes to a voice (<c>PATCH /voices/{id}</c>). Fields left unset are omitted and stay as they are.
/// <see cref="Gender"/> set to <see langword="null"/> resets the gender to the default.
/// </summary>
public sealed class VoiceUpdateRequest : CartesiaModel
{
    /// <summary>A new name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>A new description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>
    /// A new gender presentation, or <see langword="null"/> to reset it to the default; leave it unset to keep it
    /// (see <see cref="OptionalValue{T}"/>).
    /// </summary>
    [JsonPropertyName("gender")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonConverter(typeof(OptionalValueJsonConverter<GenderPresentation?>))]
    public OptionalValue<GenderPresentation?> Gender { get; set; }

    /// <summary>A new accent, by catalogue id (API 2026-08-14).</summary>
    [JsonPropertyName("accent")]
    public VoiceAccent? Accent { get; set; }
}
