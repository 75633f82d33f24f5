using System.CommandLine;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia status</c>: check that the API answers, and its default version.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var connection = new ConnectionOptions();
        var command = new Command("status", "Check that the Cartesia API answers (GET /).");
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using ClientConnection client = await connection.ConnectAsync(parse, context, cancellationToken).ConfigureAwait(false);
            ApiStatus status = await client.Client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"{client.Client.BaseUri}: {(status.Ok ? "ok" : "NOT ok")}, default API version {status.Version}; this client sends {client.Client.ApiVersion}.").ConfigureAwait(false);
            return status.Ok ? 0 : 1;
        });
        return command;
    }
}
