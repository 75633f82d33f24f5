using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Tts;

/// <summary>
/// The emulator's side of one TTS WebSocket (PROTOCOL.md §11): generation requests open or continue contexts,
/// cancel requests stop them, events of many contexts interleave, a context limit per connection, the idle close
/// (1000, "connection idle timeout"), and the connection-wide faults chosen at the handshake.
/// </summary>
internal sealed class EmulatorTtsConnection
{
    private const int CancelledAudioChunks = 3;
    private readonly EmulatorWebSocket _socket;
    private readonly CartesiaEmulator _emulator;
    private readonly ApiContext _api;
    private readonly EmulatorFault? _fault;
    private readonly object _gate = new();
    private readonly Dictionary<string, EmulatorTtsContext> _contexts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly List<EmulatorTtsContext> _all = [];
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _chunksSent;
    private bool _faultEventsSent;
    private bool _silent;
    private bool _dropping;

    public EmulatorTtsConnection(EmulatorWebSocket socket, CartesiaEmulator emulator, ApiContext api)
    {
        _socket = socket;
        _emulator = emulator;
        _api = api;
        _fault = api.Fault;
    }

    public EmulatorPacing Pacing => _emulator.Pacing;

    public async Task RunAsync()
    {
        using var stop = new CancellationTokenSource();
        Task idleWatch = WatchIdlenessAsync(stop.Token);
        try
        {
            while (await _socket.ReceiveAsync(_socket.Aborted).ConfigureAwait(false) is { } message)
            {
                Touch();
                if (message.Type == WebSocketMessageType.Text)
                {
                    await HandleAsync(message.Data).ConfigureAwait(false);
                }
            }

            if (_fault?.IgnoreClose == true && !_socket.Aborted.IsCancellationRequested)
            {
                // A hung server: the client's close is never answered; wait until the client gives up.
                await Task.Delay(Timeout.InfiniteTimeSpan, _socket.Aborted).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (EmulatorTtsContext context in Snapshot())
            {
                context.Cancel();
            }

            await idleWatch.ConfigureAwait(false);
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
            foreach (EmulatorTtsContext context in _all)
            {
                await context.Completion.ConfigureAwait(false);
                context.Dispose();
            }
        }
    }

    /// <summary>Sends an event frame unless the connection was silenced or closed.</summary>
    public async Task<bool> SendAsync(byte[] frame)
    {
        if (Volatile.Read(ref _dropping))
        {
            return false;
        }

        if (Volatile.Read(ref _silent))
        {
            return true;
        }

        Touch();
        return await _socket.SendTextAsync(frame).ConfigureAwait(false);
    }

    /// <summary>Sends an audio chunk, applying the connection's faults around it.</summary>
    public async Task<bool> SendChunkAsync(EmulatorTtsContext context, byte[] frame)
    {
        if (Volatile.Read(ref _dropping))
        {
            return false;
        }

        int sent = Interlocked.Increment(ref _chunksSent) - 1;
        if (_fault?.DropAfterChunks == sent)
        {
            // Nothing else goes out from here on, whichever context tries.
            Volatile.Write(ref _dropping, true);
            await _socket.DropAsync(_fault.DropCloseStatus).ConfigureAwait(false);
            return false;
        }

        if (_fault?.SilenceAfterChunks == sent)
        {
            Volatile.Write(ref _silent, true);
        }

        if (_fault?.ErrorEventAfterChunks == sent)
        {
            var error = new ApiError(_fault.ErrorEventStatus, _fault.ErrorCode ?? "internal_error", _fault.Title ?? "Generation failed", _fault.Message ?? "The emulator failed this context on request.");
            await SendAsync(TtsEventWriter.Error(error, _api.Version, _api.RequestId, context.ContextId)).ConfigureAwait(false);
            return false;
        }

        if (!await SendAsync(frame).ConfigureAwait(false))
        {
            return false;
        }

        bool faultEvents = false;
        lock (_gate)
        {
            if (!_faultEventsSent)
            {
                _faultEventsSent = faultEvents = true;
            }
        }

        if (faultEvents && _fault?.UnknownEvent == true)
        {
            await SendAsync(TtsEventWriter.Unknown(context.ContextId)).ConfigureAwait(false);
        }

        if (faultEvents && _fault?.MalformedEvent == true)
        {
            await SendAsync(System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"chunk\",\"context_id\":\"{context.ContextId}\",\"data\":\"AAAA")).ConfigureAwait(false);
        }

        return true;
    }

    public void OnContextEnded(EmulatorTtsContext context)
    {
        lock (_gate)
        {
            if (_contexts.Remove(context.ContextId))
            {
                _finished.Add(context.ContextId);
            }
        }

        Touch();
    }

    private async Task HandleAsync(byte[] data)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(data);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await SendErrorAsync(null, ApiError.Invalid($"The message is not valid JSON: {ex.Message}")).ConfigureAwait(false);
            return;
        }

        if (JsonStrings.Problem(root) is { } problem)
        {
            await SendErrorAsync(null, ApiError.Invalid($"The message is not valid JSON: {problem}.")).ConfigureAwait(false);
            return;
        }

        string? contextId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("context_id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (string.IsNullOrEmpty(contextId))
        {
            await SendErrorAsync(null, ApiError.Invalid("'context_id' is required on the TTS WebSocket.")).ConfigureAwait(false);
            return;
        }

        EmulatorTtsContext? existing;
        lock (_gate)
        {
            _contexts.TryGetValue(contextId, out existing);
        }

        if (root.TryGetProperty("cancel", out JsonElement cancel) && cancel.ValueKind == JsonValueKind.True)
        {
            if (existing is not null)
            {
                existing.Cancel();
                if (_fault?.AudioAfterCancel == true)
                {
                    await SendLateAudioAsync(existing).ConfigureAwait(false);
                }
            }

            return;
        }

        TtsJob job;
        int maxBufferDelay;
        try
        {
            job = TtsRequestReader.Read(root, _api.Version!, _emulator.State, TtsTransport.WebSocket);
            maxBufferDelay = root.TryGetProperty("max_buffer_delay_ms", out JsonElement delay) && delay.ValueKind == JsonValueKind.Number ? delay.GetInt32() : 3000;
            if (maxBufferDelay is < 0 or > 5000)
            {
                throw ApiError.Invalid("max_buffer_delay_ms must be between 0 and 5000.");
            }

            if (existing is not null && (existing.Settings.ModelId != job.ModelId || existing.Settings.VoiceId != job.VoiceId || existing.Settings.Output != job.Output))
            {
                existing.Cancel();
                throw ApiError.Invalid("Every input of a context must repeat its settings unchanged (model, voice, output format); start a new context to change them.");
            }
        }
        catch (ApiError error)
        {
            await SendErrorAsync(contextId, error).ConfigureAwait(false);
            return;
        }

        var input = new TtsInput(job.Transcript, Bool(root, "continue"), Bool(root, "flush"));
        if (existing is null)
        {
            EmulatorTtsContext? context = null;
            ApiError? refused = null;
            lock (_gate)
            {
                if (_finished.Contains(contextId))
                {
                    refused = ApiError.Invalid($"Context '{contextId}' has already finished; use a new context_id.");
                }
                else if (_emulator.Options.TtsMaxConcurrentContexts is { } limit && _contexts.Count >= limit)
                {
                    _finished.Add(contextId);
                    refused = new ApiError(429, "concurrency_limited", "Too many concurrent requests", $"This connection already has {limit} contexts generating; the limit of your plan was reached.");
                }
                else
                {
                    context = new EmulatorTtsContext(this, contextId, job, maxBufferDelay);
                    _contexts.Add(contextId, context);
                    _all.Add(context);
                }
            }

            if (context is null)
            {
                await SendErrorAsync(contextId, refused!).ConfigureAwait(false);
                return;
            }

            context.Enqueue(input);
            context.Start();
            return;
        }

        existing.Enqueue(input);
    }

    private async Task SendLateAudioAsync(EmulatorTtsContext context)
    {
        byte[] silence = new byte[Math.Max(2, context.Settings.Output.BytesPerSecond / 10)];
        for (int i = 0; i < CancelledAudioChunks; i++)
        {
            await SendAsync(TtsEventWriter.Chunk(silence, context.ContextId, 1)).ConfigureAwait(false);
        }
    }

    private Task<bool> SendErrorAsync(string? contextId, ApiError error)
        => SendAsync(TtsEventWriter.Error(error, _api.Version, _api.RequestId, contextId));

    private async Task WatchIdlenessAsync(CancellationToken cancellationToken)
    {
        TimeSpan idle = _emulator.Options.TtsWebSocketIdleTimeout;
        try
        {
            while (true)
            {
                TimeSpan since = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));
                bool generating;
                lock (_gate)
                {
                    generating = _contexts.Count > 0;
                }

                if (since >= idle && !generating)
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "connection idle timeout").ConfigureAwait(false);
                    return;
                }

                await Task.Delay(since >= idle ? idle : idle - since, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());

    private EmulatorTtsContext[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _contexts.Values];
        }
    }

    private static bool Bool(JsonElement root, string name) => root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;
}
