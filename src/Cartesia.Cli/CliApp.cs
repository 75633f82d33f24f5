using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Cartesia.Cli.Commands;

namespace Cartesia.Cli;

/// <summary>The <c>cartesia</c> command: its commands, and how failures become messages and exit codes.</summary>
internal static class CliApp
{
    /// <summary>Exit code of a failure the command reported (API error, connection, bad input).</summary>
    public const int Failure = 1;

    /// <summary>Exit code of <c>cartesia stt</c> when the audio held no speech it could recognise.</summary>
    public const int NoSpeech = 3;

    /// <summary>The command's name in help and messages, however it is run (tool, <c>dotnet run</c>, <c>dotnet x.dll</c>).</summary>
    public const string Name = "cartesia";

    public static Command Build(CliContext context)
    {
        // A plain command rather than RootCommand, whose name is the executable's (Cartesia.Cli under dotnet run).
        var root = new Command(Name, "The Cartesia command line: speak text, transcribe audio, manage voices, datasets, fine-tunes, dictionaries and agents, mint tokens, check the API, run a local emulator. Without CARTESIA_API_KEY it works offline against a built-in emulator.");
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
        root.Subcommands.Add(CatalogCommand.Models(context));
        root.Subcommands.Add(CatalogCommand.Locales(context));
        root.Subcommands.Add(EmulatorCommand.Create(context));
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        Command root = Build(context);
        ParseResult parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        Command command = parse.CommandResult.Command;
        if (parse.Errors.Count == 1 && parse.UnmatchedTokens.Count == 0 && command.Action is null && command.Subcommands.Count > 0)
        {
            // A group without its subcommand (cartesia voices): show what it offers.
            parse = root.Parse([.. args, "--help"]);
        }
        else if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            // One line saying what was wrong and where help is, not the whole help page; an unknown word says
            // more than the missing command it caused.
            var first = parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Count > 0 && e.Message.Contains($"'{parse.UnmatchedTokens[0]}'", StringComparison.Ordinal)) ?? parse.Errors[0];
            await context.Error.WriteLineAsync($"error: {CliErrors.ParseError(first.Message)}").ConfigureAwait(false);
            await context.Error.WriteLineAsync($"See '{PathOf(command)} --help'.").ConfigureAwait(false);
            return Failure;
        }

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
        catch (Exception ex)
        {
            await context.Error.WriteLineAsync($"error: {CliErrors.Describe(ex, context.ServiceUri)}").ConfigureAwait(false);
            return Failure;
        }
    }

    private static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }
}
