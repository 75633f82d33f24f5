using System.Text.Json.Serialization;

namespace Cartesia.PronunciationDictionaries;

/// <summary>One entry of a pronunciation dictionary: text and what to say instead.</summary>
public sealed class PronunciationDictionaryItem : CartesiaModel
{
    /// <summary>The text to replace.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; set; }

    /// <summary>
    /// How to say <see cref="Text"/>: a phonetic representation, or text to say in its place (<c>pronunciation</c>).
    /// Set this or the deprecated <see cref="Alias"/>, not both.
    /// </summary>
    [JsonPropertyName("pronunciation")]
    public string? Pronunciation { get; set; }

    /// <summary>
    /// The deprecated name of <see cref="Pronunciation"/> (<c>alias</c>): still sent as it is when set, with a
    /// warning logged once per client. Set <see cref="Pronunciation"/> instead.
    /// </summary>
    [JsonPropertyName("alias")]
    public string? Alias { get; set; }

    /// <summary>How to say <see cref="Text"/>: <see cref="Pronunciation"/>, or the deprecated <see cref="Alias"/> when only it is set.</summary>
    [JsonIgnore]
    public string? SaidAs => Pronunciation ?? Alias;

    /// <summary>Whether <see cref="Text"/> matches case-sensitively (null: the service's default).</summary>
    [JsonPropertyName("case_sensitive")]
    public bool? CaseSensitive { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Text} → {SaidAs}";
}
