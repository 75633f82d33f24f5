using System.Text.Json.Serialization;

namespace Cartesia.PronunciationDictionaries;

/// <summary>One entry of a pronunciation dictionary: text and what to say instead.</summary>
public sealed class PronunciationDictionaryItem : CartesiaModel
{
    /// <summary>The text to replace.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; set; }

    /// <summary>A phonetic representation, or text to say in place of <see cref="Text"/>.</summary>
    [JsonPropertyName("alias")]
    public required string Alias { get; set; }

    /// <summary>Whether <see cref="Text"/> matches case-sensitively (null: the service's default).</summary>
    [JsonPropertyName("case_sensitive")]
    public bool? CaseSensitive { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Text} → {Alias}";
}
