using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Core.WebSockets;
using Cartesia.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cartesia.Tts;

/// <summary>
/// One physical TTS WebSocket: a single receive loop that routes every event by <c>context_id</c> to its
/// context (never blocking on a slow one), the single writer, and the end of the socket, which fails every
/// context still running on it — never a silent, normal-looking end.
/// </summary>
internal sealed class TtsSocketConnection
{
    private const int RetiredIdsKept = 4096;

    private readonly ClientWebSocket _socket;
    private readonly TimeProvider _time; // the client's clock, for frame times, the hold limit and the close timeouts

    // How long events may be held for a burst while frames keep arriving (they are handed over at once as soon as
    // the socket has nothing more ready): long enough for many frames per reader wake-up, far below audible.
    private readonly long _maxHoldTicks;
    private readonly WebSocketSender _sender;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TtsContext> _contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TtsContext>.AlternateLookup<ReadOnlySpan<char>> _contextsByChars;
    private readonly TtsEventParser.ContextIdLookup _knownContextIds;
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);
    private readonly Queue<string> _retiredOrder = new();
    private readonly Task _receiveLoop;
    private long _lastFrameTimestamp;
    private int _closed;

    // The context the parser found for the frame being dispatched (receive loop only).
    private TtsContext? _resolved;

    // Contexts holding events not yet handed to their readers, and since when (receive loop only).
    private readonly List<TtsContext> _holding = [];
    private long _holdingSince;

    // Which burst the frames belong to: it changes whenever the socket had nothing more ready (receive loop only).
    private long _burst;

    private TtsSocketConnection(ClientWebSocket socket, ILogger logger, int generation, TimeProvider time)
    {
        _socket = socket;
        _time = time;
        _maxHoldTicks = time.TimestampFrequency / 1000;
        _lastFrameTimestamp = time.GetTimestamp();
        _logger = logger;
        Generation = generation;
        _sender = new WebSocketSender(socket);
        _contextsByChars = _contexts.GetAlternateLookup<ReadOnlySpan<char>>();
        _knownContextIds = LookupContextId;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Which socket of its <see cref="TtsWebSocket"/> this is (1 for the first, 2 after a reconnect, …).</summary>
    public int Generation { get; }

    /// <summary>Whether the socket has ended (closed, dropped, recycled).</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Whether the last close was the service's idle close (1000, "connection idle timeout").</summary>
    public bool ClosedForIdleness { get; private set; }

    /// <summary>How long since anything arrived on the socket.</summary>
    public TimeSpan SinceLastFrame => _time.GetElapsedTime(Interlocked.Read(ref _lastFrameTimestamp));

    /// <summary>Completes when the receive loop has ended.</summary>
    public Task Completion => _receiveLoop;

    public static async Task<TtsSocketConnection> OpenAsync(WebSocketConnector connector, ILogger logger, int generation, TimeProvider time, CancellationToken cancellationToken)
    {
        ClientWebSocket socket = await connector.ConnectAsync("/tts/websocket", "tts.websocket", cancellationToken).ConfigureAwait(false);
        return new TtsSocketConnection(socket, logger, generation, time);
    }

    /// <summary>Adds a context so its events are routed to it.</summary>
    /// <exception cref="ArgumentException">The id is in use (or was recently used) on this socket.</exception>
    public void Register(TtsContext context)
    {
        lock (_gate)
        {
            if (_contexts.ContainsKey(context.ContextId) || _retired.Contains(context.ContextId))
            {
                throw new ArgumentException($"Context id '{context.ContextId}' is already used on this connection; context ids must be unique.", nameof(context));
            }

            if (IsClosed)
            {
                throw new CartesiaWebSocketException("The TTS WebSocket closed before the context could start.");
            }

            _contexts.Add(context.ContextId, context);
        }
    }

    /// <summary>Stops routing to a finished context; its late events are dropped.</summary>
    public void Retire(string contextId)
    {
        lock (_gate)
        {
            if (_contexts.Remove(contextId) && _retired.Add(contextId))
            {
                _retiredOrder.Enqueue(contextId);
                if (_retiredOrder.Count > RetiredIdsKept)
                {
                    _retired.Remove(_retiredOrder.Dequeue());
                }
            }
        }
    }

    /// <summary>Queues a message; the returned task completes when it is on the wire.</summary>
    public Task Send(byte[] message) => _sender.Enqueue(message, WebSocketMessageType.Text);

    /// <summary>
    /// Takes a message's place in the order without sending it yet (see <see cref="WebSocketSender.Reserve"/>): a
    /// context reserves under its lock and starts the send after releasing it, so the receive loop never waits for
    /// that context's lock while a socket write runs under it.
    /// </summary>
    public WebSocketSender.PendingSend Reserve(byte[] message) => _sender.Reserve(message, WebSocketMessageType.Text);

    /// <summary>
    /// Ends the socket at once (a watchdog found it dead): every context on it fails, and the next context
    /// opens a new socket.
    /// </summary>
    public void Recycle(string reason)
    {
        Log.Recycling(_logger, Generation, reason);
        _socket.Abort();
    }

    /// <summary>Closes the socket normally, waiting at most <paramref name="timeout"/> for the service.</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        _sender.Complete();
        using var cts = new CancellationTokenSource(timeout, _time);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", cts.Token).ConfigureAwait(false);
            }

            await _receiveLoop.WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or TimeoutException)
        {
            // The service did not answer the close in time: drop the connection.
        }
        finally
        {
            _socket.Abort();
            _socket.Dispose();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        WebSocketCloseStatus? closeStatus = null;
        string? closeDescription = null;
        Exception? failure = null;
        using var reader = new WebSocketMessageReader(_socket);
        try
        {
            while (true)
            {
                ValueTask<WebSocketMessage> read = reader.ReadAsync(CancellationToken.None);
                if (_holding.Count > 0 && (!read.IsCompleted || _time.GetTimestamp() - _holdingSince >= _maxHoldTicks))
                {
                    // The burst is over (nothing more is ready), or it has lasted long enough: wake the readers.
                    PublishHeld();
                    if (read.IsCompleted)
                    {
                        // More is ready: the loop would read on and on while the readers it just woke wait in the
                        // thread pool's queue, and under load (1,000 contexts on one socket) chunks queued behind it
                        // for tens of milliseconds. It takes its turn after them instead (one hop per hand-off, at
                        // most one a millisecond); a reader that is slow does not hold it up, as each reader drains
                        // only what it was handed.
                        await Task.Yield();
                    }
                }

                if (!read.IsCompleted)
                {
                    _burst++;
                }

                WebSocketMessage message = await read.ConfigureAwait(false);
                Interlocked.Exchange(ref _lastFrameTimestamp, _time.GetTimestamp());
                if (message.IsClose)
                {
                    closeStatus = message.CloseStatus;
                    closeDescription = message.CloseDescription;
                    await AnswerCloseAsync().ConfigureAwait(false);
                    break;
                }

                if (message.Type != WebSocketMessageType.Text)
                {
                    Log.UnexpectedBinary(_logger, message.Data.Length);
                    continue;
                }

                Dispatch(message.Data.Span);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or CartesiaProtocolException)
        {
            failure = ex;
        }
        finally
        {
            PublishHeld();
            OnClosed(closeStatus, closeDescription, failure);
        }
    }

    private void PublishHeld()
    {
        foreach (TtsContext context in _holding)
        {
            context.PublishHeld(_burst);
        }

        _holding.Clear();
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        TtsEvent value;
        _resolved = null;
        try
        {
            // Audio goes into pooled arrays: a pooled reader borrows them, any other reader copies its chunk out as it
            // reads it, so what waits in the queues is never fresh garbage for the collector to promote.
            value = TtsEventParser.Parse(json, knownContextIds: _knownContextIds, rentAudio: true);
        }
        catch (JsonException ex)
        {
            OnMalformed(json, ex);
            return;
        }

        if (value.ContextId is not { } contextId)
        {
            (value as TtsChunkEvent)?.ReturnAudio();
            if (value is TtsErrorEvent error)
            {
                // An error for the whole connection: every context on it is affected.
                FailAll(TtsSseProtocol.ToException(error, 0));
            }
            else
            {
                Log.Unroutable(_logger, value.Type, "(none)");
            }

            return;
        }

        TtsContext? context = _resolved;
        bool retired = false;
        if (context is null || !ReferenceEquals(context.ContextId, contextId))
        {
            lock (_gate)
            {
                retired = !_contexts.TryGetValue(contextId, out context) && _retired.Contains(contextId);
            }
        }

        if (context is not null)
        {
            if (context.OnEvent(value, _burst))
            {
                if (_holding.Count == 0)
                {
                    _holdingSince = _time.GetTimestamp();
                }

                _holding.Add(context);
            }
        }
        else
        {
            (value as TtsChunkEvent)?.ReturnAudio();
            if (retired)
            {
                Log.LateEvent(_logger, value.Type, contextId);
            }
            else
            {
                Log.Unroutable(_logger, value.Type, contextId);
            }
        }
    }

    /// <summary>
    /// The parser's lookup: a running context's own id string for the UTF-8 id of a frame, so routing a chunk
    /// allocates no string and needs no second lookup.
    /// </summary>
    private string? LookupContextId(ReadOnlySpan<byte> utf8)
    {
        const int MaxChars = 256;
        if (utf8.Length > MaxChars)
        {
            return null;
        }

        Span<char> chars = stackalloc char[MaxChars];
        if (!Encoding.UTF8.TryGetChars(utf8, chars, out int length))
        {
            return null;
        }

        lock (_gate)
        {
            if (_contextsByChars.TryGetValue(chars[..length], out string? id, out TtsContext? context))
            {
                _resolved = context;
                return id;
            }
        }

        return null;
    }

    private void OnMalformed(ReadOnlySpan<byte> json, JsonException error)
    {
        string text = Encoding.UTF8.GetString(json[..Math.Min(json.Length, 1200)]);
        string excerpt = text.Length > 300 ? text[..300] + "…" : text;
        var exception = new CartesiaProtocolException($"The TTS WebSocket sent a frame that is not valid JSON: {error.Message}", error) { Payload = excerpt };
        if (FindContextId(text) is { } contextId)
        {
            TtsContext? context;
            lock (_gate)
            {
                _contexts.TryGetValue(contextId, out context);
            }

            if (context is not null)
            {
                context.Fail(exception);
                return;
            }
        }

        // A frame nobody can be sure is not theirs: failing loudly beats a silent gap in someone's audio.
        FailAll(exception);
    }

    private void FailAll(Exception exception)
    {
        foreach (TtsContext context in Snapshot())
        {
            context.Fail(exception);
        }
    }

    private void OnClosed(WebSocketCloseStatus? status, string? description, Exception? failure)
    {
        Volatile.Write(ref _closed, 1);
        _sender.Complete();
        ClosedForIdleness = status == WebSocketCloseStatus.NormalClosure
            && description?.Contains("idle", StringComparison.OrdinalIgnoreCase) == true;
        TtsContext[] cut = Snapshot();
        string statusText = status?.ToString() ?? "no close frame";
        string reason = description ?? failure?.Message ?? string.Empty;
        Log.Closed(_logger, Generation, statusText, reason, cut.Length);
        foreach (TtsContext context in cut)
        {
            context.OnConnectionLost(status, description, failure);
        }
    }

    private async Task AnswerCloseAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private TtsContext[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _contexts.Values];
        }
    }

    private static string? FindContextId(string json)
    {
        const string Key = "\"context_id\":\"";
        int start = json.IndexOf(Key, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Key.Length;
        int end = json.IndexOf('"', start);
        return end > start ? json[start..end] : null;
    }
}
