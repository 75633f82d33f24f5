using System.CommandLine;
using System.Globalization;
using Cartesia.Catalog;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia models</c> and <c>cartesia locales</c>: the catalogues, as a table or <c>--json</c>.</summary>
internal static class CatalogCommand
{
    public static Command Models(CliContext context)
    {
        var type = new Option<string?>("--type") { Description = "Only models of this type: tts or stt." };
        var language = new Option<string?>("--language", "-l") { Description = "Only models that take this language now (en)." };
        return ApiCommand.Create(context, "models", "List the models (GET /models): languages, endpoints, sunset dates.", [type, language], async (parse, client, json, ct) =>
        {
            CartesiaList<ModelInfo> catalogue = await client.Models.ListAsync(ct).ConfigureAwait(false);
            IEnumerable<ModelInfo> models = catalogue;
            if (parse.GetValue(type) is { } kind)
            {
                models = models.Where(m => string.Equals(m.Kind.Value, kind, StringComparison.OrdinalIgnoreCase));
            }

            if (parse.GetValue(language) is { } code)
            {
                models = models.Where(m => m.Supports(new Language(code)));
            }

            await (json
                ? Output.JsonAsync(context, models)
                : Output.TableAsync(context, ["ID", "TYPE", "LANGUAGES", "ALIAS-OF", "SUNSET"], models.Select(Row)));
            return 0;
        });
    }

    public static Command Locales(CliContext context)
        => ApiCommand.Create(context, "locales", "List the locales (GET /locales) that TTS requests and voices take.", [], async (parse, client, json, ct) =>
        {
            CartesiaList<LocaleInfo> locales = await client.Models.ListLocalesAsync(ct).ConfigureAwait(false);
            await (json
                ? Output.JsonAsync<LocaleInfo>(context, locales)
                : Output.TableAsync(context, ["LOCALE", "LANGUAGE", "NAME"], locales.Select(l => new[] { l.Id, l.Language.Value, l.Name })));
            return 0;
        });

    private static string?[] Row(ModelInfo m)
    {
        string sunset = m.SunsetDate is { } date
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : m.SunsetLanguages.Count == 0 ? string.Empty
            : $"{string.Join(",", m.SunsetLanguages.Select(s => s.Language.Value))} on {m.SunsetLanguages[0].SunsetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        string languages = m.Languages.Count <= 8 ? string.Join(",", m.Languages.Select(l => l.Value)) : $"{m.Languages.Count} languages";
        return [m.Id, m.Kind.Value, languages, m.AliasOf, sunset];
    }
}
