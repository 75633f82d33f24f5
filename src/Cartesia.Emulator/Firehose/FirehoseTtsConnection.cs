using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Cartesia.Emulator.Firehose;

/// <summary>
/// A firehose TTS WebSocket: the first input of each context starts its stream of pre-built chunk frames, a cancel
/// stops it. One writer sends a frame of each running context in turn (round robin), as fast as the socket takes
/// them, or at <see cref="EmulatorFirehose.ChunksPerSecond"/> on the emulator's clock when paced; a context's
/// <c>done</c> follows its last chunk once its last input (<c>continue: false</c>) arrived, as on the service. Each chunk's <c>step_time</c> carries the
/// emulator's monotonic clock in microseconds when it was sent (see <see cref="FirehoseFrames.Stamp"/>).
/// </summary>
internal sealed class FirehoseTtsConnection
{
    private readonly FirehoseWebSocket _socket;
    private readonly FirehoseFrames _frames;
    private readonly CancellationToken _aborted;
    private readonly TimeProvider _clock;
    private readonly Channel<Stream> _started = Channel.CreateUnbounded<Stream>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Dictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly HashSet<string> _parked = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public FirehoseTtsConnection(FirehoseWebSocket socket, FirehoseFrames frames, TimeProvider clock, CancellationToken aborted)
    {
        _socket = socket;
        _clock = clock;
        _frames = frames;
        _aborted = aborted;
    }

    public async Task RunAsync()
    {
        Task writer = WriteLoopAsync();
        try
        {
            while (true)
            {
                WebSocketMessageType type = await _socket.ReadAsync(_aborted).ConfigureAwait(false);
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                if (type == WebSocketMessageType.Text)
                {
                    OnInput(_socket.Message);
                }
            }
        }
        catch (Exception ex) when (FirehoseWebSocket.IsGone(ex))
        {
        }
        finally
        {
            _started.Writer.TryComplete();
            await writer.ConfigureAwait(false);
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false); // nothing when a close went already
        }
    }

    private void OnInput(ReadOnlySpan<byte> json)
    {
        string? contextId = null;
        bool cancel = false;
        bool @continue = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("context_id"u8))
                {
                    reader.Read();
                    contextId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("continue"u8))
                {
                    reader.Read();
                    @continue = reader.TokenType == JsonTokenType.True;
                }
                else if (reader.ValueTextEquals("cancel"u8))
                {
                    reader.Read();
                    cancel = reader.TokenType == JsonTokenType.True;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return; // not JSON, or a context id that is not valid UTF-8: ignored, as every malformed input here
        }

        if (string.IsNullOrEmpty(contextId))
        {
            return;
        }

        Stream? start = null;
        lock (_gate)
        {
            if (_streams.TryGetValue(contextId, out Stream? stream))
            {
                if (cancel)
                {
                    stream.Cancelled = true;
                    _parked.Remove(contextId);
                }
                else if (!@continue && !stream.InputEnded)
                {
                    stream.InputEnded = true;
                    if (_parked.Remove(contextId))
                    {
                        start = stream; // its chunks are all out: only the done is left
                    }
                }
            }
            else if (!cancel)
            {
                start = _streams[contextId] = new Stream(contextId, _frames.Chunk(contextId), _frames.Settings.ChunksPerContext) { InputEnded = !@continue };
            }
        }

        if (start is not null)
        {
            _started.Writer.TryWrite(start);
        }
    }

    private async Task WriteLoopAsync()
    {
        var running = new List<Stream>();
        ChannelReader<Stream> started = _started.Reader;
        int? pace = _frames.Settings.ChunksPerSecond;
        long pacedSince = 0; // when the current spell of sending began (paced only; 0 while nothing runs)
        long pacedSent = 0; // chunks sent since then
        try
        {
            while (true)
            {
                while (started.TryRead(out Stream? stream))
                {
                    running.Add(stream);
                }

                if (running.Count == 0)
                {
                    pacedSince = 0; // an idle spell earns no credit: the pace restarts with the next context
                    if (!await started.WaitToReadAsync(_aborted).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                for (int i = 0; i < running.Count; i++)
                {
                    Stream stream = running[i];
                    bool cancelled = Volatile.Read(ref stream.Cancelled);
                    if (stream.Remaining > 0 && !cancelled)
                    {
                        if (pace is int rate)
                        {
                            if (pacedSince == 0)
                            {
                                pacedSince = _clock.GetTimestamp();
                                pacedSent = 0;
                            }

                            // Chunk n (from 0) is due n / rate seconds into the spell.
                            TimeSpan dueIn = TimeSpan.FromSeconds((double)pacedSent / rate) - _clock.GetElapsedTime(pacedSince);
                            if (dueIn > TimeSpan.Zero)
                            {
                                await Task.Delay(dueIn, _clock, _aborted).ConfigureAwait(false);
                            }

                            pacedSent++;
                        }

                        stream.Remaining--;
                        FirehoseFrames.Stamp(stream.Frame, stream.StampAt);
                        await _socket.SendAsync(stream.Frame, _aborted).ConfigureAwait(false);
                        continue;
                    }

                    bool park;
                    lock (_gate)
                    {
                        park = !cancelled && !stream.InputEnded && _parked.Add(stream.ContextId);
                    }

                    if (!park && !cancelled)
                    {
                        await _socket.SendAsync(FirehoseWebSocket.TextFrame(FirehoseFrames.Done(stream.ContextId)), _aborted).ConfigureAwait(false);
                    }

                    running[i] = running[^1];
                    running.RemoveAt(running.Count - 1);
                    i--;
                }
            }
        }
        catch (Exception ex) when (FirehoseWebSocket.IsGone(ex))
        {
        }
    }

    private sealed class Stream(string contextId, byte[] chunk, int remaining)
    {
        public string ContextId { get; } = contextId;

        /// <summary>The whole WebSocket frame of the context's chunk.</summary>
        public byte[] Frame { get; } = FirehoseWebSocket.TextFrame(chunk);

        /// <summary>Where in <see cref="Frame"/> the <c>step_time</c> digits start.</summary>
        public int StampAt { get; } = FirehoseWebSocket.HeaderLength(chunk.Length) + FirehoseFrames.StampOffset;

        public int Remaining { get; set; } = remaining;

        /// <summary>Whether the last input (<c>continue: false</c>) arrived; guarded by the connection's gate.</summary>
        public bool InputEnded { get; set; }

        /// <summary>Whether a cancel arrived.</summary>
        public bool Cancelled;
    }
}
