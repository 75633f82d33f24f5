using System.CommandLine;

namespace Cartesia.Cli.Commands;

/// <summary>Builds a command that talks to the API: connection options, <c>--json</c>, and one action on a client.</summary>
internal static class ApiCommand
{
    /// <summary>
    /// A command running <paramref name="run"/> on a client. <paramref name="offersJson"/>: whether it has JSON to
    /// print (<c>--json</c> is offered only then); <paramref name="validate"/> checks the input before connecting.
    /// </summary>
    public static Command Create(
        CliContext context, string name, string description, Symbol[] symbols, Func<ParseResult, CartesiaClient, bool, CancellationToken, Task<int>> run,
        bool offersJson = true, Action<ParseResult>? validate = null)
    {
        var connection = new ConnectionOptions();
        Option<bool>? json = offersJson ? new Option<bool>("--json") { Description = "Print JSON (the API's shapes) instead of a table." } : null;
        var command = new Command(name, description);
        foreach (Symbol symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        if (json is not null)
        {
            command.Options.Add(json);
        }

        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            validate?.Invoke(parse);
            await using ClientConnection client = await connection.ConnectAsync(parse, context, cancellationToken).ConfigureAwait(false);
            return await run(parse, client.Client, json is not null && parse.GetValue(json), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A group of subcommands (<c>cartesia voices …</c>).</summary>
    public static Command Group(string name, string description, params Command[] subcommands)
    {
        var group = new Command(name, description);
        foreach (Command subcommand in subcommands)
        {
            group.Subcommands.Add(subcommand);
        }

        return group;
    }
}
