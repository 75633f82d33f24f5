using System.Text.Json.Serialization;

namespace Cartesia.Catalog;

/// <summary>A language that left a model (<c>GET /models</c>, <c>sunset_languages</c>).</summary>
public sealed class LanguageSunset : CartesiaModel
{
    /// <summary>The language.</summary>
    [JsonPropertyName("language")]
    public Language Language { get; init; }

    /// <summary>The date it left the model.</summary>
    [JsonPropertyName("sunset_date")]
    public DateOnly SunsetDate { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Language} (since {SunsetDate:yyyy-MM-dd})";
}
