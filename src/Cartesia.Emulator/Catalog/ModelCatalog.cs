namespace Cartesia.Emulator.Catalog;

/// <summary>The models the emulator knows, with the lifecycle rules of PROTOCOL.md §17.</summary>
internal static class ModelCatalog
{
    /// <summary>Every language Sonic 3 speaks (API 2026-08-14: 44 codes).</summary>
    public static IReadOnlySet<string> TtsLanguages { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "en", "fr", "de", "es", "pt", "zh", "ja", "hi", "it", "ko", "nl", "pl", "ru", "sv", "tr", "tl", "bg", "ro", "ar", "cs", "el",
        "fi", "hr", "ms", "sk", "da", "ta", "uk", "hu", "no", "vi", "bn", "th", "he", "ka", "id", "te", "gu", "kn", "ml", "mr", "pa",
        "or", "ur",
    };

    private static readonly HashSet<string> Sonic3Family = new(StringComparer.Ordinal)
    {
        "sonic-3.6", "sonic-3.5", "sonic-3.5-2026-05-04", "sonic-3", "sonic-3-2026-01-12", "sonic-3-2025-10-27", "sonic-latest",
    };

    private static readonly HashSet<string> Sonic2Family = new(StringComparer.Ordinal)
    {
        "sonic-2", "sonic-2-2025-04-16", "sonic-2-2025-05-08", "sonic-2-2025-06-11",
    };

    private static readonly HashSet<string> SonicTurboFamily = new(StringComparer.Ordinal) { "sonic-turbo", "sonic-turbo-2025-06-04" };

    private static readonly HashSet<string> Sunset = new(StringComparer.Ordinal)
    {
        "sonic", "sonic-english", "sonic-multilingual", "sonic-2-2025-03-07", "sonic-turbo-2025-03-07",
    };

    private static readonly HashSet<string> Sonic2Languages = new(StringComparer.Ordinal) { "en", "de", "es", "fr", "ja", "ko", "pt", "zh" };

    /// <summary>Generic ids that float to the newest snapshot (Pro Voice Clones need a dated one).</summary>
    public static IReadOnlySet<string> GenericIds { get; } = new HashSet<string>(StringComparer.Ordinal) { "sonic-3.6", "sonic-3.5", "sonic-3", "sonic-latest", "sonic-2", "sonic-turbo" };

    /// <summary>Every known text-to-speech id, floating ids before their snapshots (the order of <c>GET /models</c>).</summary>
    public static IEnumerable<string> TtsIds => Sonic3Family.Concat(Sonic2Family).Concat(SonicTurboFamily);

    /// <summary>The ids the service rejects with model_sunsetted.</summary>
    public static IEnumerable<string> SunsetIds => Sunset;

    public static bool IsSunset(string modelId) => Sunset.Contains(modelId);

    public static bool IsKnownTts(string modelId) => Sonic3Family.Contains(modelId) || Sonic2Family.Contains(modelId) || SonicTurboFamily.Contains(modelId);

    /// <summary>Whether the model still speaks the language (older families lost some on 2026-06-01).</summary>
    public static bool Speaks(string modelId, string language)
    {
        if (Sonic2Family.Contains(modelId))
        {
            return Sonic2Languages.Contains(language);
        }

        if (SonicTurboFamily.Contains(modelId))
        {
            return Sonic2Languages.Contains(language) || language == "hi";
        }

        return TtsLanguages.Contains(language);
    }

    /// <summary>Whether generation_config (speed, volume, emotion) applies to the model.</summary>
    public static bool SupportsGenerationConfig(string modelId) => Sonic3Family.Contains(modelId);
}
