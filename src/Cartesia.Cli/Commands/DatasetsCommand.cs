using System.CommandLine;
using Cartesia.Datasets;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia datasets list|create|upload|files|delete</c>.</summary>
internal static class DatasetsCommand
{
    public static Command Create(CliContext context)
    {
        Command list = ApiCommand.Create(context, "list", "List datasets.", [], async (parse, client, json, ct) =>
        {
            List<Dataset> datasets = await client.Datasets.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<Dataset>(context, datasets) : Output.TableAsync(context, ["ID", "NAME", "DESCRIPTION", "CREATED"], datasets.Select(d => new[] { d.Id, d.Name, Output.Short(d.Description), d.CreatedAt })));
            return 0;
        });

        var name = new Argument<string>("name") { Description = "The dataset's name." };
        var description = new Option<string>("--description") { Description = "A description.", DefaultValueFactory = _ => string.Empty };
        Command create = ApiCommand.Create(context, "create", "Create a dataset.", [name, description], async (parse, client, json, ct) =>
        {
            Dataset dataset = await client.Datasets.CreateAsync(new DatasetCreateRequest { Name = parse.GetValue(name)!, Description = parse.GetValue(description)! }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, dataset) : context.Out.WriteLineAsync($"Created {dataset.Name}: {dataset.Id}"));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The dataset id." };
        var files = new Argument<string[]>("files") { Description = "Audio files to upload.", Arity = ArgumentArity.OneOrMore };
        Command upload = ApiCommand.Create(context, "upload", "Upload files to a dataset (streamed from disk).", [id, files], async (parse, client, _, ct) =>
        {
            foreach (string path in parse.GetValue(files)!)
            {
                await client.Datasets.Files.UploadAsync(parse.GetValue(id)!, CartesiaFile.FromPath(path), DatasetFilePurpose.FineTune, ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"Uploaded {path}.").ConfigureAwait(false);
            }

            return 0;
        }, offersJson: false);

        var filesOf = new Argument<string>("id") { Description = "The dataset id." };
        Command listFiles = ApiCommand.Create(context, "files", "List a dataset's files.", [filesOf], async (parse, client, json, ct) =>
        {
            List<DatasetFile> found = await client.Datasets.Files.ListAsync(parse.GetValue(filesOf)!, cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<DatasetFile>(context, found) : Output.TableAsync(context, ["ID", "FILE", "SIZE", "CREATED"], found.Select(f => new[] { f.Id, f.FileName, Format.Bytes(f.Size), f.CreatedAt })));
            return 0;
        });

        var deleteId = new Argument<string>("id") { Description = "The dataset id." };
        Command delete = ApiCommand.Create(context, "delete", "Delete a dataset.", [deleteId], async (parse, client, _, ct) =>
        {
            await client.Datasets.DeleteAsync(parse.GetValue(deleteId)!, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Deleted {parse.GetValue(deleteId)}.").ConfigureAwait(false);
            return 0;
        }, offersJson: false);

        return ApiCommand.Group("datasets", "Datasets of audio to fine-tune on.", list, create, upload, listFiles, delete);
    }
}
