using System.Globalization;
using System.Text.RegularExpressions;
using Cartesia.Stt;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>Maps <see cref="SpeechToTextOptions"/> onto Cartesia's speech-to-text settings, refusing what Cartesia cannot honour.</summary>
internal static partial class SpeechToTextOptionsMapper
{
    private static readonly HashSet<string> KnownKeys = [CartesiaAdditionalProperties.InputEncoding];

    /// <summary>What a call asks for.</summary>
    /// <param name="Model">The model.</param>
    /// <param name="Language">The language of the speech (ISO 639-1), or null for the service's default.</param>
    /// <param name="Encoding">The encoding of raw input (from <see cref="CartesiaAdditionalProperties.InputEncoding"/>).</param>
    /// <param name="SampleRate">The sample rate of raw input (<see cref="SpeechToTextOptions.SpeechSampleRate"/>).</param>
    public sealed record Settings(SttModel Model, Language? Language, AudioEncoding? Encoding, int? SampleRate);

    public static Settings Map(SpeechToTextOptions? options, SttModel defaultModel)
    {
        if (options?.AdditionalProperties is { } extra)
        {
            foreach (string key in extra.Keys)
            {
                if (!KnownKeys.Contains(key))
                {
                    throw new ArgumentException($"SpeechToTextOptions.AdditionalProperties has '{key}', which Cartesia does not understand; supported keys: {string.Join(", ", KnownKeys)}.", nameof(options));
                }
            }
        }

        Language? language = MapLanguage(options?.SpeechLanguage, nameof(SpeechToTextOptions.SpeechLanguage));
        if (!string.IsNullOrWhiteSpace(options?.TextLanguage))
        {
            Language? text = MapLanguage(options.TextLanguage, nameof(SpeechToTextOptions.TextLanguage));
            if (text != language)
            {
                throw new NotSupportedException($"Cartesia transcribes speech in its own language and does not translate: SpeechToTextOptions.TextLanguage '{options.TextLanguage}' must be the same language as SpeechLanguage ('{options.SpeechLanguage ?? "not set"}').");
            }
        }

        if (options?.SpeechSampleRate is <= 0)
        {
            throw new ArgumentException($"SpeechToTextOptions.SpeechSampleRate must be positive; it is {options.SpeechSampleRate}.", nameof(options));
        }

        string? encoding = options?.AdditionalProperties?.TryGetValue(CartesiaAdditionalProperties.InputEncoding, out object? value) == true
            ? value switch
            {
                null => (string?)null,
                string text when !string.IsNullOrWhiteSpace(text) => text.Trim(),
                AudioEncoding typed => typed.Value,
                _ => throw new ArgumentException($"AdditionalProperties['{CartesiaAdditionalProperties.InputEncoding}'] must be an encoding name such as \"pcm_s16le\"; it is '{value}'.", nameof(options)),
            }
            : null;
        SttModel model = string.IsNullOrWhiteSpace(options?.ModelId) ? defaultModel : new SttModel(options.ModelId.Trim());
        return new Settings(model, language, encoding is null ? (AudioEncoding?)null : new AudioEncoding(encoding), options?.SpeechSampleRate);
    }

    private static Language? MapLanguage(string? bcp47, string property)
    {
        if (string.IsNullOrWhiteSpace(bcp47))
        {
            return null;
        }

        Match match = LanguageTag().Match(bcp47.Trim());
        return match.Success
            ? new Language(match.Groups["language"].Value.ToLower(CultureInfo.InvariantCulture))
            : throw new ArgumentException($"SpeechToTextOptions.{property} '{bcp47}' is not a language code such as 'en' or 'en-US'.", property);
    }

    [GeneratedRegex("^(?<language>[A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
