using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cartesia.Core;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Microsoft.Extensions.Logging;

namespace Cartesia.Stt;

/// <summary>
/// The machinery of one streaming speech-to-text session, shared by both endpoints, and the place that wires its
/// parts together:
/// <list type="bullet">
/// <item><see cref="SttSendQueue"/>: audio pushed from any thread (directly, or fed from a stream or a sequence by
/// <see cref="SttAudioFeeder"/>) is re-framed and queued with the commands in one ordered queue, bounded in bytes;
/// a command never overtakes audio queued before it, and each push is all-or-nothing.</item>
/// <item><see cref="SttPump"/>: the one sender; a message leaves the queue only once it is on the wire, so after a
/// reconnect the rest goes out byte for byte, still binary.</item>
/// <item><see cref="SttReceiveLoop"/>: the one reader; parses events into an unbounded channel, answers waiting
/// finalize calls, and hands a recoverable loss to the <see cref="SttReconnector"/>, which swaps in a new
/// connection and has the queue replay what was never answered.</item>
/// <item>This class: the calls of <see cref="SttStreamingSession"/> (checks, then the queue), the end of the session
/// (<see cref="CompleteAsync(CancellationToken)"/> with its close timeout, <see cref="DisposeAsync"/>), and <see cref="Finish"/>, the one
/// place the session ends (the receive loop's end): events completed, waiters answered, queue released,
/// telemetry ended.</item>
/// </list>
/// Every timer, delay and deadline runs on the client's <see cref="TimeProvider"/>.
/// <para>
/// Lock discipline: the session has ONE lock, <see cref="SttSessionState.Gate"/>. It guards all of
/// <see cref="SttSessionState"/>, the queue's contents and ledger (every <c>…Locked</c> member of
/// <see cref="SttSendQueue"/>), and the pump's write in flight. Members named <c>…Locked</c> must be called with it
/// held; nothing under it awaits, calls user code, writes an event or touches a socket (a
/// <see cref="TaskCompletionSource"/> completed under it runs its continuations asynchronously). The frame being
/// filled belongs to the push in progress: one that fits does all its work under the gate; one that waits (for room,
/// or a command) first takes the queue's push ownership, a flag under the gate handed on in order, and frames outside
/// it. The request id and <c>DoneReceived</c> are also read without the gate.
/// </para>
/// </summary>
internal sealed class SttSessionCore : IAsyncDisposable
{
    private static readonly TimeSpan DisposeCloseBound = TimeSpan.FromMilliseconds(500);

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly bool _turns;
    private readonly string _operation;
    private readonly string _optionsName;
    private readonly string _sessionName;
    private readonly double? _bytesPerSecond;
    private readonly TimeSpan _closeTimeout;
    private readonly TimeSpan _finalizeTimeout;
    private readonly byte[] _closeCommand;

    private readonly SttSessionState _state;
    private readonly SttSendQueue _queue;
    private readonly SttAudioFeeder _feeder;
    private readonly SttPump _pump;
    private readonly SttReconnector _reconnector;
    private readonly SttReceiveLoop _receiveLoop;

    private readonly Channel<SttEvent> _events = Channel.CreateUnbounded<SttEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _closeSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disposal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private Task? _completion; // guarded by the gate
    private Activity? _activity;
    private int _readStarted;
    private int _disposed;
    private Task _pumping = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;

    private SttSessionCore(ClientCore core, SttStreamingSessionOptions options, string pathAndQuery, string operation, SttConnection connection)
    {
        _logger = core.Settings.LoggerFactory.CreateLogger(SttLog.Category);
        _time = core.Settings.TimeProvider;
        _turns = options is SttTurnsSessionOptions;
        _operation = operation;
        _optionsName = options.GetType().Name;
        _sessionName = _turns ? nameof(SttTurnsSession) : nameof(SttSession);
        _bytesPerSecond = options.BytesPerSecond;
        _closeTimeout = options.CloseTimeout;
        _finalizeTimeout = options is SttSessionOptions session ? session.FinalizeTimeout : options.CloseTimeout;
        _closeCommand = _turns
            ? """{"type":"close"}"""u8.ToArray()
            : core.Settings.ApiVersion <= CartesiaApiVersion.V2025_04_16 ? "done"u8.ToArray() : "close"u8.ToArray();

        _state = new SttSessionState(connection);
        _queue = new SttSendQueue(_state, options.FrameBytes, options.BytesPerSecond, options.MaxQueuedBytes);
        _feeder = new SttAudioFeeder(SendAudioAsync, options, _time);
        _pump = new SttPump(_state, _queue, _closeSent);
        _reconnector = new SttReconnector(core, options.Reconnect, _state, _queue, _pump, _events.Writer, _logger, pathAndQuery, operation);
        _receiveLoop = new SttReceiveLoop(_state, _queue, _reconnector, _events.Writer, () => Volatile.Read(ref _disposed) != 0, _time, operation, _turns);
    }

    /// <summary>The id of the current connection, from the handshake or the latest event that named one.</summary>
    public string? RequestId => _state.RequestId;

    /// <summary>Connects and starts the session's pump and receive loop.</summary>
    public static async Task<SttSessionCore> ConnectAsync(ClientCore core, SttStreamingSessionOptions options, CancellationToken cancellationToken)
    {
        string pathAndQuery = options.PathAndQuery();
        string operation = options is SttTurnsSessionOptions ? "stt.turns_websocket" : "stt.websocket";
        Activity? activity = StartTelemetry(operation, options);
        ClientWebSocket socket;
        try
        {
            socket = await core.WebSockets.ConnectAsync(pathAndQuery, operation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Telemetry.MarkError(activity, ex); // the connector counted the error
            activity?.Dispose();
            throw;
        }

        var session = new SttSessionCore(core, options, pathAndQuery, operation, new SttConnection(socket)) { _activity = activity };
        activity?.SetTag("cartesia.request_id", session.RequestId);
        SttLog.Opened(session._logger, operation, session.RequestId);
        CancellationToken lifetime = session._lifetime.Token;
        session._pumping = Task.Run(() => session._pump.RunAsync(lifetime), CancellationToken.None);
        session._receiving = Task.Run(session.ReceiveAsync, CancellationToken.None);
        return session;
    }

    /// <summary>
    /// Re-frames and queues audio; all of it or (when cancelled while waiting for room) none of it. A push that fits
    /// takes one hold of the gate and, when the pump waits for work, is sent on the caller's thread.
    /// </summary>
    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        if (audio.IsEmpty)
        {
            ThrowIfNotAccepting();
            return default;
        }

        ThrowIfDisposed();
        if (!_queue.TryPushAudio(audio.Span, out SttOutgoing? first, out SttConnection? connection))
        {
            return SendAudioWaitingAsync(audio, cancellationToken);
        }

        return first is null ? default : _pump.SendHereAsync(first, connection!, cancellationToken);
    }

    /// <summary>A push that waits: for another push in progress, or for room in the queue.</summary>
    private async ValueTask SendAudioWaitingAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        (SttOutgoing? first, SttConnection? connection) = await _queue.PushAudioAsync(audio, ThrowIfNotAccepting, cancellationToken).ConfigureAwait(false);
        if (first is not null)
        {
            await _pump.SendHereAsync(first, connection!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends a stream's audio to its end: a WAV header is checked against the session's format and skipped; any
    /// other content is sent as it is.
    /// </summary>
    public async Task SendAudioAsync(Stream audio, SttPacing pacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (!audio.CanRead)
        {
            throw new ArgumentException("The audio stream is not readable.", nameof(audio));
        }

        _feeder.CheckPacing(pacing);
        ThrowIfNotAccepting();
        await _feeder.SendAsync(audio, pacing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every frame of a sequence, in order.</summary>
    public async Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, SttPacing pacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        _feeder.CheckPacing(pacing);
        ThrowIfNotAccepting();
        await _feeder.SendAsync(audio, pacing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>finalize</c> after everything queued (with the frame remainder); returns after <c>flush_done</c>.</summary>
    public async Task FinalizeAsync(CancellationToken cancellationToken)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueCommandAsync(SttOutgoing.Command(SttOutgoingKind.Finalize, "finalize"u8.ToArray()), answered, cancellationToken).ConfigureAwait(false);
        try
        {
            await answered.Task.WaitAsync(_finalizeTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new CartesiaTimeoutException($"The service did not answer finalize with flush_done within {RetryPolicy.Describe(_finalizeTimeout)} ({_optionsName}.FinalizeTimeout).", ex)
            {
                Phase = CartesiaTimeoutPhase.Flush,
                Timeout = _finalizeTimeout,
            };
        }
    }

    /// <summary>Queues a turn-detection <c>config</c> after everything queued.</summary>
    public Task ConfigureAsync(byte[] json, CancellationToken cancellationToken)
        => EnqueueCommandAsync(SttOutgoing.Command(SttOutgoingKind.Config, json), null, cancellationToken);

    /// <summary>
    /// Sends <c>close</c> after everything queued and waits, within the close timeout, for the service's end:
    /// <c>done</c> and the close (manual endpoint) or the close (turns endpoint). Every call shares the first.
    /// </summary>
    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? owner = null;
        Task completion;
        lock (_state.Gate)
        {
            if (_completion is null)
            {
                owner = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _completion = owner.Task;
            }

            completion = _completion;
        }

        if (owner is not null)
        {
            _ = RunCompletionAsync(owner, cancellationToken);
        }

        return completion;
    }

    /// <summary>The events, once: ends after the service's end, or with the failure that ended the session.</summary>
    public async IAsyncEnumerable<SttEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _readStarted, 1) != 0)
        {
            throw new InvalidOperationException("ReadEventsAsync can be enumerated once per session.");
        }

        await foreach (SttEvent e in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>
    /// Closes promptly: a normal close frame if it goes out within a moment, then the connection is cut. Every call
    /// (also concurrent ones) returns only once the session has ended.
    /// </summary>
    /// <summary>Ends the session once; every call returns the same task, so none returns before the first is done.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return new ValueTask(_disposal.Task);
        }

        _ = DisposeAndSignalAsync();
        return new ValueTask(_disposal.Task);
    }

    private async Task DisposeAndSignalAsync()
    {
        try
        {
            await DisposeOnceAsync().ConfigureAwait(false);
            _disposal.TrySetResult();
        }
        catch (Exception ex)
        {
            _disposal.TrySetException(ex);
        }
    }

    private async Task DisposeOnceAsync()
    {
        SttConnection connection;
        lock (_state.Gate)
        {
            connection = _state.Connection;
        }

        if (!_ended.Task.IsCompleted && connection.Socket.State == WebSocketState.Open)
        {
            try
            {
                using var bound = new CancellationTokenSource(DisposeCloseBound, _time);
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disposed", bound.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Cut below.
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        connection.Break();
        await Task.WhenAll(_receiving, _pumping).ConfigureAwait(false);
        _lifetime.Dispose();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, _turns ? typeof(SttTurnsSession) : typeof(SttSession));

    private void ThrowIfNotAccepting()
    {
        ThrowIfDisposed();
        lock (_state.Gate)
        {
            _state.ThrowIfNotAcceptingLocked();
        }
    }

    private async Task EnqueueCommandAsync(SttOutgoing command, TaskCompletionSource? answered, CancellationToken cancellationToken)
    {
        ThrowIfNotAccepting();
        await _queue.PushCommandAsync(command, answered, ThrowIfNotAccepting, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunCompletionAsync(TaskCompletionSource owner, CancellationToken cancellationToken)
    {
        try
        {
            await CompleteCoreAsync(cancellationToken).ConfigureAwait(false);
            owner.TrySetResult();
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            owner.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            owner.TrySetException(ex);
        }
    }

    private async Task CompleteCoreAsync(CancellationToken cancellationToken)
    {
        await EnqueueCommandAsync(SttOutgoing.Command(SttOutgoingKind.Close, _closeCommand), null, cancellationToken).ConfigureAwait(false);
        await _closeSent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _ended.Task.WaitAsync(_closeTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            if (_state.DoneReceived)
            {
                // Every transcript arrived; only the service's close is late: close from this side.
                Stop(null);
                await _ended.Task.ConfigureAwait(false);
                return;
            }

            // Say what was missing: a lost tail (no done) is not a slow close.
            string missing = _turns
                ? "neither closed the session nor sent anything more (a turns session has no done), so the last turn events may be missing"
                : "never sent done (it ends the transcripts), so the last transcripts may be missing";
            var timeout = new CartesiaTimeoutException(
                $"The service {missing}: it did not finish the session within {RetryPolicy.Describe(_closeTimeout)} of close ({_optionsName}.CloseTimeout).", ex)
            {
                Phase = CartesiaTimeoutPhase.Close,
                Timeout = _closeTimeout,
            };
            Stop(timeout);
            throw timeout;
        }
    }

    /// <summary>Ends the session from outside the receive loop: with a failure, or quietly (null).</summary>
    private void Stop(Exception? failure)
    {
        SttConnection connection;
        lock (_state.Gate)
        {
            if (failure is null)
            {
                _state.StopQuietly = true;
            }
            else
            {
                _state.Failure ??= failure;
            }

            connection = _state.Connection;
            _queue.WakeLocked();
        }

        connection.Break();
    }

    private async Task ReceiveAsync()
    {
        (Exception? failure, bool normal) = await _receiveLoop.RunAsync(_lifetime.Token).ConfigureAwait(false);
        Finish(failure, normal);
    }

    /// <summary>Ends the session: completes the events (with the failure, if any) and every waiter, frees the queue.</summary>
    private void Finish(Exception? failure, bool normal)
    {
        SttConnection connection;
        Exception? final;
        long audioBytes;
        lock (_state.Gate)
        {
            _state.Finished = true;
            _state.Failure ??= failure;
            if (_state.Failure is null && !normal)
            {
                _state.Failure = new ObjectDisposedException(_sessionName, "The session was disposed before it completed.");
            }

            final = _state.Failure;
            _queue.ReleaseAllLocked(final ?? new InvalidOperationException("The session ended before the service answered."));
            audioBytes = _queue.AudioSentTotalLocked;
            connection = _state.Connection;
        }

        SttLog.Ended(_logger, _operation, final is null ? "completed" : final.Message);
        EndTelemetry(final, audioBytes);
        _events.Writer.TryComplete(final);
        if (final is null)
        {
            _closeSent.TrySetResult();
            _ended.TrySetResult();
        }
        else
        {
            _closeSent.TrySetException(final);
            _ended.TrySetException(final);
            _ = _closeSent.Task.Exception;
            _ = _ended.Task.Exception;
        }

        connection.Break();
        _ = _pumping.ContinueWith(_ => connection.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Starts the session's span (without making it the caller's current activity).</summary>
    private static Activity? StartTelemetry(string operation, SttStreamingSessionOptions options)
    {
        Activity? activity = Telemetry.StartDetachedOperation(operation);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("cartesia.model", options.Model.Value);
            activity.SetTag("cartesia.encoding", options.Encoding.Value);
            activity.SetTag("cartesia.sample_rate", options.SampleRate);
        }

        return activity;
    }

    /// <summary>Ends the session's span and counts its audio and its failure.</summary>
    private void EndTelemetry(Exception? failure, long audioBytes)
    {
        double seconds = _bytesPerSecond is { } rate && rate > 0 ? audioBytes / rate : 0;
        if (seconds > 0 && Telemetry.SttAudioDuration.Enabled)
        {
            Telemetry.SttAudioDuration.Add(seconds, new KeyValuePair<string, object?>("cartesia.operation", _operation));
        }

        bool disposed = failure is ObjectDisposedException;
        if (failure is not null && !disposed)
        {
            Telemetry.RecordError(_activity, _operation, failure);
        }

        if (Interlocked.Exchange(ref _activity, null) is { } activity)
        {
            activity.SetTag("cartesia.outcome", failure is null ? "completed" : disposed ? "disposed" : "failed");
            activity.SetTag("cartesia.audio_bytes", audioBytes);
            activity.SetTag("cartesia.reconnects", _reconnector.Reconnects);
            activity.SetTag("cartesia.request_id", RequestId);
            activity.Stop();
            activity.Dispose();
        }
    }
}
