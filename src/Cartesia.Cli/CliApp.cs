using System.CommandLine;
using Cartesia.Cli.Commands;

namespace Cartesia.Cli;

/// <summary>The <c>cartesia</c> command: its commands, and how failures become messages and exit codes.</summary>
internal static class CliApp
{
    /// <summary>Exit code of a failure the command reported (API error, connection, bad input).</summary>
    public const int Failure = 1;

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("The Cartesia command line: speak text, transcribe audio, manage voices, datasets, fine-tunes, dictionaries and agents, mint tokens, check the API, run a local emulator. Without CARTESIA_API_KEY it works offline against a built-in emulator.");
        root.Subcommands.Add(TtsCommand.Create(context));
        root.Subcommands.Add(VoicesCommand.Create(context));
        root.Subcommands.Add(VoiceChangerCommand.Create(context));
        root.Subcommands.Add(TokensCommand.Create(context));
        root.Subcommands.Add(DatasetsCommand.Create(context));
        root.Subcommands.Add(FineTunesCommand.Create(context));
        root.Subcommands.Add(PronunciationDictionariesCommand.Create(context));
        root.Subcommands.Add(AgentsCommand.Create(context));
        root.Subcommands.Add(SttCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(EmulatorCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        RootCommand root = Build(context);
        ParseResult parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex) when (ex is CartesiaException or ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Failure;
        }
    }
}
