using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using Cartesia.Audio;
using Cartesia.Core;
using Cartesia.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cartesia.Tts;

/// <summary>
/// One generation on a <see cref="TtsWebSocket"/>: send text piece by piece (or as an
/// <see cref="IAsyncEnumerable{T}"/> of LLM tokens) while reading audio events. It ends in exactly one way:
/// <see cref="TtsDoneEvent"/> (all audio arrived), cancelled (<see cref="OperationCanceledException"/>; late audio
/// is discarded), or a typed exception (error event, timeout, lost connection, buffer overflow).
/// </summary>
/// <remarks>
/// Text is concatenated verbatim by the service: include spaces and punctuation at the boundaries. Many contexts
/// can run at once on one connection; a slow reader of one never delays the others. All members are thread-safe.
/// </remarks>
public sealed partial class TtsContext : IAsyncDisposable
{
    private readonly TtsWebSocket _owner;
    private readonly TtsContextMessages _messages;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Channel<TtsEvent> _events;
    private readonly bool _deliverInline;
    private readonly List<TtsEvent> _held = []; // events not yet handed to the reader (default delivery; under _gate)
    private readonly TaskCompletionSource _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<int, TaskCompletionSource<int>> _flushWaiters = [];
    private readonly StringBuilder _sentText = new();
    private readonly List<TimedText> _words = [];
    private readonly TimeSpan _firstChunkTimeout;
    private readonly TimeSpan _chunkTimeout;
    private readonly long _maxBufferedBytes;
    private readonly Timer _watchdog;
    private TtsSocketConnection? _connection;
    private Task<TtsSocketConnection>? _binding;
    private TtsContextState _state = TtsContextState.Created;
    private Exception? _failure;
    private char? _heldHighSurrogate;
    private long _bufferedBytes; // Interlocked: added by the receive loop, taken off by the reader without the lock
    private volatile bool _cancelled; // read by the reader without the lock
    private long _audioBytes;
    private int _chunks;
    private int _charactersSent;
    private int _flushesSent;
    private int _pendingFlushes;
    private long _firstSendTimestamp;
    private long _firstChunkTimestamp;
    private int _readerStarted;
    private bool _timestampsReceived;
    private Activity? _activity;
    private AudioStreamTelemetry? _audioTelemetry;

    internal TtsContext(TtsWebSocket owner, string contextId, TtsContextOptions options, TtsContextMessages messages, TtsWebSocketOptions defaults, ILogger logger)
    {
        _owner = owner;
        ContextId = contextId;
        Options = options;
        _messages = messages;
        _logger = logger;
        _firstChunkTimeout = options.FirstChunkTimeout ?? defaults.FirstChunkTimeout;
        _chunkTimeout = options.ChunkTimeout ?? defaults.ChunkTimeout;
        _maxBufferedBytes = defaults.MaxBufferedBytesPerContext;
        _deliverInline = defaults.DeliverEventsInline;
        _events = Channel.CreateUnbounded<TtsEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = _deliverInline });
        _watchdog = new Timer(static s => ((TtsContext)s!).OnWatchdog(), this, Timeout.Infinite, Timeout.Infinite);
        _terminal.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The context id sent with every input and carried by every event.</summary>
    public string ContextId { get; }

    /// <summary>The context's generation settings.</summary>
    public TtsContextOptions Options { get; }

    /// <summary>Where the context is in its life.</summary>
    public TtsContextState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Completes when the context ends: successfully after <c>done</c>, cancelled after a cancel, or faulted with
    /// the exception that ended it.
    /// </summary>
    public Task Completion => _terminal.Task;

    /// <summary>Latency and audio received so far.</summary>
    public TtsContextMetrics Metrics
    {
        get
        {
            lock (_gate)
            {
                TimeSpan? ttfa = _firstChunkTimestamp == 0 ? null : Stopwatch.GetElapsedTime(_firstSendTimestamp, _firstChunkTimestamp);
                return new TtsContextMetrics(ttfa, _audioBytes, AudioDuration(_audioBytes), _chunks, _charactersSent);
            }
        }
    }

    /// <summary>
    /// Sends text (<c>continue: true</c>). Pieces are concatenated verbatim; a piece may end in the middle of a
    /// surrogate pair (an emoji split across tokens), which is held back until its other half arrives.
    /// </summary>
    /// <param name="text">The text; not empty (use <see cref="FlushAsync"/> or <see cref="CompleteAsync"/> to push out buffered text).</param>
    /// <param name="cancellationToken">Stops waiting for the send.</param>
    /// <exception cref="InvalidOperationException">The context was completed, cancelled or failed.</exception>
    public async ValueTask SendAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("The text is empty; to generate what was sent so far use FlushAsync, and to finish use CompleteAsync.", nameof(text));
        }

        TtsSocketConnection connection = await BindAsync(cancellationToken).ConfigureAwait(false);
        Task sent;
        lock (_gate)
        {
            EnsureAcceptsInput("send text on");
            string piece = TakeWholeCodePoints(text);
            if (piece.Length == 0)
            {
                return;
            }

            sent = connection.Send(_messages.Input(piece, @continue: true, flush: false));
            OnSent(piece);
        }

        await AwaitSendAsync(sent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a stream of text (for example LLM tokens) as it is produced, while audio can be read concurrently;
    /// then completes the context unless <paramref name="complete"/> is false.
    /// </summary>
    /// <param name="text">The pieces of text.</param>
    /// <param name="complete">Whether to complete the context after the last piece.</param>
    /// <param name="cancellationToken">Stops sending; the context is cancelled.</param>
    public async Task SendAsync(IAsyncEnumerable<string> text, bool complete = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            await foreach (string piece in text.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrEmpty(piece))
                {
                    await SendAsync(piece, cancellationToken).ConfigureAwait(false);
                }
            }

            if (complete)
            {
                await CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes the service generate everything sent so far and keeps the context open. Returns the flush id (1 for
    /// the first flush) once its <c>flush_done</c> arrived; audio before the flush carries that id, audio after
    /// it the next one.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the flush itself was sent).</param>
    /// <exception cref="InvalidOperationException">Nothing was sent yet, or the context was completed, cancelled or failed.</exception>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        TtsSocketConnection connection = await BindAsync(cancellationToken).ConfigureAwait(false);
        Task sent;
        TaskCompletionSource<int> waiter;
        lock (_gate)
        {
            EnsureAcceptsInput("flush");
            if (_state == TtsContextState.Created)
            {
                throw new InvalidOperationException($"Nothing was sent on context '{ContextId}' yet, so there is nothing to flush.");
            }

            int flushId = ++_flushesSent;
            waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushWaiters[flushId] = waiter;
            _pendingFlushes++;
            sent = connection.Send(_messages.Input(ReleaseHeldSurrogate(), @continue: true, flush: true));
            ArmWatchdogLocked();
        }

        await AwaitSendAsync(sent, cancellationToken).ConfigureAwait(false);
        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the last input (<c>transcript: ""</c>, <c>continue: false</c>): the service generates the rest and
    /// ends with <c>done</c>. Returns once sent; read the events (or await <see cref="Completion"/>) for the audio.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the send.</param>
    /// <exception cref="InvalidOperationException">Nothing was sent yet, or the context was already completed, cancelled or failed.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        TtsSocketConnection connection = await BindAsync(cancellationToken).ConfigureAwait(false);
        Task sent;
        lock (_gate)
        {
            EnsureAcceptsInput("complete");
            if (_state == TtsContextState.Created)
            {
                throw new InvalidOperationException($"Nothing was sent on context '{ContextId}'; send text before completing it.");
            }

            sent = connection.Send(_messages.Input(ReleaseHeldSurrogate(), @continue: false, flush: false));
            _state = TtsContextState.Completing;
            ArmWatchdogLocked();
        }

        await AwaitSendAsync(sent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels the context: the service is told to stop (when anything was sent), reading stops at once with
    /// <see cref="OperationCanceledException"/>, and audio that still arrives for it is discarded. Does nothing on
    /// a context that already ended.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the cancel request to be sent.</param>
    public async ValueTask CancelAsync(CancellationToken cancellationToken = default)
    {
        Task? sent = null;
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }

            if (_state != TtsContextState.Created && _connection is { IsClosed: false } connection)
            {
                try
                {
                    sent = connection.Send(_messages.Cancel());
                }
                catch (CartesiaWebSocketException)
                {
                    // The socket is gone: the service has nothing left to cancel.
                }
            }

            EndLocked(TtsContextState.Cancelled, null);
        }

        if (sent is not null)
        {
            try
            {
                await sent.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CartesiaWebSocketException)
            {
                // Cancelled either way.
            }
        }
    }

    /// <summary>
    /// The context's events as they arrive: <see cref="TtsChunkEvent"/> (audio, decoded), timestamps,
    /// <see cref="TtsFlushDoneEvent"/>, <see cref="TtsUnknownEvent"/>, and <see cref="TtsDoneEvent"/> last. Ends
    /// normally after done; throws <see cref="OperationCanceledException"/> when cancelled and the typed exception
    /// when the context failed. Can be read once. Cancelling <paramref name="cancellationToken"/> cancels the context.
    /// </summary>
    /// <param name="cancellationToken">Cancels the context and stops reading.</param>
    public IAsyncEnumerable<TtsEvent> ReadEventsAsync(CancellationToken cancellationToken = default)
        => StartReading(pooledAudio: false, cancellationToken);

    /// <summary>
    /// The context's events, like <see cref="ReadEventsAsync"/>, with no allocation for audio: the audio of each
    /// <see cref="TtsChunkEvent"/> is decoded into a buffer rented from a pool the SDK keeps for chunk audio,
    /// which is valid only until the loop moves to the next event (or ends) and then goes back to the pool for
    /// the next chunk. Use the audio inside the loop body (write it, play it, copy it); to keep it, copy it
    /// (<c>chunk.Audio.ToArray()</c>). A chunk event that was moved past has empty <see cref="TtsChunkEvent.Audio"/>,
    /// but a <see cref="ReadOnlyMemory{T}"/> taken from it earlier would see later audio. For servers that stream
    /// audio straight on (to a call, a file, a socket), where it saves the garbage collector most of its work.
    /// </summary>
    /// <param name="cancellationToken">Cancels the context and stops reading.</param>
    public IAsyncEnumerable<TtsEvent> ReadPooledEventsAsync(CancellationToken cancellationToken = default)
        => StartReading(pooledAudio: true, cancellationToken);

    private IAsyncEnumerable<TtsEvent> StartReading(bool pooledAudio, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _readerStarted, 1) != 0)
        {
            throw new InvalidOperationException($"The events of context '{ContextId}' are already being read; they can be read once.");
        }

        return ReadCoreAsync(pooledAudio, cancellationToken);
    }

    /// <summary>
    /// Reads the context's audio and writes it as a WAV file to a stream, with a correct header: on a seekable
    /// stream the sizes are fixed when the audio ends; on a non-seekable one the header says "unknown length"
    /// (see <see cref="WavHeader.UnknownLength"/>). Consumes the events, like <see cref="ReadEventsAsync"/>.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the context and stops writing.</param>
    /// <returns>How many bytes of audio were written (header excluded).</returns>
    public async Task<long> WriteWavAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var wav = new WavStreamWriter(destination, Options.OutputFormat.Encoding!.Value, Options.OutputFormat.SampleRate);
        await foreach (TtsEvent value in ReadPooledEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (value is TtsChunkEvent chunk)
            {
                await wav.WriteAsync(chunk.Audio, cancellationToken).ConfigureAwait(false);
            }
        }

        await wav.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return wav.DataLength;
    }

    /// <summary>
    /// Reads the context's audio into a WAV file with exact sizes; the file appears only if the context completed.
    /// </summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="cancellationToken">Cancels the context and stops writing.</param>
    /// <exception cref="DirectoryNotFoundException">The file's directory does not exist (checked before anything is read or written; the message names <paramref name="path"/>).</exception>
    public async Task SaveWavAsync(string path, CancellationToken cancellationToken = default)
    {
        string fullPath = OutputFile.Check(path);
        string partial = OutputFile.PartialOf(fullPath);
        FileStream file = OutputFile.OpenPartial(path, fullPath, FileAccess.ReadWrite, 64 * 1024, useAsync: true);
        try
        {
            await using (file.ConfigureAwait(false))
            {
                await WriteWavAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>
    /// What the listener heard by a point of playback: the prefix of the text sent on this context that was spoken
    /// within <paramref name="played"/> of audio, aligned through the word timestamps (punctuation, emoji and SSML
    /// tags of the input are kept in the answer as written). Needs <see cref="TtsContextOptions.AddTimestamps"/>;
    /// without timestamps the answer is <see cref="TtsSpokenText.IsKnown"/> = false. Never blocks.
    /// </summary>
    /// <param name="played">How much of the context's audio was played.</param>
    public TtsSpokenText GetSpokenText(TimeSpan played)
    {
        lock (_gate)
        {
            if (!_timestampsReceived)
            {
                return TtsSpokenText.Unknown;
            }

            return SpokenTextAligner.Align(_sentText.ToString(), _words, played);
        }
    }

    /// <summary>The same as <see cref="GetSpokenText(TimeSpan)"/>, from how many bytes of the context's audio were played.</summary>
    /// <param name="playedBytes">How many audio bytes were played.</param>
    public TtsSpokenText GetSpokenTextForBytes(long playedBytes) => GetSpokenText(AudioDuration(playedBytes));

    /// <summary>Cancels the context if it is still running (sending a cancel only if anything was sent).</summary>
    public async ValueTask DisposeAsync()
    {
        await CancelAsync(CancellationToken.None).ConfigureAwait(false);
        await _watchdog.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"TtsContext({ContextId}, {State})";

    /// <summary>
    /// Routes an event of this context (called by the receive loop; never blocks). By default the event is held
    /// until <see cref="PublishHeld"/>, so a burst of frames wakes the reader once rather than once per frame;
    /// returns true when this event is the first one held (the connection then remembers to publish it).
    /// </summary>
    internal bool OnEvent(TtsEvent value)
    {
        bool done = false, firstChunk = false;
        CartesiaBufferOverflowException? overflow = null;
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                (value as TtsChunkEvent)?.ReturnAudio();
                Log.LateEvent(_logger, value.Type, ContextId);
                return false;
            }

            switch (value)
            {
                case TtsChunkEvent chunk:
                    if (_firstChunkTimestamp == 0)
                    {
                        _firstChunkTimestamp = Stopwatch.GetTimestamp();
                        firstChunk = true;
                    }

                    _chunks++;
                    _audioBytes += chunk.Audio.Length;
                    Interlocked.Add(ref _bufferedBytes, chunk.Audio.Length);
                    _audioTelemetry?.OnAudio();
                    break;
                case TtsTimestampsEvent { WordTimestamps: { } words }:
                    _timestampsReceived = true;
                    _words.AddRange(words.ToTimedWords());
                    break;
                case TtsFlushDoneEvent flushDone:
                    CompleteFlushLocked(flushDone.FlushId);
                    break;
                case TtsErrorEvent error:
                    EndLocked(TtsContextState.Failed, TtsSseProtocol.ToException(error, _audioBytes));
                    return false;
            }

            if (value is TtsDoneEvent)
            {
                done = true;
                _watchdog.Change(Timeout.Infinite, Timeout.Infinite);
            }
            else if (Interlocked.Read(ref _bufferedBytes) > _maxBufferedBytes)
            {
                overflow = new CartesiaBufferOverflowException(
                    $"Context '{ContextId}' has {Interlocked.Read(ref _bufferedBytes)} bytes of audio unread, more than MaxBufferedBytesPerContext ({_maxBufferedBytes}); it was cancelled. Read its events faster, or raise the limit.")
                {
                    LimitBytes = _maxBufferedBytes,
                };
            }
            else
            {
                ArmWatchdogLocked();
            }

            if (!_deliverInline)
            {
                _held.Add(value);
                if (done || overflow is not null)
                {
                    // The last event: everything held is published as the context ends.
                    EndOnLastEventLocked(overflow);
                    return false;
                }

                if (firstChunk)
                {
                    // Time to first audio is what a voice agent feels: the first chunk is never held for a burst.
                    PublishHeldLocked();
                    return false;
                }

                return _held.Count == 1;
            }
        }

        // Inline: outside the lock, because the waiting reader's loop body runs right here and must never run while
        // the context is locked. Only the receive loop writes, so events keep their order.
        _events.Writer.TryWrite(value);
        if (done || overflow is not null)
        {
            lock (_gate)
            {
                if (!IsTerminal(_state))
                {
                    EndOnLastEventLocked(overflow);
                }
            }
        }

        return false;
    }

    /// <summary>Hands the events held since the last call to the reader (receive loop only), waking it once.</summary>
    internal void PublishHeld()
    {
        lock (_gate)
        {
            PublishHeldLocked();
        }
    }

    /// <summary>Fails the context (malformed frame, connection-level error).</summary>
    internal void Fail(Exception exception)
    {
        lock (_gate)
        {
            if (!IsTerminal(_state))
            {
                SendCancelLocked();
                EndLocked(TtsContextState.Failed, exception);
            }
        }
    }

    /// <summary>The socket ended while the context was running: the audio so far is truncated.</summary>
    internal void OnConnectionLost(WebSocketCloseStatus? status, string? description, Exception? cause)
    {
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }

            string how = status is null ? "dropped without a close frame" : $"closed ({(int)status} {status}{(string.IsNullOrEmpty(description) ? string.Empty : ": " + description)})";
            var lost = new CartesiaConnectionLostException(
                $"The TTS WebSocket {how} while context '{ContextId}' was running, after {_audioBytes} bytes ({AudioDuration(_audioBytes).TotalSeconds:0.###} s) of audio; the audio is truncated.",
                cause)
            {
                CloseStatus = status,
                CloseDescription = description,
                AudioBytesReceived = _audioBytes,
                AudioDurationReceived = AudioDuration(_audioBytes),
                EventsReceived = _chunks,
                ContextId = ContextId,
            };
            EndLocked(TtsContextState.Failed, lost);
        }
    }

    private async IAsyncEnumerable<TtsEvent> ReadCoreAsync(bool pooledAudio, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ChannelReader<TtsEvent> reader = _events.Reader;
        TtsChunkEvent? lent = null;
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await CancelAsync(CancellationToken.None).ConfigureAwait(false);
                    throw;
                }

                if (_cancelled)
                {
                    throw new OperationCanceledException($"Context '{ContextId}' was cancelled.");
                }

                if (!more)
                {
                    break;
                }

                while (reader.TryRead(out TtsEvent? value))
                {
                    lent?.ReturnAudio();
                    lent = null;
                    if (value is TtsChunkEvent chunk)
                    {
                        Interlocked.Add(ref _bufferedBytes, -chunk.Audio.Length);
                        if (pooledAudio)
                        {
                            lent = chunk;
                        }
                        else
                        {
                            chunk.OwnAudio();
                        }
                    }

                    yield return value;
                    if (_cancelled)
                    {
                        throw new OperationCanceledException($"Context '{ContextId}' was cancelled.");
                    }
                }
            }
        }
        finally
        {
            lent?.ReturnAudio();
        }

        Exception? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Puts the context on a socket once, however many first sends race: they share one binding (which is
    /// forgotten if it fails, so a later send can try again).
    /// </summary>
    private async ValueTask<TtsSocketConnection> BindAsync(CancellationToken cancellationToken)
    {
        Task<TtsSocketConnection> binding;
        lock (_gate)
        {
            if (_connection is { } bound)
            {
                return bound;
            }

            binding = _binding ??= BindOnceAsync();
        }

        return await binding.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<TtsSocketConnection> BindOnceAsync()
    {
        try
        {
            TtsSocketConnection connection = await _owner.BindAsync(this, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _connection = connection;
            }

            return connection;
        }
        catch
        {
            lock (_gate)
            {
                _binding = null;
            }

            throw;
        }
    }

    private async Task AwaitSendAsync(Task sent, CancellationToken cancellationToken)
    {
        try
        {
            await sent.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CartesiaWebSocketException ex)
        {
            // The socket died under the send; the receive loop fails the context with the details.
            Exception? failure;
            lock (_gate)
            {
                failure = _failure;
            }

            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            throw new CartesiaConnectionLostException($"The TTS WebSocket broke while sending on context '{ContextId}'.", ex) { ContextId = ContextId };
        }
    }

    private void EnsureAcceptsInput(string action)
    {
        switch (_state)
        {
            case TtsContextState.Completing:
            case TtsContextState.Done:
                throw new InvalidOperationException($"Cannot {action} context '{ContextId}': it was completed. Start a new context for more text.");
            case TtsContextState.Cancelled:
                throw new InvalidOperationException($"Cannot {action} context '{ContextId}': it was cancelled.");
            case TtsContextState.Failed:
                throw new InvalidOperationException($"Cannot {action} context '{ContextId}': it failed ({_failure?.Message}).", _failure);
        }
    }

    private void OnSent(string piece)
    {
        if (_state == TtsContextState.Created)
        {
            _state = TtsContextState.Open;
            _firstSendTimestamp = Stopwatch.GetTimestamp();
            StartTelemetryLocked();
        }

        _charactersSent += piece.Length;
        _sentText.Append(piece);
        ArmWatchdogLocked();
    }

    /// <summary>Keeps a trailing high surrogate for the next piece, so no piece carries half a character.</summary>
    private string TakeWholeCodePoints(string text)
    {
        string whole = _heldHighSurrogate is { } held ? held + text : text;
        _heldHighSurrogate = null;
        if (char.IsHighSurrogate(whole[^1]))
        {
            _heldHighSurrogate = whole[^1];
            whole = whole[..^1];
        }

        return whole;
    }

    /// <summary>A held half of a surrogate pair goes out with the flush or the last input (as the service would get it anyway).</summary>
    private string ReleaseHeldSurrogate()
    {
        if (_heldHighSurrogate is not { } held)
        {
            return string.Empty;
        }

        _heldHighSurrogate = null;
        string piece = held.ToString();
        _charactersSent++;
        _sentText.Append(piece);
        return piece;
    }

    private void CompleteFlushLocked(int? flushId)
    {
        _pendingFlushes = Math.Max(0, _pendingFlushes - 1);
        int id = flushId ?? (_flushesSent - _pendingFlushes);
        if (_flushWaiters.Remove(id, out TaskCompletionSource<int>? waiter))
        {
            waiter.TrySetResult(id);
        }
    }

    private void SendCancelLocked()
    {
        if (_state != TtsContextState.Created && _connection is { IsClosed: false } connection)
        {
            try
            {
                _ = connection.Send(_messages.Cancel()).ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            catch (CartesiaWebSocketException)
            {
            }
        }
    }

    private void EndOnLastEventLocked(CartesiaBufferOverflowException? overflow)
    {
        if (overflow is not null)
        {
            SendCancelLocked();
        }

        EndLocked(overflow is null ? TtsContextState.Done : TtsContextState.Failed, overflow);
    }

    private void PublishHeldLocked()
    {
        // An unbounded single-reader channel never refuses a write before it is completed, and writing under the
        // lock only queues the reader's continuation (these contexts do not run it inline).
        foreach (TtsEvent held in _held)
        {
            _events.Writer.TryWrite(held);
        }

        _held.Clear();
    }

    private void EndLocked(TtsContextState state, Exception? failure)
    {
        _state = state;
        _cancelled = state == TtsContextState.Cancelled;
        _failure = failure;
        _watchdog.Change(Timeout.Infinite, Timeout.Infinite);
        if (_deliverInline)
        {
            // The reader would continue inline from the completion, under this lock: complete from the pool instead.
            ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.TryComplete(), _events.Writer, preferLocal: false);
        }
        else
        {
            if (state != TtsContextState.Cancelled)
            {
                // Events held for a burst are still the reader's.
                PublishHeldLocked();
            }
            else
            {
                // A cancelled context's are discarded.
                foreach (TtsEvent dropped in _held)
                {
                    (dropped as TtsChunkEvent)?.ReturnAudio();
                }

                _held.Clear();
            }

            _events.Writer.TryComplete();
        }

        foreach (TaskCompletionSource<int> waiter in _flushWaiters.Values)
        {
            if (failure is not null)
            {
                waiter.TrySetException(failure);
            }
            else
            {
                waiter.TrySetCanceled();
            }
        }

        _flushWaiters.Clear();
        switch (state)
        {
            case TtsContextState.Done:
                _terminal.TrySetResult();
                break;
            case TtsContextState.Cancelled:
                _terminal.TrySetCanceled();
                break;
            default:
                _terminal.TrySetException(failure!);
                break;
        }

        string failureText = failure?.Message ?? string.Empty;
        Log.ContextEnded(_logger, ContextId, state, _audioBytes, failureText);
        EndTelemetryLocked(state, failure);
        _connection?.Retire(ContextId);
        _owner.OnContextEnded(this);
    }

    /// <summary>
    /// Arms the watchdog: the first-chunk timeout until the first audio, then the between-chunks timeout while
    /// the context owes audio (completed, or a flush pending); a context still receiving text is not watched.
    /// </summary>
    private void ArmWatchdogLocked()
    {
        TimeSpan due = _firstChunkTimestamp == 0 && _state != TtsContextState.Created
            ? _firstChunkTimeout
            : _state == TtsContextState.Completing || _pendingFlushes > 0 ? _chunkTimeout : Timeout.InfiniteTimeSpan;
        _watchdog.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void OnWatchdog()
    {
        TtsSocketConnection? connection;
        TimeSpan timeout;
        CartesiaTimeoutPhase phase;
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }

            connection = _connection;
            phase = _firstChunkTimestamp == 0 ? CartesiaTimeoutPhase.FirstChunk : CartesiaTimeoutPhase.BetweenChunks;
            timeout = phase == CartesiaTimeoutPhase.FirstChunk ? _firstChunkTimeout : _chunkTimeout;
            string what = phase == CartesiaTimeoutPhase.FirstChunk ? "its first audio" : "more audio";
            var expired = new CartesiaTimeoutException($"Context '{ContextId}' waited {timeout.TotalSeconds:0.###} s for {what} after {_audioBytes} bytes; it was cancelled.")
            {
                Phase = phase,
                Timeout = timeout,
            };
            SendCancelLocked();
            EndLocked(TtsContextState.Failed, expired);
        }

        // Nothing at all arrived on the socket for as long: it is dead, not just this context. Recycle it so the
        // other contexts fail fast and the next one reconnects.
        if (connection is { IsClosed: false } && connection.SinceLastFrame >= timeout)
        {
            connection.Recycle($"no frame for {connection.SinceLastFrame.TotalSeconds:0.#} s ({phase} watchdog of context {ContextId})");
        }
    }

    /// <summary>Starts the context's span (without making it the caller's current activity) and its audio metrics.</summary>
    private void StartTelemetryLocked()
    {
        _audioTelemetry = new AudioStreamTelemetry("tts.context", Options.OutputFormat, Options.ModelId.Value, _firstSendTimestamp);
        _activity = Telemetry.StartDetachedOperation("tts.context");
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag("cartesia.context_id", ContextId);
            _activity.SetTag("cartesia.model", Options.ModelId.Value);
        }
    }

    private void EndTelemetryLocked(TtsContextState state, Exception? failure)
    {
        _audioTelemetry?.OnEnded(_audioBytes);
        if (failure is not null)
        {
            Telemetry.RecordError(_activity, "tts.context", failure);
        }

        if (_activity is { } activity)
        {
            activity.SetTag("cartesia.outcome", state.ToString().ToLowerInvariant());
            activity.SetTag("cartesia.audio_bytes", _audioBytes);
            if (_firstChunkTimestamp != 0)
            {
                activity.SetTag("cartesia.time_to_first_audio_ms", Stopwatch.GetElapsedTime(_firstSendTimestamp, _firstChunkTimestamp).TotalMilliseconds);
            }

            activity.Stop();
            activity.Dispose();
            _activity = null;
        }
    }

    private TimeSpan AudioDuration(long bytes)
    {
        int perSample = Options.OutputFormat.Encoding?.BytesPerSample ?? 0;
        return perSample == 0 || Options.OutputFormat.SampleRate <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)bytes / (perSample * Options.OutputFormat.SampleRate));
    }

    private static bool IsTerminal(TtsContextState state) => state is TtsContextState.Done or TtsContextState.Cancelled or TtsContextState.Failed;
}
