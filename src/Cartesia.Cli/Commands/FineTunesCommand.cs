using System.CommandLine;
using Cartesia.FineTunes;
using Cartesia.Tts;
using Cartesia.Voices;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia fine-tunes list|get|create|voices</c>.</summary>
internal static class FineTunesCommand
{
    public static Command Create(CliContext context)
    {
        Command list = ApiCommand.Create(context, "list", "List fine-tunes.", [], async (parse, client, json, ct) =>
        {
            List<FineTune> found = await client.FineTunes.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<FineTune>(context, found) : Output.TableAsync(context, ["ID", "NAME", "STATUS", "MODEL", "DATASET"], found.Select(Row)));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The fine-tune id." };
        Command get = ApiCommand.Create(context, "get", "Show a fine-tune and its status.", [id], async (parse, client, json, ct) =>
        {
            FineTune fineTune = await client.FineTunes.GetAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, fineTune) : Output.TableAsync(context, ["ID", "NAME", "STATUS", "MODEL", "DATASET"], [Row(fineTune)]));
            return 0;
        });

        var name = new Argument<string>("name") { Description = "The fine-tune's name." };
        var dataset = new Option<string>("--dataset") { Description = "The dataset to train on.", Required = true };
        var language = new Option<string>("--language", "-l") { Description = "The language of the dataset.", DefaultValueFactory = _ => "en" };
        var model = new Option<string>("--model", "-m") { Description = "The dated base model.", DefaultValueFactory = _ => TtsModel.Sonic3_2026_01_12.Value };
        var description = new Option<string>("--description") { Description = "A description.", DefaultValueFactory = _ => string.Empty };
        Command create = ApiCommand.Create(context, "create", "Start a fine-tune (a Pro Voice Clone).", [name, dataset, language, model, description], async (parse, client, json, ct) =>
        {
            FineTune fineTune = await client.FineTunes.CreateAsync(new FineTuneCreateRequest
            {
                Name = parse.GetValue(name)!,
                Dataset = parse.GetValue(dataset)!,
                Language = parse.GetValue(language)!,
                ModelId = parse.GetValue(model)!,
                Description = parse.GetValue(description)!,
            }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, fineTune) : context.Out.WriteLineAsync($"Started {fineTune.Name}: {fineTune.Id} ({fineTune.Status})"));
            return 0;
        });

        var voicesOf = new Argument<string>("id") { Description = "The fine-tune id." };
        Command voices = ApiCommand.Create(context, "voices", "List the voices a completed fine-tune made.", [voicesOf], async (parse, client, json, ct) =>
        {
            List<Voice> found = await client.FineTunes.ListVoicesAsync(parse.GetValue(voicesOf)!, cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<Voice>(context, found) : Output.TableAsync(context, ["ID", "NAME", "LANGUAGE"], found.Select(v => new[] { v.Id, v.Name, v.Language.Value })));
            return 0;
        });

        return ApiCommand.Group("fine-tunes", "Fine-tunes (Pro Voice Clones).", list, get, create, voices);
    }

    private static string?[] Row(FineTune f) => [f.Id, f.Name, f.Status.Value, f.ModelId.Value, f.Dataset];
}
