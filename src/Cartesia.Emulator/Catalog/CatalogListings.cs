using System.Globalization;

namespace Cartesia.Emulator.Catalog;

/// <summary>
/// What <c>GET /models</c> and <c>GET /locales</c> answer, derived from what the emulator really accepts
/// (<see cref="ModelCatalog"/>, <see cref="SttModels"/>, <see cref="AccentCatalog"/>), so the catalogue and the
/// endpoints never disagree.
/// </summary>
internal static class CatalogListings
{
    /// <summary>The day the older models lost languages, and the oldest ones were sunset (PROTOCOL.md §17).</summary>
    public static readonly DateOnly SunsetDay = new(2026, 6, 1);

    /// <summary>The 15 languages of the older Sonic families before 2026-06-01.</summary>
    private static readonly string[] Sonic2LanguagesBefore = ["en", "fr", "de", "es", "pt", "zh", "ja", "hi", "it", "ko", "nl", "pl", "ru", "sv", "tr"];

    private static readonly string[] TtsEndpoints = ["/tts/bytes", "/tts/sse", "/tts/websocket"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["sonic-latest"] = "sonic-3.6",
        ["sonic-3.5"] = "sonic-3.5-2026-05-04",
        ["sonic-3"] = "sonic-3-2026-01-12",
        ["sonic-2"] = "sonic-2-2025-06-11",
        ["sonic-turbo"] = "sonic-turbo-2025-06-04",
        ["ink-whisper"] = "ink-whisper-2025-06-04",
    };

    public static IReadOnlyList<ModelListing> Models { get; } = Build();

    /// <summary>Each locale of the accent catalogue once, named after its default accent, sorted by id.</summary>
    public static IReadOnlyList<(string Id, string Name, string Language)> Locales { get; } = AccentCatalog.All
        .GroupBy(a => a.Locale, StringComparer.Ordinal)
        .Select(g => (g.Key, (g.FirstOrDefault(a => a.IsLocaleDefault) ?? g.First()).Name, g.First().Language))
        .OrderBy(l => l.Key, StringComparer.Ordinal)
        .ToList();

    private static List<ModelListing> Build()
    {
        var models = new List<ModelListing>();
        foreach (string id in ModelCatalog.TtsIds)
        {
            string[] speaks = ModelCatalog.TtsLanguages.Where(l => ModelCatalog.Speaks(id, l)).ToArray();
            string[] left = id.StartsWith("sonic-2", StringComparison.Ordinal) || id.StartsWith("sonic-turbo", StringComparison.Ordinal)
                ? Sonic2LanguagesBefore.Where(l => !ModelCatalog.Speaks(id, l)).ToArray()
                : [];
            models.Add(new ModelListing(id, Name(id), "tts", speaks, TtsEndpoints, Aliases.GetValueOrDefault(id), null, left));
        }

        foreach (string id in ModelCatalog.SunsetIds)
        {
            models.Add(new ModelListing(id, Name(id), "tts", [], TtsEndpoints, null, SunsetDay, []));
        }

        foreach (string id in new[] { "ink-whisper", "ink-whisper-2025-06-04", "ink-2" })
        {
            string[] endpoints = new[] { ("/stt", SttModels.Batch), ("/stt/websocket", SttModels.Manual), ("/stt/turns/websocket", SttModels.Turns) }
                .Where(e => e.Item2.Contains(id))
                .Select(e => e.Item1)
                .ToArray();
            string[] languages = id == "ink-2" ? ["en"] : [.. SttModels.WhisperLanguages];
            models.Add(new ModelListing(id, Name(id), "stt", languages, endpoints, Aliases.GetValueOrDefault(id), null, []));
        }

        return models;
    }

    /// <summary><c>sonic-3.6</c> → <c>Sonic 3.6</c>; <c>sonic-3-2026-01-12</c> → <c>Sonic 3 (2026-01-12)</c>.</summary>
    private static string Name(string id)
    {
        string date = id.Length > 11 && DateOnly.TryParseExact(id[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? id[^10..] : string.Empty;
        string family = date.Length == 0 ? id : id[..^11];
        string name = string.Join(' ', family.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return date.Length == 0 ? name : $"{name} ({date})";
    }
}
