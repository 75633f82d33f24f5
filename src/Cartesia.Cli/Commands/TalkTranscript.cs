using System.Diagnostics;
using Cartesia.Agents;

namespace Cartesia.Cli.Commands;

/// <summary>
/// One <c>cartesia agents talk</c> call: prints its turns as they come, writes the agent's audio, sends the input and
/// keeps the line open with silence until the agent has answered (the ending rule of the command's help).
/// </summary>
internal sealed class TalkTranscript
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private readonly CliContext _context;
    private readonly TextWriter _turns;
    private readonly AudioSink? _sink;
    private readonly AgentRealtimeSession _session;
    private readonly TimeSpan _wait;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastHeard;
    private bool _inputDone;
    private bool _userOpen;
    private bool _agentOpen;
    private bool _agentLine;
    private int _lastUserEnded;
    private int _lastAgentEnded;

    public TalkTranscript(CliContext context, TextWriter turns, AudioSink? sink, AgentRealtimeSession session, TimeSpan wait)
    {
        _context = context;
        _turns = turns;
        _sink = sink;
        _session = session;
        _wait = wait;
    }

    /// <summary>Whether the call is over for this side: the agent answered the input, or said nothing for the wait.</summary>
    private bool Done
    {
        get
        {
            lock (_gate)
            {
                if (!_inputDone || _userOpen || _agentOpen)
                {
                    return false;
                }

                bool answered = _lastUserEnded > 0 && _lastAgentEnded > _lastUserEnded;
                return answered || _clock.Elapsed - _lastHeard >= _wait;
            }
        }
    }

    /// <summary>Sends the input, then the keys; stops early (quietly) when the agent has hung up meanwhile.</summary>
    public async Task SendAsync(Stream audio, AgentAudioPacing pacing, string dtmf, CancellationToken cancellationToken)
    {
        try
        {
            await _session.SendAudioAsync(audio, pacing, cancellationToken).ConfigureAwait(false);
            if (dtmf.Length > 0)
            {
                await _session.SendDtmfAsync(dtmf, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or CartesiaException)
        {
            // The agent hung up (or the call failed) before the input was all sent: the ending says which.
            RethrowUnlessEnded(ex);
        }
    }

    /// <summary>After the input: silence, as a quiet microphone, until the agent has answered or the call ended.</summary>
    public async Task KeepLineOpenAsync(bool fast, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _inputDone = true;
            _lastHeard = _clock.Elapsed;
        }

        int bytesPerSecond = _session.InputFormat.BytesPerSecond!.Value;
        byte silence = _session.InputFormat == AgentAudioFormat.Mulaw8000 ? (byte)0xFF : (byte)0;
        byte[] frame = new byte[bytesPerSecond / 50];
        frame.AsSpan().Fill(silence);
        try
        {
            if (fast)
            {
                // A second of silence at once, so the agent hears the end of the last words without waiting.
                byte[] second = new byte[bytesPerSecond];
                second.AsSpan().Fill(silence);
                await _session.SendAudioAsync(second, cancellationToken).ConfigureAwait(false);
            }

            while (!_session.Completion.IsCompleted && !Done)
            {
                await _session.SendAudioAsync(frame, cancellationToken).ConfigureAwait(false);
                await Task.Delay(Frame, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or CartesiaException)
        {
            // The agent hung up meanwhile.
            RethrowUnlessEnded(ex);
        }
    }

    /// <summary>Prints the turns and writes the audio until the call's events end.</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        await foreach (AgentEvent e in _session.ReadPooledEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_gate)
            {
                _lastHeard = _clock.Elapsed;
            }

            switch (e)
            {
                case AgentAudioEvent audio when _sink is not null:
                    await _sink.WriteAsync(audio.Audio, cancellationToken).ConfigureAwait(false);
                    break;
                case AgentTurnStartedEvent started:
                    lock (_gate)
                    {
                        _userOpen |= started.Role == TranscriptRole.User;
                        _agentOpen |= started.Role == TranscriptRole.Assistant;
                    }

                    break;
                case AgentTurnTextDeltaEvent delta:
                    await _turns.WriteAsync((_agentLine ? string.Empty : "Agent: ") + delta.Text).ConfigureAwait(false);
                    await _turns.FlushAsync(cancellationToken).ConfigureAwait(false);
                    _agentLine = true;
                    break;
                case AgentTurnEndedEvent ended when ended.Role == TranscriptRole.User:
                    await EndAgentLineAsync(string.Empty).ConfigureAwait(false);
                    await _turns.WriteLineAsync($"User: {ended.Text}").ConfigureAwait(false);
                    await _turns.FlushAsync(cancellationToken).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _userOpen = false;
                        _lastUserEnded = ended.Turn;
                    }

                    break;
                case AgentTurnEndedEvent ended:
                    if (_agentLine)
                    {
                        await EndAgentLineAsync(ended.Interrupted ? " [interrupted]" : string.Empty).ConfigureAwait(false);
                    }
                    else if (ended.Text.Length > 0)
                    {
                        await _turns.WriteLineAsync($"Agent: {ended.Text}{(ended.Interrupted ? " [interrupted]" : string.Empty)}").ConfigureAwait(false);
                    }

                    await _turns.FlushAsync(cancellationToken).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _agentOpen = false;
                        _lastAgentEnded = ended.Turn;
                    }

                    break;
                case AgentDtmfEvent key:
                    await _context.Error.WriteLineAsync($"The agent pressed {key.Digit}.").ConfigureAwait(false);
                    break;
                case AgentToolCallEvent tool:
                    await AnswerToolAsync(tool, cancellationToken).ConfigureAwait(false);
                    break;
                case AgentErrorEvent error:
                    await _context.Error.WriteLineAsync($"warning: the agent service refused an event ({error.Code}): {error.Message}").ConfigureAwait(false);
                    break;
                case AgentCustomEvent custom:
                    await _context.Error.WriteLineAsync($"The agent sent: {custom.Metadata.GetRawText()}").ConfigureAwait(false);
                    break;
                case AgentTransferCallEvent transfer:
                    await _context.Error.WriteLineAsync($"The agent asks to transfer the call{(transfer.TargetPhoneNumber is { } number ? $" to {number}" : string.Empty)}.").ConfigureAwait(false);
                    break;
            }
        }

        await EndAgentLineAsync(string.Empty).ConfigureAwait(false);
    }

    /// <summary>A send refused because the call is over is no error of its own: the call's ending tells (the SDK settles it before any send is refused).</summary>
    private void RethrowUnlessEnded(Exception refusal)
    {
        if (!_session.Completion.IsCompleted)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refusal);
        }
    }

    private async Task EndAgentLineAsync(string suffix)
    {
        if (_agentLine)
        {
            await _turns.WriteLineAsync(suffix).ConfigureAwait(false);
            _agentLine = false;
        }
    }

    private async Task AnswerToolAsync(AgentToolCallEvent tool, CancellationToken cancellationToken)
    {
        if (tool.IsHandled || !tool.ExpectsResponse || _session is not AgentSession managed)
        {
            await _context.Error.WriteLineAsync($"The agent used the client tool {tool.ToolName}.").ConfigureAwait(false);
            return;
        }

        await _context.Error.WriteLineAsync($"The agent called the client tool {tool.ToolName}, which the cartesia CLI does not run: answered with an error.").ConfigureAwait(false);
        try
        {
            await managed.SendToolResultAsync(tool.ToolCallId, "This client (the cartesia CLI) has no tools.", isError: true, errorType: "not_available", cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (_session.Completion.IsCompleted)
        {
            // The call ended meanwhile.
        }
    }
}
