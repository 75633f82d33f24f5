using System.CommandLine;
using Cartesia.AccessTokens;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia tokens create</c>: mint a short-lived access token.</summary>
internal static class TokensCommand
{
    public static Command Create(CliContext context)
    {
        var tts = new Option<bool>("--tts") { Description = "Allow text-to-speech." };
        var stt = new Option<bool>("--stt") { Description = "Allow speech-to-text." };
        var agent = new Option<bool>("--agent") { Description = "Allow the agents calling WebSocket." };
        var expiresIn = new Option<int?>("--expires-in") { Description = "Lifetime in seconds, 1 to 3600 (one hour; default: the service's)." };
        Command create = ApiCommand.Create(context, "create", "Mint an access token (printed on standard output).", [tts, stt, agent, expiresIn], async (parse, client, json, ct) =>
        {
            var request = new AccessTokenRequest
            {
                Grants = new AccessTokenGrants { Tts = parse.GetValue(tts) ? true : null, Stt = parse.GetValue(stt) ? true : null, Agent = parse.GetValue(agent) ? true : null },
                ExpiresIn = parse.GetValue(expiresIn) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            if (request.Grants is { Tts: null, Stt: null, Agent: null })
            {
                throw new ArgumentException("Grant something: --tts, --stt and/or --agent.");
            }

            AccessToken token = await client.AccessTokens.CreateAsync(request, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, token) : context.Out.WriteLineAsync(token.Token));
            return 0;
        }, validate: parse =>
        {
            if (parse.GetValue(expiresIn) is { } seconds && (seconds < 1 || seconds > AccessTokenRequest.MaxExpiresIn.TotalSeconds))
            {
                throw new ArgumentException($"--expires-in is in seconds, from 1 to {(int)AccessTokenRequest.MaxExpiresIn.TotalSeconds} (one hour); {seconds} is {Human(seconds)}.");
            }
        });
        return ApiCommand.Group("tokens", "Mint access tokens for browsers and apps.", create);
    }

    /// <summary>A number of seconds as people say it (27 h 46 min 39 s).</summary>
    private static string Human(int seconds)
    {
        if (seconds < 1)
        {
            return "not a lifetime";
        }

        var span = TimeSpan.FromSeconds(seconds);
        var parts = new List<string>();
        if ((int)span.TotalHours > 0)
        {
            parts.Add($"{(int)span.TotalHours} h");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes} min");
        }

        if (span.Seconds > 0)
        {
            parts.Add($"{span.Seconds} s");
        }

        return string.Join(' ', parts);
    }
}
