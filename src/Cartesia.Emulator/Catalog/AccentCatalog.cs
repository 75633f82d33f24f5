namespace Cartesia.Emulator.Catalog;

/// <summary>The emulator's accent catalogue: a realistic subset of the service's, sorted by id.</summary>
internal static class AccentCatalog
{
    public static IReadOnlyList<AccentRecord> All { get; } = new AccentRecord[]
    {
        new("australian", "Australian English", "en", "en-AU", true, true),
        new("belgian-french", "Belgian French", "fr", "fr-BE", true, false),
        new("brazilian-portuguese", "Brazilian Portuguese", "pt", "pt-BR", true, true),
        new("british", "British English", "en", "en-GB", true, true),
        new("california", "Californian English", "en", "en-US", false, false),
        new("canadian-english", "Canadian English", "en", "en-CA", true, false),
        new("canadian-french", "Canadian French", "fr", "fr-CA", true, true),
        new("castilian", "Castilian Spanish", "es", "es-ES", true, true),
        new("central-tamil", "Central Tamil", "ta", "ta-IN", true, true),
        new("central-thai", "Central Thai", "th", "th-TH", true, true),
        new("european-portuguese", "European Portuguese", "pt", "pt-PT", true, false),
        new("general-american", "General American English", "en", "en-US", true, true),
        new("high-german", "High German", "de", "de-DE", true, true),
        new("hindi", "Hindi", "hi", "hi-IN", true, true),
        new("indian-english", "Indian English", "en", "en-IN", true, true),
        new("irish", "Irish English", "en", "en-IE", true, false),
        new("israeli", "Israeli Hebrew", "he", "he-IL", true, true),
        new("istanbul", "Istanbul Turkish", "tr", "tr-TR", true, true),
        new("italian", "Italian", "it", "it-IT", true, true),
        new("korean", "Korean", "ko", "ko-KR", true, true),
        new("mandarin", "Mandarin Chinese", "zh", "zh-CN", true, true),
        new("mexican", "Mexican Spanish", "es", "es-MX", true, true),
        new("midwestern-american", "Midwestern American English", "en", "en-US", false, false),
        new("modern-standard-arabic", "Modern Standard Arabic", "ar", "ar-SA", true, true),
        new("new-york", "New York English", "en", "en-US", false, false),
        new("parisian", "Parisian French", "fr", "fr-FR", true, true),
        new("polish", "Polish", "pl", "pl-PL", true, true),
        new("randstad", "Randstad Dutch", "nl", "nl-NL", true, true),
        new("russian", "Russian", "ru", "ru-RU", true, true),
        new("southern-us", "Southern US English", "en", "en-US", false, true),
        new("standard-japanese", "Standard Japanese", "ja", "ja-JP", true, true),
        new("stockholm", "Stockholm Swedish", "sv", "sv-SE", true, true),
        new("swiss-standard", "Swiss Standard German", "de", "de-CH", true, false),
        new("taiwanese-mandarin", "Taiwanese Mandarin", "zh", "zh-TW", true, false),
        new("telangana", "Telangana Telugu", "te", "te-IN", true, true),
    };

    public static AccentRecord? Find(string id) => All.FirstOrDefault(a => a.Id == id);

    /// <summary>The default accent of a language, for voices created without one.</summary>
    public static AccentRecord? DefaultFor(string language) => language switch
    {
        "en" => Find("general-american"),
        "es" => Find("castilian"),
        "pt" => Find("brazilian-portuguese"),
        "fr" => Find("parisian"),
        _ => All.FirstOrDefault(a => a.Language == language && a.IsLocaleDefault),
    };
}
