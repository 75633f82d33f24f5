using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Cartesia.Core;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Cartesia.Core.WebSockets;
using Microsoft.Extensions.Logging;

namespace Cartesia.Agents;

/// <summary>
/// The machinery of one agent call, shared by both protocols (<see cref="AgentProtocol"/> holds what differs):
/// <list type="bullet">
/// <item>Connect: the handshake (<see cref="WebSocketConnector"/> with the protocol's auth style), the opening message,
/// and the wait for the service's answer (<c>session_ready</c> / <c>ack</c>) before the call is handed out — so no audio
/// is ever sent before the service accepts it.</item>
/// <item>Send: <see cref="AgentSendQueue"/> (framing, order, bound) on the connection's one writer, fed directly or
/// by <see cref="AgentAudioFeeder"/>; the managed socket's keep-alive sends a frame of silence when no audio went out
/// for <see cref="AgentSessionOptions.KeepAliveInterval"/>.</item>
/// <item>Receive: one loop parses each message into an event (audio decoded into pooled arrays), runs client tool
/// handlers off the loop, measures turn latency, and writes the events to a channel that the one reader drains; the
/// agent audio waiting in it is bounded by <see cref="AgentRealtimeOptions.MaxBufferedEventBytes"/> (over it, the call
/// ends with a <see cref="CartesiaBufferOverflowException"/>).</item>
/// <item>End: <see cref="Finish"/> is the one place a call ends — the agent hung up, the user ended it, a fatal error,
/// or a lost connection — exactly once: the events end (with a last <see cref="AgentCallEndedEvent"/>, or the
/// exception), <see cref="Completion"/> completes, then the queue stops (so a send refused because of the ending
/// always finds it settled, and its message says how the call ended), the span ends.</item>
/// </list>
/// Every timer, delay and deadline runs on the client's <see cref="TimeProvider"/>. State shared between the loops is
/// set once (<c>_finished</c> by exchange) or read as whole values (<c>volatile</c>/<see cref="Interlocked"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The lifetime source has no timer; it is cancelled when the call ends and needs no disposal.")]
internal sealed class AgentCallCore
{
    private static readonly TimeSpan DisposeBound = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AgentProtocol _protocol;
    private readonly AgentRealtimeOptions _options;
    private readonly ClientWebSocket _socket;
    private readonly WebSocketSender _sender;
    private readonly AgentSendQueue _queue;
    private readonly AgentAudioFeeder _feeder;
    private readonly IReadOnlyDictionary<string, AgentClientToolHandler> _tools;
    private readonly Channel<AgentEvent> _events = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource<AgentCallEnd> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<AgentEvent> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disposal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly object _endGate = new();
    private Activity? _activity;
    private ITimer? _keepAlive;
    private ITimer? _fatalCloseWatch;
    private Task _receiving = Task.CompletedTask;
    private Task<AgentCallEnd>? _ending;
    private CartesiaAgentErrorException? _fatal;
    private volatile bool _userEnding;
    private volatile int _readMode; // 0 nobody reads yet, 1 owned audio, 2 pooled audio
    private int _finished;
    private int _disposed;
    private long _eventsReceived;
    private long _audioBytesReceived;
    private long _userTurnEndedAt;
    private long _bufferedAudioBytes;
    private readonly long _maxBufferedAudioBytes;

    private AgentCallCore(ClientCore core, string agentId, AgentProtocol protocol, AgentRealtimeOptions options, int frameBytes, ClientWebSocket socket, IReadOnlyDictionary<string, AgentClientToolHandler> tools)
    {
        _logger = core.Settings.LoggerFactory.CreateLogger(AgentLog.Category);
        _time = core.Settings.TimeProvider;
        AgentId = agentId;
        _protocol = protocol;
        _options = options;
        _maxBufferedAudioBytes = options.MaxBufferedEventBytes;
        InputFormat = options.InputFormat;
        _socket = socket;
        _tools = tools;
        _sender = new WebSocketSender(socket);
        long maxQueued = (options.MaxQueuedBytes * 4L / 3) + 256;
        _queue = new AgentSendQueue(_sender, protocol, frameBytes, options.InputFormat.BytesPerSample ?? 1, maxQueued, _time, OnSendFailure);
        _feeder = new AgentAudioFeeder(SendAudioAsync, options.InputFormat, frameBytes, protocol.OptionsName, _time);
    }

    public string AgentId { get; }

    public AgentAudioFormat InputFormat { get; }

    /// <summary>The service's answer to the opening message.</summary>
    public AgentEvent? ReadyEvent { get; private set; }

    public Task<AgentCallEnd> Completion => _completion.Task;

    public long AudioBytesSent => _queue.AudioBytesSent;

    public long AudioBytesReceived => Interlocked.Read(ref _audioBytesReceived);

    /// <summary>Connects, sends the opening message and waits for the service to accept the call.</summary>
    public static async Task<AgentCallCore> ConnectAsync(ClientCore core, string agentId, AgentProtocol protocol, AgentRealtimeOptions options, int frameBytes, IReadOnlyDictionary<string, AgentClientToolHandler> tools, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        byte[] opening = protocol.OpeningMessage();
        Activity? activity = Telemetry.StartDetachedOperation(protocol.Operation);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("cartesia.agent_id", agentId);
            activity.SetTag("cartesia.audio_format", options.InputFormat.Value);
        }

        ClientWebSocket socket;
        try
        {
            socket = await core.WebSockets.ConnectAsync(protocol.Path, protocol.Operation, protocol.AuthStyle, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Telemetry.MarkError(activity, ex); // the connector counted the error
            activity?.Dispose();
            throw;
        }

        var call = new AgentCallCore(core, agentId, protocol, options, frameBytes, socket, tools) { _activity = activity };
        try
        {
            await call._sender.SendAsync(opening, WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
            call._queue.CountSent();
            call._receiving = Task.Run(call.ReceiveAsync, CancellationToken.None);
            AgentEvent ready = await call._ready.Task.WaitAsync(options.StartTimeout, call._time, cancellationToken).ConfigureAwait(false);
            AgentLog.Opened(call._logger, protocol.Operation, agentId, ready);
        }
        catch (TimeoutException ex)
        {
            var timeout = new CartesiaTimeoutException(
                $"The agent did not accept the call within {RetryPolicy.Describe(options.StartTimeout)} ({protocol.OptionsName}.StartTimeout): no {(protocol is ManagedAgentProtocol ? "session_ready" : "ack")} arrived.", ex)
            {
                Phase = CartesiaTimeoutPhase.Request,
                Timeout = options.StartTimeout,
            };
            call.Finish(null, timeout);
            await call.DisposeAsync().ConfigureAwait(false);
            throw timeout;
        }
        catch (Exception ex)
        {
            // Refused (a fatal error, a close), cancelled, or the opening message could not be sent.
            call.Finish(null, ex is CartesiaException or OperationCanceledException ? ex : new CartesiaAgentConnectionLostException($"Starting the call failed: {ex.Message}", ex));
            await call.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (keepAlive != Timeout.InfiniteTimeSpan)
        {
            byte silence = AgentProtocol.SilenceByte(options.InputFormat);
            call._keepAlive = call._time.CreateTimer(
                static state =>
                {
                    var (self, interval, silenceByte) = ((AgentCallCore, TimeSpan, byte))state!;
                    if (Volatile.Read(ref self._finished) == 0 && self._queue.SinceLastAudio >= interval)
                    {
                        self._queue.TrySendSilence(silenceByte);
                    }
                },
                (call, keepAlive, silence),
                keepAlive,
                keepAlive);
        }

        return call;
    }

    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return audio.IsEmpty ? ValueTask.CompletedTask : _queue.PushAudioAsync(audio, cancellationToken);
    }

    public Task SendAudioAsync(Stream audio, AgentAudioPacing pacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (!audio.CanRead)
        {
            throw new ArgumentException("The audio stream is not readable.", nameof(audio));
        }

        AgentAudioFeeder.CheckPacing(pacing);
        ThrowIfDisposed();
        return _feeder.SendAsync(audio, pacing, cancellationToken);
    }

    public Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, AgentAudioPacing pacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        AgentAudioFeeder.CheckPacing(pacing);
        ThrowIfDisposed();
        return _feeder.SendAsync(audio, pacing, cancellationToken);
    }

    public async ValueTask SendDtmfAsync(string digits, CancellationToken cancellationToken)
    {
        AgentValidator.ValidateDtmf(digits, nameof(digits));
        ThrowIfDisposed();
        foreach (char digit in digits)
        {
            await _queue.PushMessageAsync(_protocol.DtmfMessage(digit), cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask SendMessageAsync(byte[] message, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _queue.PushMessageAsync(message, cancellationToken);
    }

    public IAsyncEnumerable<AgentEvent> ReadEventsAsync(bool pooled, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _readMode, pooled ? 2 : 1, 0) != 0)
        {
            throw new InvalidOperationException("The call's events can be read once (ReadEventsAsync or ReadPooledEventsAsync).");
        }

        return ReadCoreAsync(pooled, cancellationToken);
    }

    public Task<AgentCallEnd> EndAsync(CancellationToken cancellationToken)
    {
        Task<AgentCallEnd> ending;
        lock (_endGate)
        {
            ending = _ending ??= EndCoreAsync(_options.CloseTimeout, drain: true);
        }

        return ending.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _disposal.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            Task<AgentCallEnd> ending;
            lock (_endGate)
            {
                ending = _ending ??= EndCoreAsync(_options.CloseTimeout < DisposeBound ? _options.CloseTimeout : DisposeBound, drain: false);
            }

            try
            {
                await ending.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The call's ending is reported by Completion and the events, not by disposal.
            }

            await _receiving.ConfigureAwait(false);
        }
        finally
        {
            _socket.Dispose();
            _disposal.TrySetResult();
        }
    }

    public override string ToString()
        => $"{_protocol.Operation} call to agent {AgentId} ({InputFormat}; {(Volatile.Read(ref _finished) != 0 ? "ended" : "live")}; sent {_queue.AudioBytesSent} audio bytes, received {AudioBytesReceived})";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private async IAsyncEnumerable<AgentEvent> ReadCoreAsync(bool pooled, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AgentAudioEvent? lent = null;
        try
        {
            await foreach (AgentEvent e in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                lent?.ReturnAudio();
                lent = null;
                if (e is AgentAudioEvent audio)
                {
                    Interlocked.Add(ref _bufferedAudioBytes, -audio.Audio.Length);
                    if (pooled)
                    {
                        lent = audio;
                    }
                    else
                    {
                        audio.OwnAudio();
                    }
                }

                yield return e;
            }
        }
        finally
        {
            lent?.ReturnAudio();
        }
    }

    private async Task<AgentCallEnd> EndCoreAsync(TimeSpan bound, bool drain)
    {
        if (Volatile.Read(ref _finished) == 0)
        {
            using var deadline = new CancellationTokenSource(bound, _time);
            try
            {
                if (drain)
                {
                    await _queue.DrainAsync(new InvalidOperationException("EndAsync was called: the call takes no more audio or messages."), deadline.Token).ConfigureAwait(false);
                }
                else
                {
                    _queue.Close(new ObjectDisposedException(GetType().Name, "The call was disposed: it takes no more audio or messages."));
                }

                await _queue.LastSend.WaitAsync(deadline.Token).ConfigureAwait(false);
                _userEnding = true;
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "call ended by user", deadline.Token).ConfigureAwait(false);
                }

                // The service answers the close; the receive loop ends the call when it does.
                await ((Task)_completion.Task).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or InvalidOperationException or CartesiaException)
            {
                // Ended below if nothing else ended it.
            }

            _userEnding = true;
            Finish(new AgentCallEnd { Reason = AgentCallEndReason.UserEnded }, null);
            _socket.Abort();
        }

        return await _completion.Task.ConfigureAwait(false);
    }

    private async Task ReceiveAsync()
    {
        var reader = new WebSocketMessageReader(_socket);
        try
        {
            while (true)
            {
                WebSocketMessage message;
                try
                {
                    message = await reader.ReadAsync(_lifetime.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
                {
                    OnLost(null, null, ex);
                    return;
                }

                if (message.IsClose)
                {
                    // The ending is settled first (Completion, the events, the queue's refusal saying how the call
                    // ended), so no send fails over the close before the call's ending can be seen.
                    OnLost(message.CloseStatus, message.CloseDescription, null);
                    await AnswerCloseAsync().ConfigureAwait(false);
                    return;
                }

                if (message.Type != WebSocketMessageType.Text)
                {
                    AgentLog.IgnoredBinary(_logger, _protocol.Operation, message.Data.Length);
                    continue;
                }

                AgentEvent e;
                try
                {
                    e = _protocol.Parse(message.Data.Span, pooledAudio: _readMode != 1);
                }
                catch (JsonException ex)
                {
                    string payload = SecretRedactor.Redact(System.Text.Encoding.UTF8.GetString(message.Data.Span[..Math.Min(message.Data.Length, 300)])) ?? string.Empty;
                    Finish(null, new CartesiaProtocolException($"The agent sent a message on {_protocol.Operation} that is not a valid event: {ex.Message}", ex) { Payload = payload });
                    _socket.Abort();
                    return;
                }

                OnEvent(e);
            }
        }
        catch (Exception ex)
        {
            Finish(null, ex is CartesiaException ? ex : new CartesiaAgentConnectionLostException($"The call failed: {ex.Message}", ex));
        }
        finally
        {
            reader.Dispose();
        }
    }

    private void OnEvent(AgentEvent e)
    {
        Interlocked.Increment(ref _eventsReceived);
        switch (e)
        {
            case AgentErrorEvent { Fatal: true } error:
                OnFatal(error);
                return;
            case AgentAudioEvent audio:
                Interlocked.Add(ref _audioBytesReceived, audio.Audio.Length);
                long userEnded = Interlocked.Exchange(ref _userTurnEndedAt, 0);
                if (userEnded != 0 && Telemetry.AgentTurnLatency.Enabled)
                {
                    Telemetry.AgentTurnLatency.Record(_time.GetElapsedTime(userEnded).TotalSeconds, new KeyValuePair<string, object?>("cartesia.operation", _protocol.Operation));
                }

                break;
            case AgentTurnEndedEvent turn when turn.Role == TranscriptRole.User:
                Interlocked.Exchange(ref _userTurnEndedAt, _time.GetTimestamp());
                break;
            case AgentToolCallEvent call when _tools.TryGetValue(call.ToolName, out AgentClientToolHandler? handler):
                _ = Task.Run(() => RunToolAsync(handler, call));
                break;
        }

        if (!_ready.Task.IsCompleted && _protocol.IsReady(e))
        {
            ReadyEvent = e;
            if (e is AgentSessionReadyEvent ready)
            {
                _activity?.SetTag("cartesia.call_id", ready.CallId);
            }

            _ready.TrySetResult(e);
        }

        if (e is AgentAudioEvent incoming && Interlocked.Add(ref _bufferedAudioBytes, incoming.Audio.Length) > _maxBufferedAudioBytes)
        {
            incoming.ReturnAudio();
            Finish(null, new CartesiaBufferOverflowException($"The call's events were not read: more than {_maxBufferedAudioBytes} bytes of agent audio waited to be read ({_protocol.OptionsName}.MaxBufferedEventBytes), so the call was ended. Read the events, or raise the option.")
            {
                LimitBytes = _maxBufferedAudioBytes,
            });
            _socket.Abort();
            return;
        }

        if (!_events.Writer.TryWrite(e) && e is AgentAudioEvent dropped)
        {
            dropped.ReturnAudio();
        }
    }

    private void OnFatal(AgentErrorEvent error)
    {
        _fatal ??= new CartesiaAgentErrorException($"The agent call failed: {error.Code}: {error.Message}")
        {
            ErrorCode = error.Code,
            ErrorMessage = error.Message,
        };

        // The service closes after a fatal error; if it does not, this side does, so the call still ends.
        _fatalCloseWatch ??= _time.CreateTimer(static s => ((AgentCallCore)s!)._socket.Abort(), this, _options.CloseTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The connection closed (a close frame, with its status) or dropped (no status): the call ends here.</summary>
    private void OnLost(WebSocketCloseStatus? status, string? description, Exception? cause)
    {
        if (_fatal is { } fatal)
        {
            Finish(null, new CartesiaAgentErrorException(fatal.Message + (status is null ? string.Empty : $" (then {Describe(status, description)})"))
            {
                ErrorCode = fatal.ErrorCode,
                ErrorMessage = fatal.ErrorMessage,
                CloseStatus = status,
                CloseDescription = description,
                AudioBytesSent = _queue.AudioBytesSent,
                EventsReceived = Interlocked.Read(ref _eventsReceived),
            });
            return;
        }

        if (_userEnding || Volatile.Read(ref _disposed) != 0)
        {
            Finish(new AgentCallEnd { Reason = AgentCallEndReason.UserEnded, CloseStatus = status, CloseDescription = description }, null);
            return;
        }

        if (status == WebSocketCloseStatus.NormalClosure && _ready.Task.IsCompleted)
        {
            Finish(new AgentCallEnd { Reason = AgentCallEndReason.AgentEnded, CloseStatus = status, CloseDescription = description }, null);
            return;
        }

        string what = _ready.Task.IsCompleted ? "The connection to the agent was lost" : "The agent did not accept the call";
        Finish(null, new CartesiaAgentConnectionLostException($"{what}: the connection {Describe(status, description)}{(cause is null ? string.Empty : $" ({cause.Message})")}; sent {_queue.MessagesSent} messages ({_queue.AudioBytesSent} bytes of audio), received {Interlocked.Read(ref _eventsReceived)} events ({AudioBytesReceived} bytes of audio).", cause)
        {
            CloseStatus = status,
            CloseDescription = description,
            AudioBytesSent = _queue.AudioBytesSent,
            MessagesSent = _queue.MessagesSent,
            AudioBytesReceived = AudioBytesReceived,
            EventsReceived = (int)Math.Min(int.MaxValue, Interlocked.Read(ref _eventsReceived)),
        });
    }

    private static string Describe(WebSocketCloseStatus? status, string? description)
        => status is { } s
            ? $"closed with {(int)s} {s}{(string.IsNullOrEmpty(description) ? string.Empty : $": {description}")}"
            : "dropped without a close frame";

    private static string DescribeEnding(AgentCallEnd end)
        => (end.Reason == AgentCallEndReason.AgentEnded ? "the agent hung up" : "this side ended it (EndAsync or DisposeAsync)")
            + (end.CloseStatus is { } status ? $" (the connection {Describe(status, end.CloseDescription)})" : string.Empty);

    private void OnSendFailure(Exception failure)
    {
        if (Volatile.Read(ref _finished) == 0 && !_userEnding)
        {
            // The receive side sees the same loss and reports it with what was received.
            _socket.Abort();
        }
    }

    /// <summary>Ends the call exactly once: the events, the completion, the queue, the timers, the span.</summary>
    private void Finish(AgentCallEnd? end, Exception? failure)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        if (end is not null)
        {
            end = new AgentCallEnd
            {
                Reason = end.Reason,
                CloseStatus = end.CloseStatus,
                CloseDescription = end.CloseDescription,
                AudioBytesSent = _queue.AudioBytesSent,
                MessagesSent = _queue.MessagesSent,
                AudioBytesReceived = AudioBytesReceived,
                EventsReceived = Interlocked.Read(ref _eventsReceived),
            };
        }

        _keepAlive?.Dispose();
        _fatalCloseWatch?.Dispose();
        _ready.TrySetException(failure ?? new OperationCanceledException("The call ended before the agent accepted it."));
        _ = _ready.Task.Exception;
        if (end is not null)
        {
            _events.Writer.TryWrite(new AgentCallEndedEvent(end));
            _events.Writer.TryComplete();
            _completion.TrySetResult(end);
        }
        else
        {
            _events.Writer.TryComplete(failure);
            _completion.TrySetException(failure!);
            _ = _completion.Task.Exception;
        }

        // After Completion: a send refused from here on can already see how the call ended.
        _queue.Close(failure ?? new InvalidOperationException($"The call has ended: {DescribeEnding(end!)}; it takes no more audio or messages."));

        _lifetime.Cancel();
        AgentLog.Ended(_logger, _protocol.Operation, AgentId, (object?)end ?? failure!.Message);
        EndTelemetry(end, failure);
    }

    private void EndTelemetry(AgentCallEnd? end, Exception? failure)
    {
        if (failure is not null)
        {
            Telemetry.RecordError(_activity, _protocol.Operation, failure);
        }

        if (Interlocked.Exchange(ref _activity, null) is { } activity)
        {
            activity.SetTag("cartesia.outcome", end is null ? "failed" : end.Reason == AgentCallEndReason.AgentEnded ? "agent_ended" : "user_ended");
            activity.SetTag("cartesia.audio_bytes_sent", _queue.AudioBytesSent);
            activity.SetTag("cartesia.audio_bytes_received", AudioBytesReceived);
            activity.Stop();
            activity.Dispose();
        }
    }

    private async Task AnswerCloseAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                using var bound = new CancellationTokenSource(DisposeBound, _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone either way.
        }
    }

    private async Task RunToolAsync(AgentClientToolHandler handler, AgentToolCallEvent call)
    {
        string result;
        bool isError = false;
        string? errorType = null;
        try
        {
            result = await handler(call, _lifetime.Token).ConfigureAwait(false) ?? string.Empty;
            if (System.Text.Encoding.UTF8.GetByteCount(result) > AgentValidator.MaxToolResultBytes)
            {
                AgentLog.ToolFailed(_logger, call.ToolName, call.ToolCallId, $"its result is over {AgentValidator.MaxToolResultBytes} bytes; an error result was sent instead");
                result = $"The tool's result was larger than {AgentValidator.MaxToolResultBytes} bytes.";
                isError = true;
                errorType = "result_too_large";
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return; // The call ended.
        }
        catch (Exception ex)
        {
            string message = SecretRedactor.Redact(ex.Message) ?? string.Empty;
            AgentLog.ToolFailed(_logger, call.ToolName, call.ToolCallId, $"{ex.GetType().Name}: {message}");
            result = AgentValidator.TruncateUtf8(message, AgentValidator.MaxToolResultBytes);
            isError = true;
            errorType = AgentValidator.TruncateUtf8(ex.GetType().Name, AgentValidator.MaxErrorTypeBytes);
        }

        if (!call.ExpectsResponse || Volatile.Read(ref _finished) != 0)
        {
            return;
        }

        try
        {
            await _queue.PushMessageAsync(ManagedAgentProtocol.ToolResultMessage(call.ToolCallId, result, isError, errorType), _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or CartesiaException)
        {
            // The call ended meanwhile; its ending is reported elsewhere.
        }
    }
}
