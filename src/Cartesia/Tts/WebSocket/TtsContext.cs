using System.Runtime.ExceptionServices;
using Cartesia.Audio;
using Cartesia.Core;
using Cartesia.Core.Audio;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.WebSockets;
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
// How it is built: this class is the façade. It owns the context's life (its state, the one failure that ended
// it, Completion, the binding to a socket) and wires four parts, each owning its own state:
//   TtsContextInput     sending: text sent, the grapheme held back for the next piece, flushes awaiting flush_done;
//   TtsContextDelivery  reading: the queue to the single reader, the burst hand-off, overflow accounting, pooled audio;
//   TtsContextWatchdog  the first-chunk and between-chunks timer (on the client's TimeProvider);
//   TtsContextProgress  timing and metrics: time to first audio, chunks and bytes, word timestamps, telemetry.
// Events come in through OnEvent/PublishHeld (the receive loop), text goes out through SendAsync/FlushAsync/
// CompleteAsync, and every ending goes through EndLocked, which ends each part once. This file holds the public
// surface and the sending path; TtsContext.Events.cs what the receive loop and the watchdog tell the context and
// how it ends.
//
// Lock discipline (the only statement of it): one lock, _gate, created here and shared with the parts (Delivery
// gets it to lock its reader-side pull). It guards _state, _failure, _connection/_binding and all the parts' state;
// a member named ...Locked and every member of Input, Progress and Watchdog is called with it held. The only state
// touched without it is the reader's (Delivery's Interlocked byte count, reader-written take time and volatile
// discard flag; see its remarks). Nothing that can run user code runs under it: inline delivery writes to the
// reader after the lock is released, completions run asynchronously, and the watchdog calls back from a timer.
public sealed partial class TtsContext : IAsyncDisposable
{
    private readonly TtsWebSocket _owner;
    private readonly TtsContextMessages _messages;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly TtsContextInput _input = new();
    private readonly TtsContextDelivery _delivery;
    private readonly TtsContextWatchdog _watchdog;
    private readonly TtsContextProgress _progress;
    private readonly TaskCompletionSource _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _disposal; // made by the first DisposeAsync (most contexts are never disposed)
    private int _disposeStarted;
    private TtsSocketConnection? _connection;
    private Task<TtsSocketConnection>? _binding;
    private TtsContextState _state = TtsContextState.Created;
    private Exception? _failure;

    internal TtsContext(TtsWebSocket owner, string contextId, TtsContextOptions options, TtsContextMessages messages, TtsWebSocketOptions defaults, TimeProvider time, ILogger logger)
    {
        _owner = owner;
        ContextId = contextId;
        Options = options;
        _messages = messages;
        _logger = logger;
        _delivery = new TtsContextDelivery(this, _gate, time, defaults.MaxBufferedBytesPerContext, defaults.DeliverEventsInline);
        _watchdog = new TtsContextWatchdog(time, options.FirstChunkTimeout ?? defaults.FirstChunkTimeout, options.ChunkTimeout ?? defaults.ChunkTimeout, static s => ((TtsContext)s!).OnWatchdog(), this);
        _progress = new TtsContextProgress(time, contextId, options);
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
                return _progress.Metrics(_input.CharactersSent);
            }
        }
    }

    /// <summary>
    /// Sends text (<c>continue: true</c>). Pieces are concatenated verbatim, and no frame ends inside a
    /// user-perceived character: the last character of a piece is held back until the next piece (or the flush or
    /// completion) unless it is whitespace or punctuation, so an emoji with a skin tone (<c>👋🏽</c>), a ZWJ sequence
    /// (<c>👩‍💻</c>), a flag or a letter with combining marks split across LLM tokens reaches the service whole.
    /// </summary>
    /// <param name="text">The text; not empty (use <see cref="FlushAsync"/> or <see cref="CompleteAsync(CancellationToken)"/> to push out buffered text).</param>
    /// <param name="cancellationToken">Stops waiting for the send.</param>
    /// <exception cref="InvalidOperationException">The context was completed, cancelled or failed.</exception>
    public ValueTask SendAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("The text is empty; to generate what was sent so far use FlushAsync, and to finish use CompleteAsync.", nameof(text));
        }

        return SendCoreAsync(text, generationConfig: null, cancellationToken);
    }

    /// <summary>Sends a piece of text, with the serialized generation config of this input only, if any.</summary>
    private async ValueTask SendCoreAsync(string text, byte[]? generationConfig, CancellationToken cancellationToken)
    {
        TtsSocketConnection connection = await BindAsync(cancellationToken).ConfigureAwait(false);
        WebSocketSender.PendingSend pending;
        lock (_gate)
        {
            EnsureAcceptsInput("send text on");
            string piece = _input.TakeWholeGraphemes(text);
            if (piece.Length == 0)
            {
                // All of it is held for the next piece; the context has begun all the same.
                OnSent(piece);
                return;
            }

            // Reserved under the lock (the order of this context's messages), sent after it (see Reserve).
            pending = connection.Reserve(_messages.Input(piece, @continue: true, flush: false, generationConfig));
            OnSent(piece);
        }

        await AwaitSendAsync(pending.Start(), cancellationToken).ConfigureAwait(false);
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
        WebSocketSender.PendingSend pending;
        TaskCompletionSource<int> waiter;
        lock (_gate)
        {
            EnsureAcceptsInput("flush");
            if (_state == TtsContextState.Created)
            {
                throw new InvalidOperationException($"Nothing was sent on context '{ContextId}' yet, so there is nothing to flush.");
            }

            waiter = _input.AddFlush();
            pending = connection.Reserve(_messages.Input(_input.ReleaseHeldTail(), @continue: true, flush: true));
            ArmWatchdogLocked();
        }

        await AwaitSendAsync(pending.Start(), cancellationToken).ConfigureAwait(false);
        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the last input (<c>transcript: ""</c>, <c>continue: false</c>): the service generates the rest and
    /// ends with <c>done</c>. Returns once sent; read the events (or await <see cref="Completion"/>) for the audio.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the send.</param>
    /// <exception cref="InvalidOperationException">Nothing was sent yet, or the context was already completed, cancelled or failed.</exception>
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => CompleteCoreAsync(text: null, cancellationToken);

    /// <summary>
    /// Sends the last text and completes the context in one message (<c>transcript</c> with <c>continue: false</c>):
    /// what <see cref="SendAsync(string, CancellationToken)"/> then <see cref="CompleteAsync(CancellationToken)"/> do,
    /// with one message on the socket instead of two — for text spoken in one go, or the last piece of a stream.
    /// Text held back from an earlier piece (an unfinished character) goes out with it. Returns once sent.
    /// </summary>
    /// <param name="text">The last text; not empty (to complete with no more text use <see cref="CompleteAsync(CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Stops waiting for the send.</param>
    /// <exception cref="InvalidOperationException">The context was already completed, cancelled or failed.</exception>
    public ValueTask CompleteAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("The text is empty; to complete the context without more text use CompleteAsync() with no text.", nameof(text));
        }

        return CompleteCoreAsync(text, cancellationToken);
    }

    /// <summary>Sends the last input: what is held back, then <paramref name="text"/> (null for none), with <c>continue: false</c>.</summary>
    private async ValueTask CompleteCoreAsync(string? text, CancellationToken cancellationToken)
    {
        TtsSocketConnection connection = await BindAsync(cancellationToken).ConfigureAwait(false);
        WebSocketSender.PendingSend pending;
        lock (_gate)
        {
            EnsureAcceptsInput("complete");
            if (text is null && _state == TtsContextState.Created)
            {
                throw new InvalidOperationException($"Nothing was sent on context '{ContextId}'; send text before completing it.");
            }

            pending = connection.Reserve(_messages.Input(_input.ReleaseHeldTail() + text, @continue: false, flush: false));
            if (text is not null)
            {
                OnSent(text);
            }

            _state = TtsContextState.Completing;
            ArmWatchdogLocked();
        }

        await AwaitSendAsync(pending.Start(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels the context: the service is told to stop (when anything was sent), reading stops at once with
    /// <see cref="OperationCanceledException"/>, and audio that still arrives for it is discarded. Does nothing on
    /// a context that already ended.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the cancel request to be sent.</param>
    public async ValueTask CancelAsync(CancellationToken cancellationToken = default)
    {
        WebSocketSender.PendingSend? pending = null;
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
                    pending = connection.Reserve(_messages.Cancel());
                }
                catch (CartesiaWebSocketException)
                {
                    // The socket is gone: the service has nothing left to cancel.
                }
            }

            EndLocked(TtsContextState.Cancelled, null);
        }

        Task? sent = pending?.Start();
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
        => _delivery.Read(pooledAudio: false, cancellationToken);

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
        => _delivery.Read(pooledAudio: true, cancellationToken);

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
            return _progress.SpokenText(_input.SentText, played);
        }
    }

    /// <summary>The same as <see cref="GetSpokenText(TimeSpan)"/>, from how many bytes of the context's audio were played.</summary>
    /// <param name="playedBytes">How many audio bytes were played.</param>
    public TtsSpokenText GetSpokenTextForBytes(long playedBytes) => GetSpokenText(_progress.AudioDuration(playedBytes));

    /// <summary>
    /// Cancels the context if it is still running (sending a cancel only if anything was sent). Every call (also
    /// concurrent ones) returns only once that is done.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        TaskCompletionSource disposal = LazyInitializer.EnsureInitialized(ref _disposal, static () => new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            await disposal.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            await CancelAsync(CancellationToken.None).ConfigureAwait(false);
            await _watchdog.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            disposal.TrySetResult();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"TtsContext({ContextId}, {State})";

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
            if (_connection is { } boundNow)
            {
                // Bound at once (the socket was open): the binding is done, and need not live as long as the context.
                _binding = null;
                return boundNow;
            }
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
                _binding = null; // bound: later sends take the connection
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
            _progress.OnFirstSend();
        }

        _input.OnSent(piece);
        ArmWatchdogLocked();
    }

    private static bool IsTerminal(TtsContextState state) => state is TtsContextState.Done or TtsContextState.Cancelled or TtsContextState.Failed;
}
