using System.CommandLine;
using System.Globalization;
using Cartesia.Agents;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia agents list|get|calls|call-audio|metrics|talk</c> (<see cref="AgentsTalkCommand"/>).</summary>
internal static class AgentsCommand
{
    public static Command Create(CliContext context)
    {
        Command list = ApiCommand.Create(context, "list", "List your agents.", [], async (parse, client, json, ct) =>
        {
            CartesiaList<AgentSummary> agents = await client.Agents.ListAsync(ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<AgentSummary>(context, agents) : Output.TableAsync(context, ["ID", "NAME", "VOICE", "LANGUAGE", "DEPLOYMENTS", "PHONE"], agents.Select(Row)));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The agent id." };
        Command get = ApiCommand.Create(context, "get", "Show an agent.", [id], async (parse, client, json, ct) =>
        {
            AgentSummary agent = await client.Agents.GetAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync(context, agent) : Output.TableAsync(context, ["ID", "NAME", "VOICE", "LANGUAGE", "DEPLOYMENTS", "PHONE"], [Row(agent)]));
            return 0;
        });

        var agentOfCalls = new Argument<string>("agent-id") { Description = "The agent id." };
        var limit = new Option<int?>("--limit") { Description = "Show at most this many calls (newest first)." };
        Command calls = ApiCommand.Create(context, "calls", "List an agent's calls, newest first.", [agentOfCalls, limit], async (parse, client, json, ct) =>
        {
            var found = new List<AgentCall>();
            await foreach (AgentCall call in client.Agents.Calls.ListAsync(new AgentCallListOptions { AgentId = parse.GetValue(agentOfCalls)!, IncludeTranscript = json }, ct).ConfigureAwait(false))
            {
                found.Add(call);
                if (found.Count >= (parse.GetValue(limit) ?? int.MaxValue))
                {
                    break;
                }
            }

            await (json
                ? Output.JsonAsync<AgentCall>(context, found)
                : Output.TableAsync(context, ["ID", "STATUS", "STARTED", "SUMMARY"], found.Select(c => new[] { c.Id, c.Status.Value, c.StartTime?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Output.Short(c.Summary) })));
            return 0;
        });

        var callId = new Argument<string>("call-id") { Description = "The call id." };
        var output = new Option<string>("--output", "-o") { Description = "The WAV file to write.", Required = true };
        Command audio = ApiCommand.Create(context, "call-audio", "Download a call's recording.", [callId, output], async (parse, client, _, ct) =>
        {
            await using AudioResponse recording = await client.Agents.Calls.DownloadAudioAsync(parse.GetValue(callId)!, ct).ConfigureAwait(false);
            await recording.SaveToFileAsync(parse.GetValue(output)!, ct).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"Wrote {parse.GetValue(output)} ({recording.OutputFormat}).").ConfigureAwait(false);
            return 0;
        }, offersJson: false, validate: parse =>
        {
            string path = parse.GetValue(output)!;
            if (!Path.GetExtension(path).Equals(".wav", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"-o {path}: call recordings are WAV; name the file .wav.");
            }

            OutputPath.CheckWritable(path);
        });

        Command metrics = ApiCommand.Create(context, "metrics", "List metrics (first 100).", [], async (parse, client, json, ct) =>
        {
            CartesiaPage<Metric> page = await client.Agents.Metrics.ListAsync(new MetricListOptions { Limit = 100 }, ct).ConfigureAwait(false);
            await (json ? Output.JsonAsync<Metric>(context, page.Data) : Output.TableAsync(context, ["ID", "NAME", "DISPLAY NAME", "PROMPT"], page.Data.Select(m => new[] { m.Id, m.Name, m.DisplayName, Output.Short(m.Prompt) })));
            return 0;
        });

        return ApiCommand.Group("agents", "Agents, their calls and metrics; talk to one.", list, get, calls, audio, metrics, AgentsTalkCommand.Create(context));
    }

    private static string?[] Row(AgentSummary a)
        => [a.Id, a.Name, a.TtsVoice, a.TtsLanguage, a.DeploymentCount.ToString(CultureInfo.InvariantCulture), a.PhoneNumbers is { Count: > 0 } p ? p[0].Number : null];
}
