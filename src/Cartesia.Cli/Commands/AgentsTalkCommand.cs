using System.CommandLine;
using Cartesia.Agents;
using Cartesia.Audio;

namespace Cartesia.Cli.Commands;

/// <summary>
/// <c>cartesia agents talk [AGENT_ID] --input user.wav -o reply.wav</c>: a call with a voice agent over its WebSocket,
/// the file played as the caller's microphone, the turns printed as they come and the agent's audio written.
/// </summary>
internal sealed class AgentsTalkCommand
{
    private const string Description =
        "Talk to an agent: stream an audio file to it as your microphone (in real time; --fast sends it as fast as allowed), "
        + "print each turn as it comes (User: / Agent: lines) and write the agent's audio (-o, in the input's format). "
        + "After the file (and --dtmf keys) the line stays open with silence until the agent has answered — on the managed socket, its turn "
        + "after your last words has ended — or until it has sent nothing for --wait seconds (the only rule on the Line stream, "
        + "--protocol line, which has no turn events or text); then the call is hung up. It also ends when the agent hangs up.";

    private readonly CliContext _context;
    private readonly ConnectionOptions _connection = new();
    private readonly Argument<string?> _agent = new("agent-id") { Description = "The agent id (default: your first agent).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _input = new("--input", "-i") { Description = "The audio to say: a mono WAV file of μ-law 8 kHz or 16-bit PCM at 16, 24 or 44.1 kHz, or raw audio with --format.", Required = true };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Where to write the agent's audio: .wav or .raw (.pcm), or - for standard output (the turns then go to standard error)." };
    private readonly Option<string?> _format = new("--format") { Description = "For raw input: mulaw_8000, pcm_16000, pcm_24000 or pcm_44100." };
    private readonly Option<bool> _fast = new("--fast") { Description = "Send the input as fast as the connection takes it instead of in real time (and ask the managed agent for its audio as available)." };
    private readonly Option<string?> _dtmf = new("--dtmf") { Description = "Keys to press after the input, for example 123#." };
    private readonly Option<string> _protocol = new("--protocol") { Description = "managed (the /v1/agents/websocket socket, the default) or line (the older /agents/stream of Line agents).", DefaultValueFactory = _ => "managed" };
    private readonly Option<double> _wait = new("--wait") { Description = "After the input, hang up once the agent has sent nothing for this many seconds (default 3).", DefaultValueFactory = _ => 3 };

    private AgentsTalkCommand(CliContext context) => _context = context;

    public static Command Create(CliContext context)
    {
        var handler = new AgentsTalkCommand(context);
        var command = new Command("talk", Description)
        {
            handler._agent, handler._input, handler._output, handler._format, handler._fast, handler._dtmf, handler._protocol, handler._wait,
        };
        handler._connection.AddTo(command);
        command.SetAction(handler.RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string input = parse.GetValue(_input)!;
        AgentAudioFormat format = TalkInput.FormatOf(input, parse.GetValue(_format));
        string? output = parse.GetValue(_output);
        AudioOutputFormat? outputFormat = output is null ? null : OutputFormatOf(output, format);
        string dtmf = parse.GetValue(_dtmf) ?? string.Empty;
        if (dtmf.FirstOrDefault(c => c is not (>= '0' and <= '9' or '*' or '#')) is var bad and not '\0')
        {
            throw new ArgumentException($"--dtmf {dtmf}: '{bad}' is not a phone key; use 0-9, * and #.");
        }

        bool line = parse.GetValue(_protocol) switch
        {
            "managed" => false,
            "line" => true,
            var other => throw new ArgumentException($"--protocol {other}: use managed or line."),
        };
        double wait = parse.GetValue(_wait);
        if (!(wait > 0 && wait <= 3600))
        {
            throw new ArgumentException($"--wait {wait}: give a number of seconds above 0 (at most 3600).");
        }

        if (output is not null)
        {
            OutputPath.CheckWritable(output);
        }

        await using ClientConnection connection = await _connection.ConnectAsync(parse, _context, cancellationToken).ConfigureAwait(false);
        string agentId = parse.GetValue(_agent) ?? await FirstAgentAsync(connection.Client, cancellationToken).ConfigureAwait(false);
        bool fast = parse.GetValue(_fast);
        TextWriter turns = output == "-" ? _context.Error : _context.Out;
        Stream? destination = output is null ? null : output == "-" ? _context.OpenStandardOutput() : new FileStream(output + ".partial", FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true);
        try
        {
            AgentRealtimeSession session = line
                ? await connection.Client.Agents.ConnectLineStreamAsync(agentId, new AgentLineSessionOptions { InputFormat = format }, cancellationToken).ConfigureAwait(false)
                : await connection.Client.Agents.ConnectAsync(agentId, new AgentSessionOptions { InputFormat = format, OutputDelivery = fast ? AgentOutputDelivery.AsAvailable : (AgentOutputDelivery?)null }, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                string callName = session is AgentSession managed ? $"call {managed.CallId}" : $"stream {((AgentLineSession)session).StreamId}";
                await _context.Error.WriteLineAsync($"Connected to agent {agentId} ({callName}); {(fast ? "sending" : "playing")} {input} as {format}.").ConfigureAwait(false);
                var sink = destination is null ? null : new AudioSink(destination, outputFormat!);
                var talk = new TalkTranscript(_context, turns, sink, session, TimeSpan.FromSeconds(wait));
                Task reading = talk.ReadAsync(cancellationToken);
                await using (FileStream audio = new(input, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
                {
                    await talk.SendAsync(audio, fast ? AgentAudioPacing.AsFastAsPossible : AgentAudioPacing.RealTime, dtmf, cancellationToken).ConfigureAwait(false);
                }

                await talk.KeepLineOpenAsync(fast, cancellationToken).ConfigureAwait(false);
                AgentCallEnd end = await session.EndAsync(cancellationToken).ConfigureAwait(false);
                await reading.ConfigureAwait(false);
                if (sink is not null)
                {
                    await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    await destination!.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                if (output is not null && output != "-")
                {
                    await destination!.DisposeAsync().ConfigureAwait(false);
                    File.Move(output + ".partial", output, overwrite: true);
                }

                string who = end.Reason == AgentCallEndReason.AgentEnded
                    ? $"the agent hung up{(string.IsNullOrEmpty(end.CloseDescription) ? string.Empty : $" ({end.CloseDescription})")}"
                    : "hung up after the agent answered";
                string written = output is null ? string.Empty : $"; wrote {(output == "-" ? "standard output" : output)}: {Format.Seconds(end.AudioBytesReceived / (double)format.BytesPerSecond!.Value)} of agent audio";
                await _context.Error.WriteLineAsync($"Call ended: {who}. Sent {Format.Seconds(end.AudioBytesSent / (double)format.BytesPerSecond!.Value)} of audio{written}.").ConfigureAwait(false);
                if (session is AgentSession { CallId: var callId })
                {
                    await _context.Error.WriteLineAsync($"Its record: cartesia agents calls {agentId} --json (call {callId}); its audio: cartesia agents call-audio {callId} -o call.wav").ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // Nothing half-written is left behind under the requested name or beside it.
            if (output is not null && output != "-")
            {
                if (destination is not null)
                {
                    await destination.DisposeAsync().ConfigureAwait(false);
                }

                File.Delete(output + ".partial");
            }

            throw;
        }

        return 0;
    }

    private static AudioOutputFormat OutputFormatOf(string output, AgentAudioFormat format)
    {
        string container = OutputPath.ContainerOf(output, hasContainerOption: false);
        AudioEncoding encoding = format.Encoding!.Value;
        int rate = format.SampleRate!.Value;
        return container switch
        {
            "wav" => AudioOutputFormat.Wav(encoding, rate),
            "raw" => AudioOutputFormat.Raw(encoding, rate),
            _ => throw new ArgumentException($"-o {output}: the agent speaks {format}, written as .wav or .raw (.pcm); convert it to {container} afterwards."),
        };
    }

    private static async Task<string> FirstAgentAsync(CartesiaClient client, CancellationToken cancellationToken)
    {
        CartesiaList<AgentSummary> agents = await client.Agents.ListAsync(cancellationToken).ConfigureAwait(false);
        return agents.Count > 0
            ? agents[0].Id
            : throw new ArgumentException("There are no agents on this account to talk to: create one (play.cartesia.ai) and give its id.");
    }
}
