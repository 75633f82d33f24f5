using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using Cartesia.Audio;
using Cartesia.Core;
using Cartesia.Core.Audio;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.WebSockets;
using Microsoft.Extensions.Logging;

namespace Cartesia.Stt;

/// <summary>
/// The machinery of one streaming speech-to-text session, shared by both endpoints:
/// <list type="bullet">
/// <item>Audio pushed from any thread is re-framed (<see cref="SttSessionOptions.FrameDuration"/>) under one lock
/// and queued with the commands in one ordered queue, bounded in bytes; a command never overtakes audio queued
/// before it. Each push is all-or-nothing.</item>
/// <item>One pump sends the queue through the connection's <see cref="WebSocketSender"/>; a message leaves the
/// queue only once it is on the wire, so after a reconnect the rest goes out byte for byte, still binary.</item>
/// <item>One receive loop parses events into an unbounded channel (events are small, and the session must see
/// <c>flush_done</c> and <c>done</c> whether or not anyone reads), answers waiting finalize and close calls, and
/// reconnects for recoverable close codes when asked to.</item>
/// </list>
/// </summary>
internal sealed class SttSessionCore : IAsyncDisposable
{
    private static readonly TimeSpan DisposeCloseBound = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CloseHandshakeBound = TimeSpan.FromSeconds(1);

    private readonly ClientCore _core;
    private readonly ILogger _logger;
    private readonly bool _turns;
    private readonly string _pathAndQuery;
    private readonly string _operation;
    private readonly string _optionsName;
    private readonly string _sessionName;
    private readonly AudioEncoding _encoding;
    private readonly int _sampleRate;
    private readonly int? _frameBytes;
    private readonly double? _bytesPerSecond;
    private readonly long _maxQueuedBytes;
    private readonly TimeSpan _closeTimeout;
    private readonly TimeSpan _finalizeTimeout;
    private readonly int _reconnectRetries;
    private readonly TimeSpan _reconnectInitialDelay;
    private readonly TimeSpan _reconnectMaxDelay;
    private readonly Func<SttReconnectingEvent, bool>? _onReconnecting;
    private readonly byte[] _closeCommand;

    private readonly object _gate = new();
    private readonly LinkedList<SttOutgoing> _queue = new();
    private readonly List<SttOutgoing> _awaitingAnswer = [];
    private readonly Queue<TaskCompletionSource> _flushWaiters = new();
    private readonly int[] _earlyAnswers = new int[4];
    private readonly SemaphoreSlim _pushLock = new(1, 1);
    private readonly Channel<SttEvent> _events = Channel.CreateUnbounded<SttEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _closeSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();

    private long _queuedBytes;
    private readonly LockedSignal _wake = new(); // the pump: something was queued, or the session is stopping
    private readonly LockedSignal _room = new(); // pushers: something left the queue
    private readonly List<SttOutgoing> _pushed = []; // one push's messages, reused under the push lock
    private SttOutgoing? _lastConfig;
    private byte[]? _frame;
    private int _frameFill;
    private SttConnection _connection;
    private long _audioSentOnConnection;
    private long _audioSentTotal;
    private int _reconnects;
    private Activity? _activity;
    private double _timeOffset;
    private bool _turnOpen;
    private bool _interimPending;
    private bool _doneReceived;
    private bool _closeRequested;
    private bool _stopQuietly;
    private bool _finished;
    private Task? _sending;
    private Exception? _failure;
    private Task? _completion;
    private string? _requestId;
    private int _readStarted;
    private int _disposed;
    private readonly TaskCompletionSource _disposal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;
    private Task _receive = Task.CompletedTask;

    private SttSessionCore(ClientCore core, SttSessionOptions options, string pathAndQuery, string operation, SttConnection connection)
    {
        _core = core;
        _logger = core.Settings.LoggerFactory.CreateLogger(SttLog.Category);
        _turns = options is SttTurnsOptions;
        _pathAndQuery = pathAndQuery;
        _operation = operation;
        _optionsName = options.GetType().Name;
        _sessionName = _turns ? nameof(SttTurnsSession) : nameof(SttSession);
        _encoding = options.Encoding;
        _sampleRate = options.SampleRate;
        _frameBytes = options.FrameBytes;
        _bytesPerSecond = options.BytesPerSecond;
        _maxQueuedBytes = options.MaxQueuedBytes;
        _closeTimeout = options.CloseTimeout;
        _finalizeTimeout = options is SttStreamOptions stream ? stream.FinalizeTimeout : options.CloseTimeout;
        _reconnectRetries = options.Reconnect?.MaxRetries ?? 0;
        _reconnectInitialDelay = options.Reconnect?.InitialDelay ?? TimeSpan.Zero;
        _reconnectMaxDelay = options.Reconnect?.MaxDelay ?? TimeSpan.Zero;
        _onReconnecting = options.Reconnect?.OnReconnecting;
        _closeCommand = _turns
            ? """{"type":"close"}"""u8.ToArray()
            : core.Settings.ApiVersion <= CartesiaApiVersion.V2025_04_16 ? "done"u8.ToArray() : "close"u8.ToArray();
        _connection = connection;
        _requestId = connection.RequestId;
    }

    /// <summary>The id of the current connection, from the handshake or the latest event that named one.</summary>
    public string? RequestId => Volatile.Read(ref _requestId);

    /// <summary>Connects and starts the session's pump and receive loop.</summary>
    public static async Task<SttSessionCore> ConnectAsync(ClientCore core, SttSessionOptions options, CancellationToken cancellationToken)
    {
        string pathAndQuery = options.PathAndQuery();
        string operation = options is SttTurnsOptions ? "stt.turns_websocket" : "stt.websocket";
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
        session._pump = Task.Run(session.PumpAsync, CancellationToken.None);
        session._receive = Task.Run(session.ReceiveLoopAsync, CancellationToken.None);
        return session;
    }

    // ---------------------------------------------------------------- audio in

    /// <summary>Re-frames and queues audio; all of it or (when cancelled while waiting for room) none of it.</summary>
    public async ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        ThrowIfNotAccepting();
        if (audio.IsEmpty)
        {
            return;
        }

        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfNotAccepting();
            long whole = _frameBytes is int size ? (_frameFill + audio.Length) / size * (long)size : audio.Length;
            await WaitForRoomAsync(whole, cancellationToken).ConfigureAwait(false);

            // From here on nothing waits: the push is applied whole.
            Frame(audio.Span, _pushed);
            Enqueue(_pushed);
        }
        finally
        {
            _pushed.Clear();
            _pushLock.Release();
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

        CheckPacing(pacing);
        ThrowIfNotAccepting();
        int chunk = _frameBytes ?? 8192;
        byte[] head = new byte[SttFileSniffer.HeadBytes];
        int headCount = await audio.ReadAtLeastAsync(head, 12, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        int dataStart = 0;
        long dataRemaining = long.MaxValue;
        if (SttFileSniffer.Detect(head.AsSpan(0, headCount), allowFrameSync: false) == SttFileKind.Wav)
        {
            (WavFormat wav, headCount, bool declared) = await SttValidation.ReadWavHeaderAsync(audio, head, headCount, nameof(audio), cancellationToken).ConfigureAwait(false);
            SttValidation.CheckWav(wav, _encoding, _sampleRate, _optionsName, "stream", nameof(audio));
            dataStart = (int)wav.DataOffset;
            dataRemaining = declared ? wav.DataLength : long.MaxValue;
        }
        else if (SttFileSniffer.Detect(head.AsSpan(0, headCount), allowFrameSync: false) is not SttFileKind.Raw and var kind)
        {
            throw new ArgumentException($"The audio stream is {SttFileSniffer.Describe(kind)}; a streaming session takes raw PCM (or WAV) in the declared encoding. Use TranscribeAsync for files with other containers.", nameof(audio));
        }

        var pacer = new Pacer(pacing == SttPacing.RealTime ? _bytesPerSecond : null);
        int offset = dataStart;
        while (offset < headCount && dataRemaining > 0)
        {
            int length = (int)Math.Min(Math.Min(chunk, headCount - offset), dataRemaining);
            await pacer.WaitAsync(length, cancellationToken).ConfigureAwait(false);
            await SendAudioAsync(head.AsMemory(offset, length), cancellationToken).ConfigureAwait(false);
            offset += length;
            dataRemaining -= length;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            while (dataRemaining > 0)
            {
                int wanted = (int)Math.Min(chunk, dataRemaining);
                int read = await audio.ReadAtLeastAsync(buffer.AsMemory(0, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await pacer.WaitAsync(read, cancellationToken).ConfigureAwait(false);
                await SendAudioAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                dataRemaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Sends every frame of a sequence, in order.</summary>
    public async Task SendAudioAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, SttPacing pacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        CheckPacing(pacing);
        ThrowIfNotAccepting();
        var pacer = new Pacer(pacing == SttPacing.RealTime ? _bytesPerSecond : null);
        await foreach (ReadOnlyMemory<byte> frame in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await pacer.WaitAsync(frame.Length, cancellationToken).ConfigureAwait(false);
            await SendAudioAsync(frame, cancellationToken).ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- commands

    /// <summary><c>finalize</c> after everything queued (with the frame remainder); returns after <c>flush_done</c>.</summary>
    public async Task FinalizeAsync(CancellationToken cancellationToken)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueCommandAsync(SttOutgoing.Command(SttOutgoingKind.Finalize, "finalize"u8.ToArray()), answered, cancellationToken).ConfigureAwait(false);
        try
        {
            await answered.Task.WaitAsync(_finalizeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new CartesiaTimeoutException($"The service did not answer finalize with flush_done within {Describe(_finalizeTimeout)} ({_optionsName}.FinalizeTimeout).", ex)
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
        lock (_gate)
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

    // ---------------------------------------------------------------- events out

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
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _disposal.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            await DisposeOnceAsync().ConfigureAwait(false);
        }
        finally
        {
            _disposal.TrySetResult();
        }
    }

    private async Task DisposeOnceAsync()
    {
        SttConnection connection;
        lock (_gate)
        {
            connection = _connection;
        }

        if (!_ended.Task.IsCompleted && connection.Socket.State == WebSocketState.Open)
        {
            try
            {
                using var bound = new CancellationTokenSource(DisposeCloseBound);
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disposed", bound.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Cut below.
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        connection.Break();
        await Task.WhenAll(_receive, _pump).ConfigureAwait(false);
        _lifetime.Dispose();
        _pushLock.Dispose();
    }

    // ---------------------------------------------------------------- queue

    private void ThrowIfNotAccepting()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, _turns ? typeof(SttTurnsSession) : typeof(SttSession));
        lock (_gate)
        {
            ThrowIfFailedLocked();
            if (_closeRequested)
            {
                throw new InvalidOperationException("CompleteAsync was called: the session takes no more audio or commands.");
            }
        }
    }

    private void ThrowIfFailedLocked()
    {
        if (_failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Waits until the queue has room (an empty queue always has); only holders of the push lock add to it.</summary>
    private async ValueTask WaitForRoomAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_gate)
            {
                ThrowIfFailedLocked();
                if (_queuedBytes == 0 || _queuedBytes + bytes <= _maxQueuedBytes)
                {
                    return;
                }

                room = _room.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cuts audio into whole frames (the remainder stays for the next push or the next command).</summary>
    private void Frame(ReadOnlySpan<byte> audio, List<SttOutgoing> frames)
    {
        if (_frameBytes is not int size)
        {
            byte[] copy = AudioBufferPool.Instance.Rent(audio.Length);
            audio.CopyTo(copy);
            frames.Add(SttOutgoing.Audio(copy, audio.Length));
            return;
        }

        while (!audio.IsEmpty)
        {
            _frame ??= AudioBufferPool.Instance.Rent(size);
            int take = Math.Min(size - _frameFill, audio.Length);
            audio[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            audio = audio[take..];
            if (_frameFill == size)
            {
                frames.Add(SttOutgoing.Audio(_frame, size));
                _frame = null;
                _frameFill = 0;
            }
        }
    }

    /// <summary>The partial frame, as a short last frame before a command (nothing when there is none).</summary>
    private void TakeRemainder(List<SttOutgoing> into)
    {
        if (_frame is not null && _frameFill > 0)
        {
            into.Add(SttOutgoing.Audio(_frame, _frameFill));
            _frame = null;
            _frameFill = 0;
        }
    }

    private void Enqueue(List<SttOutgoing> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_failure is not null)
            {
                foreach (SttOutgoing item in items)
                {
                    item.Release();
                }

                ThrowIfFailedLocked();
            }

            foreach (SttOutgoing item in items)
            {
                item.Node = _queue.AddLast(item);
                _queuedBytes += item.Length;
            }

            _wake.Set();
        }
    }

    private async Task EnqueueCommandAsync(SttOutgoing command, TaskCompletionSource? answered, CancellationToken cancellationToken)
    {
        ThrowIfNotAccepting();
        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfNotAccepting();
            await WaitForRoomAsync(_frameFill + command.Length, cancellationToken).ConfigureAwait(false);
            TakeRemainder(_pushed);
            _pushed.Add(command);
            lock (_gate)
            {
                if (answered is not null)
                {
                    _flushWaiters.Enqueue(answered);
                }

                if (command.Kind == SttOutgoingKind.Close)
                {
                    _closeRequested = true;
                }
            }

            Enqueue(_pushed);
        }
        finally
        {
            _pushed.Clear();
            _pushLock.Release();
        }
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
            await _ended.Task.WaitAsync(_closeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            if (Volatile.Read(ref _doneReceived))
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
                $"The service {missing}: it did not finish the session within {Describe(_closeTimeout)} of close ({_optionsName}.CloseTimeout).", ex)
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
        lock (_gate)
        {
            if (failure is null)
            {
                _stopQuietly = true;
            }
            else
            {
                _failure ??= failure;
            }

            connection = _connection;
            _wake.Set();
        }

        connection.Break();
    }

    // ---------------------------------------------------------------- pump

    private async Task PumpAsync()
    {
        CancellationToken cancellationToken = _lifetime.Token;
        try
        {
            while (true)
            {
                SttOutgoing? item;
                SttConnection connection;
                Task wake;
                lock (_gate)
                {
                    if (_failure is not null || _stopQuietly || _finished)
                    {
                        return;
                    }

                    connection = _connection;
                    item = connection.Broken ? null : _queue.First?.Value;
                    wake = _wake.Task;
                }

                if (item is null)
                {
                    await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Task send = connection.Sender.SendAsync(item.Payload, item.MessageType, cancellationToken).AsTask();
                lock (_gate)
                {
                    _sending = send;
                }

                bool sent;
                try
                {
                    await send.ConfigureAwait(false);
                    sent = true;
                }
                catch (Exception ex) when (ex is CartesiaWebSocketException or ObjectDisposedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    sent = false;
                }
                finally
                {
                    lock (_gate)
                    {
                        _sending = null;
                    }
                }

                if (!sent)
                {
                    // The connection broke under the send: the message stays first; the receive loop takes over.
                    connection.Break();
                    continue;
                }

                OnSent(item, connection);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private void OnSent(SttOutgoing item, SttConnection connection)
    {
        lock (_gate)
        {
            if (_finished)
            {
                // The session ended while this was being written: Finish already released the queue (this item
                // with it) and completed every waiter.
                return;
            }

            if (item.Node is not null)
            {
                _queue.Remove(item.Node);
                item.Node = null;
            }

            _queuedBytes -= item.Length;
            if (_queuedBytes <= _maxQueuedBytes / 2)
            {
                // A pusher waiting for room wakes once the queue is down to half, not for every frame sent: one
                // wake-up (and thread hop) per half a queue of audio instead of one per frame.
                _room.Set();
            }

            if (connection != _connection)
            {
                // Written to a connection replaced meanwhile: the new one never saw it.
                if (item.Kind == SttOutgoingKind.Audio)
                {
                    _timeOffset += _bytesPerSecond is { } rate ? item.Length / rate : 0;
                    item.Release();
                }
                else
                {
                    item.Node = _queue.AddFirst(item);
                    _queuedBytes += item.Length;
                    _wake.Set();
                }

                return;
            }

            switch (item.Kind)
            {
                case SttOutgoingKind.Audio:
                    _audioSentOnConnection += item.Length;
                    _audioSentTotal += item.Length;
                    item.Release();
                    break;
                case SttOutgoingKind.Finalize:
                    AwaitAnswer(item);
                    break;
                case SttOutgoingKind.Close:
                    AwaitAnswer(item);
                    _closeSent.TrySetResult();
                    break;
                case SttOutgoingKind.Config:
                    _lastConfig = item;
                    break;
            }
        }
    }

    // ---------------------------------------------------------------- receive loop

    private async Task ReceiveLoopAsync()
    {
        CancellationToken cancellationToken = _lifetime.Token;
        Exception? failure = null;
        bool normal = false;
        try
        {
            while (true)
            {
                SttConnection connection;
                lock (_gate)
                {
                    connection = _connection;
                }

                ReadOutcome outcome = await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                if (Volatile.Read(ref _disposed) != 0)
                {
                    // Whatever the connection did after DisposeAsync began, the session ends as disposed.
                    break;
                }

                lock (_gate)
                {
                    if (_failure is not null || _stopQuietly)
                    {
                        normal = _stopQuietly;
                        break;
                    }
                }

                if (outcome.Ended)
                {
                    normal = true;
                    break;
                }

                if (outcome.Failure is { } fatal)
                {
                    failure = fatal;
                    break;
                }

                connection.Break();
                if (_reconnectRetries == 0 || !IsRecoverable(outcome.CloseStatus))
                {
                    string why = _reconnectRetries == 0
                        ? "reconnection is off (set Reconnect in the session options to turn it on)"
                        : "the close code is not one to reconnect after";
                    failure = Lost(outcome, 0, why, outcome.Cause);
                    break;
                }

                failure = await ReconnectAsync(connection, outcome, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            Finish(failure, normal);
        }
    }

    private async Task<ReadOutcome> ReadAsync(SttConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            WebSocketMessage message;
            try
            {
                message = await connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                return ReadOutcome.Lost(null, null, ex);
            }
            catch (CartesiaProtocolException ex)
            {
                return ReadOutcome.Fatal(ex);
            }

            if (message.IsClose)
            {
                connection.MarkBroken();
                await CloseHandshakeAsync(connection).ConfigureAwait(false);
                bool closeRequested;
                lock (_gate)
                {
                    // Queued is enough: the pump may not have recorded the send yet when a fast answer comes back.
                    closeRequested = _closeRequested;
                }

                if (message.CloseStatus == WebSocketCloseStatus.NormalClosure && closeRequested)
                {
                    if (!_turns && !Volatile.Read(ref _doneReceived))
                    {
                        return ReadOutcome.Fatal(Lost(ReadOutcome.Lost(message.CloseStatus, message.CloseDescription, null), 0, "it closed the session after close without sending done, so the last transcripts may be missing", null));
                    }

                    return ReadOutcome.Normal;
                }

                return ReadOutcome.Lost(message.CloseStatus, message.CloseDescription, null);
            }

            if (message.Type != WebSocketMessageType.Text)
            {
                return ReadOutcome.Fatal(new CartesiaProtocolException($"The service sent a {message.Type} message on {_operation}, where only JSON text events are expected."));
            }

            SttEvent e;
            try
            {
                double offset;
                lock (_gate)
                {
                    offset = _timeOffset;
                }

                e = SttEventParser.Parse(message.Data.Span, offset);
            }
            catch (JsonException ex)
            {
                string payload = System.Text.Encoding.UTF8.GetString(message.Data.Span[..Math.Min(message.Data.Length, 300)]);
                return ReadOutcome.Fatal(new CartesiaProtocolException($"The service sent an event on {_operation} that is not valid: {ex.Message}", ex) { Payload = payload });
            }

            if (e is SttErrorEvent error)
            {
                return ReadOutcome.Fatal(SttEventParser.ToException(error));
            }

            OnEvent(e);
            _events.Writer.TryWrite(e);
        }
    }

    private void OnEvent(SttEvent e)
    {
        if (e.RequestId is { } requestId)
        {
            Volatile.Write(ref _requestId, requestId);
        }

        lock (_gate)
        {
            switch (e)
            {
                case SttTurnStartEvent or SttTurnUpdateEvent or SttTurnEagerEndEvent or SttTurnResumeEvent:
                    _turnOpen = true;
                    break;
                case SttTurnEndEvent:
                    _turnOpen = false;
                    break;
                case SttTranscriptEvent transcript:
                    _interimPending = !transcript.IsFinal && transcript.Text.Length > 0;
                    break;
                case SttFlushDoneEvent:
                    RemoveAnswered(SttOutgoingKind.Finalize);
                    if (_flushWaiters.TryDequeue(out TaskCompletionSource? waiter))
                    {
                        waiter.TrySetResult();
                    }

                    break;
                case SttDoneEvent:
                    _doneReceived = true;
                    RemoveAnswered(SttOutgoingKind.Close);
                    break;
            }
        }
    }

    /// <summary>
    /// An answer arrived: the oldest command of its kind waiting for one is answered. When the answer overtakes the
    /// pump's record of the send, it is credited to the send instead.
    /// </summary>
    private void RemoveAnswered(SttOutgoingKind kind)
    {
        int index = _awaitingAnswer.FindIndex(m => m.Kind == kind);
        if (index >= 0)
        {
            _awaitingAnswer.RemoveAt(index);
        }
        else
        {
            _earlyAnswers[(int)kind]++;
        }
    }

    /// <summary>Records a sent command that expects an answer, unless its answer already came.</summary>
    private void AwaitAnswer(SttOutgoing command)
    {
        if (_earlyAnswers[(int)command.Kind] > 0)
        {
            _earlyAnswers[(int)command.Kind]--;
            return;
        }

        _awaitingAnswer.Add(command);
    }

    /// <summary>Completes the close handshake the service started, briefly.</summary>
    private static async Task CloseHandshakeAsync(SttConnection connection)
    {
        try
        {
            if (connection.Socket.State == WebSocketState.CloseReceived)
            {
                using var bound = new CancellationTokenSource(CloseHandshakeBound);
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone either way.
        }
    }

    private static bool IsRecoverable(WebSocketCloseStatus? status) => status is null || (int)status.Value is 1001 or 1005 or 1006 or 1011 or 1012 or 1013 or 1015;

    /// <summary>Reconnects with backoff; returns null when connected again, else the failure that ends the session.</summary>
    private async Task<Exception?> ReconnectAsync(SttConnection lost, ReadOutcome outcome, CancellationToken cancellationToken)
    {
        string reason = SttLog.DescribeClose(outcome.CloseStatus, outcome.CloseDescription);
        Exception? lastError = outcome.Cause;
        for (int attempt = 1; attempt <= _reconnectRetries; attempt++)
        {
            double nominal = Math.Min(_reconnectInitialDelay.TotalSeconds * Math.Pow(2, attempt - 1), _reconnectMaxDelay.TotalSeconds);
            TimeSpan delay = TimeSpan.FromSeconds(nominal * (0.75 + (0.25 * Random.Shared.NextDouble())));
            var reconnecting = new SttReconnectingEvent
            {
                Attempt = attempt,
                MaxAttempts = _reconnectRetries,
                Delay = delay,
                CloseStatus = outcome.CloseStatus,
                CloseDescription = outcome.CloseDescription,
                RequestId = RequestId,
            };

            bool proceed;
            try
            {
                proceed = _onReconnecting?.Invoke(reconnecting) ?? true;
            }
            catch (Exception ex)
            {
                return Lost(outcome, attempt - 1, "the OnReconnecting callback threw, which stops reconnecting", ex);
            }

            if (!proceed)
            {
                return Lost(outcome, attempt - 1, "the OnReconnecting callback stopped reconnecting", lastError);
            }

            _events.Writer.TryWrite(reconnecting);
            SttLog.Reconnecting(_logger, _operation, reason, (long)delay.TotalMilliseconds, attempt, _reconnectRetries);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);

            ClientWebSocket socket;
            try
            {
                socket = await _core.WebSockets.ConnectAsync(_pathAndQuery, _operation, maxRetries: 0, cancellationToken).ConfigureAwait(false);
            }
            catch (CartesiaApiException ex) when (ex.StatusCode is not (408 or 429 or >= 500))
            {
                return Lost(outcome, attempt, "the service refused the new connection", ex);
            }
            catch (CartesiaException ex)
            {
                SttLog.ReconnectFailed(_logger, _operation, attempt, ex.Message);
                lastError = ex;
                continue;
            }

            // A send still in flight on the old connection settles (it fails: the socket is cut) before the queue moves.
            Task? sending;
            lock (_gate)
            {
                sending = _sending;
            }

            if (sending is not null)
            {
                await Task.WhenAny(sending).ConfigureAwait(false);
            }

            var next = new SttConnection(socket);
            SttReconnectedEvent reconnected;
            lock (_gate)
            {
                if (_failure is not null || _stopQuietly)
                {
                    next.Dispose();
                    return _failure;
                }

                _timeOffset += _bytesPerSecond is { } rate ? _audioSentOnConnection / rate : 0;
                _audioSentOnConnection = 0;

                // Commands sent on the old connection whose answer never came go again, first and in order, after
                // the turn configuration in effect; then the audio that was never sent.
                for (int i = _awaitingAnswer.Count - 1; i >= 0; i--)
                {
                    SttOutgoing command = _awaitingAnswer[i];
                    command.Node = _queue.AddFirst(command);
                    _queuedBytes += command.Length;
                }

                _awaitingAnswer.Clear();
                Array.Clear(_earlyAnswers);
                if (_lastConfig is { Node: null } config)
                {
                    config.Node = _queue.AddFirst(config);
                    _queuedBytes += config.Length;
                }

                bool discarded = _turnOpen || _interimPending;
                _turnOpen = _interimPending = false;
                long pending = _queue.Where(m => m.Kind == SttOutgoingKind.Audio).Sum(m => (long)m.Length) + _frameFill;
                _connection = next;
                Volatile.Write(ref _requestId, next.RequestId ?? _requestId);
                reconnected = new SttReconnectedEvent
                {
                    Attempt = attempt,
                    PendingAudioBytes = pending,
                    TimeOffset = TimeSpan.FromSeconds(_timeOffset),
                    PartialTranscriptDiscarded = discarded,
                    RequestId = next.RequestId,
                };
                _wake.Set();
            }

            lost.Dispose();
            _events.Writer.TryWrite(reconnected);
            SttLog.Reconnected(_logger, _operation, attempt, reconnected.PendingAudioBytes);
            Interlocked.Increment(ref _reconnects);
            Telemetry.Reconnects.Add(1, new KeyValuePair<string, object?>("cartesia.endpoint", "stt"), new KeyValuePair<string, object?>("cartesia.reason", reason));
            return null;
        }

        return Lost(outcome, _reconnectRetries, $"{_reconnectRetries} reconnection attempt(s) failed", lastError);
    }

    /// <summary>The exception for a connection lost for good, with how much was never sent.</summary>
    private SttConnectionLostException Lost(ReadOutcome outcome, int attempts, string why, Exception? cause)
    {
        long unsentAudio;
        int unsentMessages;
        lock (_gate)
        {
            unsentAudio = _queue.Where(m => m.Kind == SttOutgoingKind.Audio).Sum(m => (long)m.Length) + _frameFill;
            unsentMessages = _queue.Count + (_frameFill > 0 ? 1 : 0);
        }

        string close = SttLog.DescribeClose(outcome.CloseStatus, outcome.CloseDescription);
        return new SttConnectionLostException($"The speech-to-text session ({_operation}) lost its connection: the service {close}, and {why}. {unsentAudio} bytes of audio were never sent.", cause)
        {
            CloseStatus = outcome.CloseStatus,
            CloseDescription = outcome.CloseDescription,
            UnsentAudioBytes = unsentAudio,
            UnsentMessages = unsentMessages,
            ReconnectAttempts = attempts,
            Attempts = attempts + 1,
        };
    }

    /// <summary>Starts the session's span (without making it the caller's current activity).</summary>
    private static Activity? StartTelemetry(string operation, SttSessionOptions options)
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
    private void EndTelemetry(Exception? failure)
    {
        long audioBytes;
        lock (_gate)
        {
            audioBytes = _audioSentTotal;
        }

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
            activity.SetTag("cartesia.reconnects", Volatile.Read(ref _reconnects));
            activity.SetTag("cartesia.request_id", RequestId);
            activity.Stop();
            activity.Dispose();
        }
    }

    /// <summary>Ends the session: completes the events (with the failure, if any) and every waiter, frees the queue.</summary>
    private void Finish(Exception? failure, bool normal)
    {
        SttConnection connection;
        Exception? final;
        lock (_gate)
        {
            _finished = true;
            _failure ??= failure;
            if (_failure is null && !normal)
            {
                _failure = new ObjectDisposedException(_sessionName, "The session was disposed before it completed.");
            }

            final = _failure;
            foreach (SttOutgoing item in _queue)
            {
                item.Release();
            }

            _queue.Clear();
            _queuedBytes = 0;
            foreach (SttOutgoing item in _awaitingAnswer)
            {
                item.Release();
            }

            _awaitingAnswer.Clear();
            Exception waiterFailure = final ?? new InvalidOperationException("The session ended before the service answered.");
            while (_flushWaiters.TryDequeue(out TaskCompletionSource? waiter))
            {
                waiter.TrySetException(waiterFailure);
            }

            connection = _connection;
            _wake.Set();
            _room.Set();
        }

        SttLog.Ended(_logger, _operation, final is null ? "completed" : final.Message);
        EndTelemetry(final);
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
        _ = _pump.ContinueWith(_ => connection.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // ---------------------------------------------------------------- helpers

    private void CheckPacing(SttPacing pacing)
    {
        if (!Enum.IsDefined(pacing))
        {
            throw new ArgumentOutOfRangeException(nameof(pacing), pacing, "Unknown pacing.");
        }

        if (pacing == SttPacing.RealTime && _bytesPerSecond is null)
        {
            throw new ArgumentException($"Real-time pacing needs a known encoding; '{_encoding}' is not one this SDK knows.", nameof(pacing));
        }
    }

    private static string Describe(TimeSpan value)
        => value == Timeout.InfiniteTimeSpan ? "infinite" : value.TotalSeconds >= 1 ? $"{value.TotalSeconds:0.###} s" : $"{value.TotalMilliseconds:0} ms";

    /// <summary>How one connection's reading ended.</summary>
    private readonly record struct ReadOutcome(bool Ended, Exception? Failure, WebSocketCloseStatus? CloseStatus, string? CloseDescription, Exception? Cause)
    {
        public static ReadOutcome Normal => new(true, null, null, null, null);

        public static ReadOutcome Fatal(Exception failure) => new(false, failure, null, null, null);

        public static ReadOutcome Lost(WebSocketCloseStatus? status, string? description, Exception? cause) => new(false, null, status, description, cause);
    }

    /// <summary>Keeps sending in real time: waits until the audio sent so far has had time to play.</summary>
    private sealed class Pacer(double? bytesPerSecond)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _bytes;

        public async ValueTask WaitAsync(int nextBytes, CancellationToken cancellationToken)
        {
            if (bytesPerSecond is not { } rate)
            {
                return;
            }

            TimeSpan due = TimeSpan.FromSeconds(_bytes / rate) - Stopwatch.GetElapsedTime(_started);
            _bytes += nextBytes;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
