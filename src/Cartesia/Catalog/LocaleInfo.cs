using System.Text.Json.Serialization;

namespace Cartesia.Catalog;

/// <summary>
/// A locale of the catalogue (<c>GET /locales</c>): what the <c>locale</c> of a TTS request and the locales of a
/// voice take. Fields the SDK does not know are kept in <see cref="CartesiaModel.AdditionalProperties"/>.
/// </summary>
public sealed class LocaleInfo : CartesiaModel
{
    private string? _id;

    /// <summary>The locale, for example <c>en-GB</c> (what requests take).</summary>
    [JsonPropertyName("id")]
    public string Id { get => _id ?? string.Empty; init => _id = value; }

    /// <summary>The display name, for example <c>English (United Kingdom)</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The locale's language, for example <c>en</c>.</summary>
    [JsonPropertyName("language")]
    public Language Language { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
