using Microsoft.Extensions.Logging;

namespace Cartesia.Core.Diagnostics;

/// <summary>Warnings about what the service has retired: languages that left a model, deprecated fields.</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Language '{Language}' left model '{ModelId}' on {SunsetDate} and is rejected by the service there; use sonic-3.6 (or another model that speaks it)")]
    public static partial void SunsetLanguage(ILogger logger, string language, string modelId, string sunsetDate);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "A pronunciation dictionary item sets Alias (alias), which the API deprecates; set Pronunciation (pronunciation) instead")]
    public static partial void DeprecatedAlias(ILogger logger);

    /// <summary>The language part of a locale (<c>en-GB</c> → <c>en</c>), or null.</summary>
    public static Language? LanguageOfLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        int dash = locale.IndexOfAny(['-', '_']);
        string code = (dash > 0 ? locale[..dash] : locale).ToLowerInvariant();
        return string.IsNullOrWhiteSpace(code) ? null : (Language?)new Language(code);
    }
}
