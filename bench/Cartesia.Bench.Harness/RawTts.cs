using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Cartesia.Bench.Harness;

/// <summary>What the raw baseline read from one frame.</summary>
internal enum RawKind
{
    Other,
    Chunk,
    Done,
}

/// <summary>
/// The raw-limit baseline: a bare <see cref="ClientWebSocket"/>, whole messages read into one reused buffer, the JSON
/// scanned with <see cref="Utf8JsonReader"/> and the audio base64-decoded into a reused buffer — no SDK, no
/// allocation per frame. With <c>discard</c> it only counts frames (no JSON, no decode): the server's ceiling.
/// </summary>
internal sealed class RawTtsSocket : IAsyncDisposable
{
    private static readonly byte[] DonePrefix = "{\"type\":\"done\""u8.ToArray();
    private readonly ClientWebSocket _socket;
    private byte[] _buffer = new byte[64 * 1024];
    private byte[] _audio = new byte[64 * 1024];
    private char[] _idChars = new char[128];

    private RawTtsSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>The last frame's context id (valid until the next read).</summary>
    public ReadOnlySpan<char> ContextId => _idChars.AsSpan(0, ContextIdLength);

    public int ContextIdLength { get; private set; }

    /// <summary>The last chunk's audio (valid until the next read).</summary>
    public ReadOnlySpan<byte> Audio => _audio.AsSpan(0, AudioLength);

    public int AudioLength { get; private set; }

    public double StepTime { get; private set; }

    public static async Task<RawTtsSocket> ConnectAsync(BenchSettings settings, HttpMessageInvoker invoker)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + BenchSettings.ApiKey);
        socket.Options.SetRequestHeader("Cartesia-Version", BenchSettings.ApiVersion);
        await socket.ConnectAsync(new Uri(settings.WebSocketBaseUri, "tts/websocket"), invoker, CancellationToken.None).ConfigureAwait(false);
        return new RawTtsSocket(socket);
    }

    /// <summary>A generation request, written the way a minimal client would.</summary>
    public Task SendAsync(string contextId, string transcript, bool @continue)
    {
        byte[] json = Encoding.UTF8.GetBytes(
            $"{{\"model_id\":\"sonic-3\",\"transcript\":\"{transcript}\",\"voice\":{{\"mode\":\"id\",\"id\":\"{BenchSettings.Voice}\"}},\"output_format\":{{\"container\":\"raw\",\"encoding\":\"pcm_s16le\",\"sample_rate\":24000}},\"context_id\":\"{contextId}\",\"continue\":{(@continue ? "true" : "false")}}}");
        return _socket.SendAsync(json, WebSocketMessageType.Text, true, CancellationToken.None);
    }

    /// <summary>Reads one whole message into the reused buffer; returns its length (-1 on close).</summary>
    public async ValueTask<int> ReadMessageAsync()
    {
        int count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(_buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return count;
            }
        }
    }

    /// <summary>Discard mode: reads a frame and tells only whether it is a done frame (a prefix check).</summary>
    public async ValueTask<RawKind> DiscardAsync()
    {
        int length = await ReadMessageAsync().ConfigureAwait(false);
        if (length < 0)
        {
            throw new BenchCheckException("The socket closed.");
        }

        return _buffer.AsSpan(0, length).StartsWith(DonePrefix) ? RawKind.Done : RawKind.Chunk;
    }

    /// <summary>Reads a frame, parses it and decodes its audio.</summary>
    public async ValueTask<RawKind> ReadAsync()
    {
        int length = await ReadMessageAsync().ConfigureAwait(false);
        if (length < 0)
        {
            throw new BenchCheckException("The socket closed.");
        }

        return Parse(_buffer.AsSpan(0, length));
    }

    private RawKind Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        RawKind kind = RawKind.Other;
        AudioLength = 0;
        ContextIdLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                kind = reader.ValueTextEquals("chunk"u8) ? RawKind.Chunk : reader.ValueTextEquals("done"u8) ? RawKind.Done : RawKind.Other;
            }
            else if (reader.ValueTextEquals("context_id"u8))
            {
                reader.Read();
                ReadOnlySpan<byte> id = reader.ValueSpan;
                if (_idChars.Length < id.Length)
                {
                    _idChars = new char[id.Length * 2];
                }

                ContextIdLength = Encoding.UTF8.GetChars(id, _idChars);
            }
            else if (reader.ValueTextEquals("step_time"u8))
            {
                reader.Read();
                StepTime = reader.GetDouble();
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                ReadOnlySpan<byte> base64 = reader.ValueSpan;
                int max = Base64.GetMaxDecodedFromUtf8Length(base64.Length);
                if (_audio.Length < max)
                {
                    _audio = new byte[max];
                }

                if (Base64.DecodeFromUtf8(base64, _audio, out _, out int written) != OperationStatus.Done)
                {
                    throw new BenchCheckException("Bad base64.");
                }

                AudioLength = written;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return kind;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bench", cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
    }
}
