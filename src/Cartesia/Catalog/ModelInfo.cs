using System.Text.Json.Serialization;

namespace Cartesia.Catalog;

/// <summary>
/// A model of the catalogue (<c>GET /models</c>): its id, what it does, the languages it speaks now and the
/// languages or date it was retired on. Fields the SDK does not know are kept in
/// <see cref="CartesiaModel.AdditionalProperties"/>.
/// </summary>
public sealed class ModelInfo : CartesiaModel
{
    private IReadOnlyList<LanguageSunset>? _sunsetLanguages;
    private IReadOnlyList<string>? _endpoints;
    private IReadOnlyList<Language>? _languages;
    private string? _id;

    /// <summary>The model id requests take, for example <c>sonic-3.6</c> or <c>ink-whisper</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get => _id ?? string.Empty; init => _id = value; }

    /// <summary>The display name, for example <c>Sonic 3.6</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What the model does: <see cref="ModelKind.TextToSpeech"/>, <see cref="ModelKind.SpeechToText"/>, ….</summary>
    [JsonPropertyName("type")]
    public ModelKind Kind { get; init; }

    /// <summary>The languages the model speaks or transcribes now (ISO 639-1); empty for a sunset model.</summary>
    [JsonPropertyName("languages")]
    public IReadOnlyList<Language> Languages { get => _languages ?? []; init => _languages = value; }

    /// <summary>The endpoints that take the model, for example <c>/stt</c> or <c>/stt/websocket</c>; empty when not told.</summary>
    [JsonPropertyName("endpoints")]
    public IReadOnlyList<string> Endpoints { get => _endpoints ?? []; init => _endpoints = value; }

    /// <summary>For a floating id (<c>sonic-latest</c>, <c>sonic-3</c>), the model it points at now; otherwise null.</summary>
    [JsonPropertyName("alias_of")]
    public string? AliasOf { get; init; }

    /// <summary>The date the model was sunset (the service rejects it since), or null.</summary>
    [JsonPropertyName("sunset_date")]
    public DateOnly? SunsetDate { get; init; }

    /// <summary>Languages that left the model, each with its date (the service rejects them on this model since).</summary>
    [JsonPropertyName("sunset_languages")]
    public IReadOnlyList<LanguageSunset> SunsetLanguages { get => _sunsetLanguages ?? []; init => _sunsetLanguages = value; }

    /// <summary>Whether the model is sunset.</summary>
    [JsonIgnore]
    public bool IsSunset => SunsetDate is not null;

    /// <summary>Whether the model speaks (or transcribes) <paramref name="language"/> now.</summary>
    /// <param name="language">The language.</param>
    public bool Supports(Language language) => !IsSunset && Languages.Contains(language);

    /// <summary>Whether an endpoint takes the model (true when the catalogue does not say).</summary>
    /// <param name="endpoint">The endpoint path, for example <c>/stt</c>.</param>
    public bool ServesEndpoint(string endpoint) => Endpoints.Count == 0 || Endpoints.Contains(endpoint, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Kind}, {Languages.Count} languages{(IsSunset ? ", sunset" : string.Empty)})";
}
