using System.Text;
using System.Threading.Channels;
using Cartesia.Audio;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// The seeded agent's side of a call, for both sockets: it hears the user through the emulator's own speech
/// recognition (a user turn starts with the first word and ends after <see cref="EndSilence"/> of silence in the
/// audio received), answers by <see cref="AgentScript"/>, and speaks in the emulator's decodable speech, in 20 ms
/// chunks at the call's pace on the emulator's clock, with a text delta per word as its audio goes out. User sound
/// while an assistant turn is still streaming interrupts it: clear, and the turn ends interrupted with the words sent
/// so far. A turn sent in one burst (<c>as_available</c>, or a real-time factor of 0) cannot be interrupted.
/// </summary>
internal sealed class AgentConversation : IAsyncDisposable
{
    /// <summary>The silence after the user's last word that ends the user's turn (as the STT turns socket).</summary>
    public const double EndSilence = 0.3;

    private readonly IAgentWire _wire;
    private readonly AgentAudioFormat _format;
    private readonly TimeProvider _clock;
    private readonly AgentCallRecorder _recorder;
    private readonly double _pace;
    private readonly TimeSpan _toolTimeout;
    private readonly bool _legacy;
    private readonly Func<Task> _hangUp;
    private readonly AgentInputDecoder _decoder;
    private readonly StreamingRecognizer _recognizer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<AgentReply> _queue = Channel.CreateUnbounded<AgentReply>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly long _started;
    private readonly List<RecognizedWord> _userWords = [];
    private Task _speaker = Task.CompletedTask;
    private int _turn;
    private int _userTurn;
    private double _userStart;
    private SpokenTurn? _speaking;
    private PendingTool? _pendingTool;

    /// <param name="wire">Where events go.</param>
    /// <param name="format">The call's audio format (input and output).</param>
    /// <param name="clock">The emulator's clock.</param>
    /// <param name="recorder">The call's record.</param>
    /// <param name="pace">Seconds of sending per second of audio: 1 real time, 0 one burst per turn.</param>
    /// <param name="toolTimeout">How long a client tool may take.</param>
    /// <param name="legacy">Whether this is the legacy socket (no tools; "transfer" transfers).</param>
    /// <param name="hangUp">Closes the call when the agent hangs up.</param>
    public AgentConversation(IAgentWire wire, AgentAudioFormat format, TimeProvider clock, AgentCallRecorder recorder, double pace, TimeSpan toolTimeout, bool legacy, Func<Task> hangUp)
    {
        _wire = wire;
        _format = format;
        _clock = clock;
        _recorder = recorder;
        _pace = pace;
        _toolTimeout = toolTimeout;
        _legacy = legacy;
        _hangUp = hangUp;
        _decoder = new AgentInputDecoder(format);
        _recognizer = new StreamingRecognizer(format.SampleRate);
        _started = clock.GetTimestamp();
    }

    /// <summary>Starts the agent, saying <paramref name="greeting"/> first when there is one.</summary>
    public void Start(string? greeting)
    {
        if (!string.IsNullOrWhiteSpace(greeting))
        {
            _queue.Writer.TryWrite(new AgentReply(greeting));
        }

        _speaker = Task.Run(SpeakAsync);
    }

    /// <summary>Hears a piece of the user's audio.</summary>
    public async Task HearAsync(byte[] audio)
    {
        List<RecognizedWord> words = _recognizer.Append(_decoder.Decode(audio));
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if ((_recognizer.SoundStart is not null || words.Count > 0) && _speaking is { } speaking)
            {
                await InterruptLockedAsync(speaking).ConfigureAwait(false);
            }

            foreach (RecognizedWord word in words)
            {
                if (_userWords.Count > 0 && word.Start - _userWords[^1].End >= EndSilence)
                {
                    await EndUserTurnLockedAsync().ConfigureAwait(false);
                }

                if (_userWords.Count == 0)
                {
                    _userTurn = ++_turn;
                    _userStart = Now;
                    await _wire.TurnStartedAsync(_userTurn, "user", _userStart).ConfigureAwait(false);
                }

                _userWords.Add(word);
            }

            if (_userWords.Count > 0 && (_recognizer.SoundStart ?? _recognizer.Seconds) - _userWords[^1].End >= EndSilence)
            {
                await EndUserTurnLockedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A key the user pressed: the agent acknowledges it in speech.</summary>
    public void Pressed(string digit) => _queue.Writer.TryWrite(new AgentReply(AgentScript.DtmfReply(digit)));

    /// <summary>A <c>client_tool_result</c>: answers the open call with that id; late, duplicate or unknown ids are ignored.</summary>
    public void ToolResult(string toolCallId, string result, bool isError)
    {
        if (Volatile.Read(ref _pendingTool) is { } pending && pending.Id == toolCallId)
        {
            pending.Answer.TrySetResult((result, isError));
        }
    }

    /// <summary>Stops the agent (the call is over); what was open is recorded as cut short.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _speaker.ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_speaking is { } speaking)
            {
                _recorder.Add(AssistantRecord(speaking, Now, "call_ended", interrupted: true));
                _speaking = null;
            }

            if (_userWords.Count > 0)
            {
                _recorder.Add(new TranscriptTurn("user", UserText(), _userStart, Now) { Interrupted = true });
                _userWords.Clear();
            }
        }
        finally
        {
            _gate.Release();
        }

        _stop.Dispose();
        _gate.Dispose();
    }

    private double Now => Math.Round(_clock.GetElapsedTime(_started).TotalSeconds, 3);

    private string UserText() => string.Join(' ', _userWords.Select(w => w.Word));

    private async Task EndUserTurnLockedAsync()
    {
        string text = UserText();
        double end = Now;
        _userWords.Clear();
        await _wire.TurnEndedAsync(_userTurn, "user", text, false, _userStart, end, null).ConfigureAwait(false);
        _recorder.Add(new TranscriptTurn("user", text, _userStart, end));
        _queue.Writer.TryWrite(AgentScript.Reply(text, _legacy));
    }

    private async Task InterruptLockedAsync(SpokenTurn speaking)
    {
        speaking.Interrupted = true;
        _speaking = null;
        await speaking.Cancel.CancelAsync().ConfigureAwait(false);
        double end = Now;
        await _wire.ClearAsync().ConfigureAwait(false);
        await _wire.TurnEndedAsync(speaking.Turn, "assistant", speaking.Spoken.ToString(), true, speaking.Start, end, speaking.Tool).ConfigureAwait(false);
        _recorder.Add(AssistantRecord(speaking, end, "interrupted", interrupted: true));
    }

    private static TranscriptTurn AssistantRecord(SpokenTurn turn, double end, string reason, bool interrupted)
        => new("assistant", turn.Spoken.ToString(), turn.Start, end)
        {
            EndReason = reason,
            Interrupted = interrupted,
            ToolCall = turn.Tool is { } tool ? (tool.Id, tool.Name, tool.Arguments) : null,
            ToolResult = turn.Tool?.Result,
        };

    private async Task SpeakAsync()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out AgentReply? reply))
                {
                    if (await SpeakTurnAsync(reply).ConfigureAwait(false))
                    {
                        await _hangUp().ConfigureAwait(false);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Speaks one assistant turn; true when the agent then hangs up.</summary>
    private async Task<bool> SpeakTurnAsync(AgentReply reply)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        SpokenTurn turn;
        await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            turn = new SpokenTurn(++_turn, Now, cancel);
            await _wire.TurnStartedAsync(turn.Turn, "assistant", turn.Start).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        string text = reply.Text;
        if (reply.Tool is { } tool)
        {
            text = await CallToolAsync(turn, tool.Name, tool.Parameters).ConfigureAwait(false);
        }

        bool burst = _pace <= 0;
        bool locked = false;
        if (burst)
        {
            await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
            locked = true;
        }

        try
        {
            if (!await SendSpeechAsync(turn, reply, text, burst).ConfigureAwait(false))
            {
                return false;
            }

            if (!burst)
            {
                await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
                locked = true;
            }

            if (turn.Interrupted)
            {
                return false;
            }

            if (reply.TransferTo is { } number)
            {
                await _wire.TransferAsync(number).ConfigureAwait(false);
            }

            _speaking = null;
            double end = Now;
            if (reply.HangUp)
            {
                // The agent hangs up: the socket closes with no turn_ended for this turn.
                _recorder.Add(AssistantRecord(turn, end, "call_ended", interrupted: false));
                return true;
            }

            await _wire.TurnEndedAsync(turn.Turn, "assistant", turn.Spoken.ToString(), false, turn.Start, end, turn.Tool).ConfigureAwait(false);
            _recorder.Add(AssistantRecord(turn, end, "tts_completed", interrupted: false));
            return false;
        }
        finally
        {
            if (locked)
            {
                _gate.Release();
            }
        }
    }

    /// <summary>Calls the client tool and waits for its result; returns what the agent says about it.</summary>
    private async Task<string> CallToolAsync(SpokenTurn turn, string name, IReadOnlyDictionary<string, string> parameters)
    {
        var call = new AgentToolCall("tool_call_" + Guid.NewGuid().ToString("N")[..16], name, parameters);
        var answer = new TaskCompletionSource<(string Result, bool IsError)>(TaskCreationOptions.RunContinuationsAsynchronously);
        turn.Tool = call;
        Volatile.Write(ref _pendingTool, new PendingTool(call.Id, answer));
        await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            await _wire.ToolCallAsync(call).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        try
        {
            (string result, bool isError) = await answer.Task.WaitAsync(_toolTimeout, _clock, turn.Cancel.Token).ConfigureAwait(false);
            if (Encoding.UTF8.GetByteCount(result) > AgentLimits.MaxToolResultBytes)
            {
                call.Result = "error: result_too_large";
            }
            else if (isError)
            {
                call.Result = "error: " + (result.Length > 0 ? result : "the tool failed");
            }
            else
            {
                call.Result = result;
                return AgentScript.ToolReply(result);
            }
        }
        catch (TimeoutException)
        {
            call.Result = "error: timeout";
        }
        catch (OperationCanceledException)
        {
            // Interrupted or stopped: the speech loop sees it.
        }
        finally
        {
            Volatile.Write(ref _pendingTool, null);
        }

        return AgentScript.ToolFailedReply;
    }

    /// <summary>Sends the turn's audio and text deltas; false when it was interrupted or the call stopped.</summary>
    private async Task<bool> SendSpeechAsync(SpokenTurn turn, AgentReply reply, string text, bool burst)
    {
        if (!burst)
        {
            await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
        }

        try
        {
            if (turn.Interrupted)
            {
                return false;
            }

            _speaking = turn;
            if (reply.Dtmf is { } digit)
            {
                await _wire.DtmfAsync(digit).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!burst)
            {
                _gate.Release();
            }
        }

        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(text, _format.SampleRate);
        byte[] audio = PcmCodec.Encode(speech.Samples, _format.Encoding);
        int chunkBytes = _format.ChunkSamples * _format.BytesPerSample;
        int words = 0;
        long paceStart = _clock.GetTimestamp();
        for (int i = 0; i * chunkBytes < audio.Length; i++)
        {
            if (!burst)
            {
                TimeSpan wait = TimeSpan.FromSeconds(i * 0.02 * _pace) - _clock.GetElapsedTime(paceStart);
                try
                {
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _clock, turn.Cancel.Token).ConfigureAwait(false);
                    }

                    await _gate.WaitAsync(turn.Cancel.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            try
            {
                if (turn.Interrupted)
                {
                    return false;
                }

                double chunkEnd = (double)((i + 1) * _format.ChunkSamples) / _format.SampleRate;
                for (; words < speech.Words.Count && speech.Words[words].Start < chunkEnd; words++)
                {
                    string delta = (words > 0 ? " " : string.Empty) + speech.Words[words].Text;
                    turn.Spoken.Append(delta);
                    await _wire.TextDeltaAsync(turn.Turn, delta).ConfigureAwait(false);
                }

                int offset = i * chunkBytes;
                await _wire.AudioAsync(audio.AsMemory(offset, Math.Min(chunkBytes, audio.Length - offset))).ConfigureAwait(false);
            }
            finally
            {
                if (!burst)
                {
                    _gate.Release();
                }
            }
        }

        return true;
    }

    /// <summary>The client tool call waiting for its result.</summary>
    private sealed record PendingTool(string Id, TaskCompletionSource<(string Result, bool IsError)> Answer);

    /// <summary>An assistant turn being spoken.</summary>
    private sealed class SpokenTurn(int turn, double start, CancellationTokenSource cancel)
    {
        public int Turn { get; } = turn;

        public double Start { get; } = start;

        public CancellationTokenSource Cancel { get; } = cancel;

        public StringBuilder Spoken { get; } = new();

        public AgentToolCall? Tool { get; set; }

        public bool Interrupted { get; set; }
    }
}
