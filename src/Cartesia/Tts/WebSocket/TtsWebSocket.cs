using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cartesia.Core;
using Cartesia.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cartesia.Tts;

/// <summary>
/// A text-to-speech WebSocket (<c>/tts/websocket</c>) carrying many concurrent contexts: create one per process
/// (or per call) and a <see cref="TtsContext"/> per utterance. Open it with
/// <see cref="TtsClient.ConnectAsync(TtsWebSocketOptions?, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// The service closes idle sockets (1000, "connection idle timeout"); that is not an error: the next context
/// reconnects transparently, as it does after any socket that ended. A socket that drops fails only the contexts
/// it was carrying, each with a <see cref="CartesiaConnectionLostException"/> that says how much audio arrived.
/// Thread-safe.
/// </remarks>
public sealed class TtsWebSocket : IAsyncDisposable
{
    private readonly ClientCore _core;
    private readonly TtsWebSocketOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TtsContext> _contexts = new(StringComparer.Ordinal);
    private readonly TtsSettingsJson _settingsJson;
    private TtsSocketConnection? _connection;
    private int _connections;
    private int _disposed;
    private readonly TaskCompletionSource _disposal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TtsWebSocket(ClientCore core, TtsWebSocketOptions options)
    {
        _core = core;
        _options = options;
        _logger = core.Settings.LoggerFactory.CreateLogger(Log.WebSocketCategory);
        _settingsJson = new TtsSettingsJson(core.Json);
    }

    /// <summary>Whether a socket is open right now (false after an idle close until the next context reconnects).</summary>
    public bool IsConnected => Volatile.Read(ref _connection) is { IsClosed: false };

    /// <summary>How many sockets this connection has opened so far (more than 1 after reconnects).</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>The contexts created on this connection that have not ended.</summary>
    public int ActiveContexts => _contexts.Count;

    /// <summary>
    /// Creates a context (nothing is sent until its first text). Its id is the one in <paramref name="options"/>
    /// or a fresh one; it must not be in use on this connection.
    /// </summary>
    /// <param name="options">The context's generation settings, fixed for its life.</param>
    /// <exception cref="ArgumentException">The options are not valid, or the id is in use.</exception>
    public TtsContext CreateContext(TtsContextOptions options)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        TtsContextOptions snapshot = TtsContextValidator.Validate(options, nameof(options), _core.Settings.ApiVersion);
        string id = snapshot.ContextId ?? TtsContextIds.Next();
        _core.WarnIfSunset(snapshot.ModelId, snapshot.Language, snapshot.Locale);
        var context = new TtsContext(this, id, snapshot, new TtsContextMessages(id, snapshot, _core.Json, _settingsJson), _options, _core.Settings.TimeProvider, _logger);
        if (!_contexts.TryAdd(id, context))
        {
            throw new ArgumentException($"Context id '{id}' is already in use on this connection; context ids must be unique.", nameof(options));
        }

        return context;
    }

    /// <summary>
    /// Speaks one transcript on a new context and yields its events (audio chunks, timestamps, done), ending
    /// after <c>done</c> or with the context's exception. Leaving the loop early cancels the context.
    /// </summary>
    /// <param name="options">The context's generation settings.</param>
    /// <param name="transcript">What to say.</param>
    /// <param name="cancellationToken">Cancels the context.</param>
    public async IAsyncEnumerable<TtsEvent> GenerateAsync(TtsContextOptions options, string transcript, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transcript);
        TtsContext context = CreateContext(options);
        await using (context.ConfigureAwait(false))
        {
            await context.CompleteAsync(transcript, cancellationToken).ConfigureAwait(false);
            await foreach (TtsEvent value in context.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Speaks a stream of text (for example LLM tokens) on a new context, sending it as it comes while yielding
    /// audio events as they arrive. The first failure of either side ends the stream.
    /// </summary>
    /// <param name="options">The context's generation settings.</param>
    /// <param name="text">The pieces of text, concatenated verbatim.</param>
    /// <param name="cancellationToken">Cancels the context.</param>
    public async IAsyncEnumerable<TtsEvent> GenerateAsync(TtsContextOptions options, IAsyncEnumerable<string> text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        TtsContext context = CreateContext(options);
        await using (context.ConfigureAwait(false))
        {
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task sender = SendAllAsync(context, text, sending.Token);
            await foreach (TtsEvent value in context.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return value;
            }

            await sending.CancelAsync().ConfigureAwait(false);
            await sender.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the socket: running contexts are cancelled, the service gets a normal close, and the call returns
    /// within <see cref="TtsWebSocketOptions.CloseTimeout"/> even if the service never answers. Every call (also
    /// concurrent ones) returns only once the socket is closed.
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
            foreach (TtsContext context in _contexts.Values)
            {
                await context.CancelAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (Interlocked.Exchange(ref _connection, null) is { } connection)
            {
                await connection.CloseAsync(_options.CloseTimeout).ConfigureAwait(false);
            }

            _connectLock.Dispose();
        }
        finally
        {
            _disposal.TrySetResult();
        }
    }

    internal static async Task<TtsWebSocket> ConnectAsync(ClientCore core, TtsWebSocketOptions? options, CancellationToken cancellationToken)
    {
        var socket = new TtsWebSocket(core, (options ?? new TtsWebSocketOptions()).Validate());
        await socket.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        return socket;
    }

    /// <summary>Puts a context on the current socket, opening a new one when the last one ended.</summary>
    internal async ValueTask<TtsSocketConnection> BindAsync(TtsContext context, CancellationToken cancellationToken)
    {
        while (true)
        {
            TtsSocketConnection connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                connection.Register(context);
                return connection;
            }
            catch (CartesiaWebSocketException) when (connection.IsClosed)
            {
                // It closed between opening and registering (an idle close, say): take the next socket.
            }
        }
    }

    internal void OnContextEnded(TtsContext context) => _contexts.TryRemove(new KeyValuePair<string, TtsContext>(context.ContextId, context));

    private async ValueTask<TtsSocketConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _connection) is { IsClosed: false } open)
        {
            return open;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsClosed: false } current)
            {
                return current;
            }

            if (_connection is { } previous)
            {
                string reason = previous.ClosedForIdleness ? "idle close" : "socket ended";
                Log.Reconnecting(_logger, reason);
                Telemetry.Reconnects.Add(1, new KeyValuePair<string, object?>("cartesia.endpoint", "tts"), new KeyValuePair<string, object?>("cartesia.reason", reason));
            }

            int generation = Interlocked.Increment(ref _connections);
            TtsSocketConnection connection = await TtsSocketConnection.OpenAsync(_core.WebSockets, _logger, generation, _core.Settings.TimeProvider, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _connection, connection);
            return connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private static async Task SendAllAsync(TtsContext context, IAsyncEnumerable<string> text, CancellationToken cancellationToken)
    {
        try
        {
            await context.SendAsync(text, complete: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The reader stopped first: the context is being cancelled by its disposal.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The text source or the send failed: end the context with that failure, so the reader sees it.
            context.Fail(ex);
        }
    }
}
