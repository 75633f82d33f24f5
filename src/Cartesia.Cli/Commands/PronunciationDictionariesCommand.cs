using System.CommandLine;
using Cartesia.PronunciationDictionaries;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia dicts list|get|create|delete</c>: pronunciation dictionaries.</summary>
internal static class PronunciationDictionariesCommand
{
    public static Command Create(CliContext context)
    {
        Command list = ApiCommand.Create(context, "list", "List pronunciation dictionaries.", [], async (parse, client, json, ct) =>
        {
            List<PronunciationDictionary> found = await client.PronunciationDictionaries.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<PronunciationDictionary>(context, found) : Output.TableAsync(context, ["ID", "NAME", "ITEMS"], found.Select(d => new[] { d.Id, d.Name, d.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The dictionary id." };
        Command get = ApiCommand.Create(context, "get", "Show a dictionary's items.", [id], async (parse, client, json, ct) =>
        {
            PronunciationDictionary dictionary = await client.PronunciationDictionaries.GetAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, dictionary) : Output.TableAsync(context, ["TEXT", "PRONUNCIATION", "CASE-SENSITIVE"], dictionary.Items.Select(i => new[] { i.Text, i.SaidAs ?? string.Empty, i.CaseSensitive is null ? string.Empty : i.CaseSensitive.Value ? "yes" : "no" })));
            return 0;
        });

        var name = new Argument<string>("name") { Description = "The dictionary's name." };
        var items = new Option<string[]>("--item") { Description = "An entry as TEXT=PRONUNCIATION (repeatable).", AllowMultipleArgumentsPerToken = false };
        var caseSensitive = new Option<bool>("--case-sensitive") { Description = "Match the entries case-sensitively." };
        Command create = ApiCommand.Create(context, "create", "Create a dictionary.", [name, items, caseSensitive], async (parse, client, json, ct) =>
        {
            var entries = new List<PronunciationDictionaryItem>();
            foreach (string item in parse.GetValue(items) ?? [])
            {
                int equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"--item '{item}' is not TEXT=PRONUNCIATION.");
                }

                entries.Add(new PronunciationDictionaryItem { Text = item[..equals], Pronunciation = item[(equals + 1)..], CaseSensitive = parse.GetValue(caseSensitive) ? true : null });
            }

            PronunciationDictionary created = await client.PronunciationDictionaries.CreateAsync(new PronunciationDictionaryCreateRequest { Name = parse.GetValue(name)!, Items = entries }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, created) : context.Out.WriteLineAsync($"Created {created.Name}: {created.Id}"));
            return 0;
        });

        var deleteId = new Argument<string>("id") { Description = "The dictionary id." };
        Command delete = ApiCommand.Create(context, "delete", "Delete a dictionary.", [deleteId], async (parse, client, _, ct) =>
        {
            await client.PronunciationDictionaries.DeleteAsync(parse.GetValue(deleteId)!, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Deleted {parse.GetValue(deleteId)}.").ConfigureAwait(false);
            return 0;
        }, offersJson: false);

        return ApiCommand.Group("dicts", "Pronunciation dictionaries.", list, get, create, delete);
    }
}
