using System.CommandLine;
using System.Globalization;
using Cartesia.Voices;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia voices list|get|clone|localize|delete|accents</c>.</summary>
internal static class VoicesCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Option<string?>("--query", "-q") { Description = "Search names, descriptions and ids." };
        var gender = new Option<string?>("--gender") { Description = "masculine, feminine or gender_neutral." };
        var language = new Option<string?>("--language", "-l") { Description = "A language (en) or locale (en-GB)." };
        var mine = new Option<bool>("--mine") { Description = "Only your own voices." };
        var limit = new Option<int?>("--limit") { Description = "Show at most this many voices." };
        Command list = ApiCommand.Create(context, "list", "List voices.", [query, gender, language, mine, limit], async (parse, client, json, ct) =>
        {
            var options = new VoiceListOptions { Query = parse.GetValue(query), Language = parse.GetValue(language), IsOwner = parse.GetValue(mine) ? true : null };
            if (parse.GetValue(gender) is { } g)
            {
                options.Gender = g;
            }

            var voices = new List<Voice>();
            await foreach (Voice voice in client.Voices.ListAsync(options, ct).ConfigureAwait(false))
            {
                voices.Add(voice);
                if (voices.Count >= (parse.GetValue(limit) ?? int.MaxValue))
                {
                    break;
                }
            }

            await (json
                ? Output.JsonAsync<Voice>(context, voices)
                : Output.TableAsync(context, ["ID", "NAME", "LANGUAGE", "ACCENT", "GENDER", "ACCESS"], voices.Select(v => new[] { v.Id, v.Name, v.Language.Value, v.Accent?.Value, v.Gender?.Value, v.Access?.Value })));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The voice id." };
        Command get = ApiCommand.Create(context, "get", "Show a voice.", [id], async (parse, client, json, ct) =>
        {
            Voice voice = await client.Voices.GetAsync(parse.GetValue(id)!, new VoiceGetOptions { Expand = { VoiceExpand.PreviewFileUrl } }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, voice) : Details(context, voice));
            return 0;
        });

        var clip = new Argument<string>("clip") { Description = "An audio file of about 5 seconds of clean speech." };
        var name = new Option<string>("--name", "-n") { Description = "The new voice's name.", Required = true };
        var cloneLanguage = new Option<string>("--language", "-l") { Description = "The voice's language.", DefaultValueFactory = _ => "en" };
        var description = new Option<string?>("--description") { Description = "A description." };
        var accent = new Option<string?>("--accent") { Description = "A catalogue accent id (cartesia voices accents)." };
        var baseVoice = new Option<string?>("--base-voice") { Description = "A voice the clone derives from." };
        Command clone = ApiCommand.Create(context, "clone", "Clone a voice from a clip.", [clip, name, cloneLanguage, description, accent, baseVoice], async (parse, client, json, ct) =>
        {
            VoiceMetadata created = await client.Voices.CloneAsync(new VoiceCloneRequest
            {
                Clip = CartesiaFile.FromPath(parse.GetValue(clip)!),
                Name = parse.GetValue(name)!,
                Language = parse.GetValue(cloneLanguage)!,
                Description = parse.GetValue(description),
                Accent = parse.GetValue(accent) is { } a ? new VoiceAccent(a) : (VoiceAccent?)null,
                BaseVoiceId = parse.GetValue(baseVoice),
            }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, created) : context.Out.WriteLineAsync($"Cloned {created.Name}: {created.Id}"));
            return 0;
        });

        var source = new Argument<string>("id") { Description = "The voice to localize." };
        var localizedName = new Option<string>("--name", "-n") { Description = "The new voice's name.", Required = true };
        var toAccent = new Option<string>("--accent") { Description = "The accent to localize to (cartesia voices accents).", Required = true };
        var tagline = new Option<string?>("--tagline") { Description = "A tagline of at most 32 characters." };
        Command localize = ApiCommand.Create(context, "localize", "Make a new voice from one, in another accent.", [source, localizedName, toAccent, description, tagline], async (parse, client, json, ct) =>
        {
            VoiceMetadata created = await client.Voices.LocalizeAsync(new VoiceLocalizeRequest
            {
                VoiceId = parse.GetValue(source)!,
                Name = parse.GetValue(localizedName)!,
                Accent = new VoiceAccent(parse.GetValue(toAccent)!),
                Description = parse.GetValue(description),
                Tagline = parse.GetValue(tagline),
            }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, created) : context.Out.WriteLineAsync($"Localized {created.Name} ({created.Language}): {created.Id}"));
            return 0;
        });

        var deleteId = new Argument<string>("id") { Description = "The voice id." };
        Command delete = ApiCommand.Create(context, "delete", "Delete a voice you own.", [deleteId], async (parse, client, _, ct) =>
        {
            await client.Voices.DeleteAsync(parse.GetValue(deleteId)!, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Deleted {parse.GetValue(deleteId)}.").ConfigureAwait(false);
            return 0;
        }, offersJson: false);

        Command accents = ApiCommand.Create(context, "accents", "List the accent catalogue.", [], async (parse, client, json, ct) =>
        {
            CartesiaList<Accent> catalogue = await client.Voices.ListAccentsAsync(ct).ConfigureAwait(false);
            await (json
                ? Output.JsonAsync<Accent>(context, catalogue)
                : Output.TableAsync(context, ["ID", "NAME", "LOCALE", "LOCALIZABLE"], catalogue.Select(a => new[] { a.Id.Value, a.Name, a.Locale, a.IsLocalizable ? "yes" : "no" })));
            return 0;
        });

        return ApiCommand.Group("voices", "List, inspect, clone, localize and delete voices.", list, get, clone, localize, delete, accents);
    }

    private static async Task Details(CliContext context, Voice v)
    {
        await Output.TableAsync(context, ["FIELD", "VALUE"],
        [
            ["id", v.Id], ["name", v.Name], ["tagline", v.Tagline], ["description", v.Description], ["language", v.Language.Value],
            ["locales", string.Join(", ", v.Locales.Select(l => l.ToString()))], ["accent", v.Accent?.Value], ["gender", v.Gender?.Value],
            ["access", v.Access?.Value], ["visibility", v.Visibility?.Value], ["owned", v.IsOwner ? "yes" : "no"],
            ["created", v.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)], ["preview", v.PreviewFileUrl],
        ]).ConfigureAwait(false);
    }
}
