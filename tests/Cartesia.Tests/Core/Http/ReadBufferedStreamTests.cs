using Cartesia.Core.Http;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Core.Http;

public class ReadBufferedStreamTests
{
    private static readonly byte[] Data = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task Small_reads_are_served_from_one_read_of_the_connection()
    {
        var inner = new CountingStream(Data);
        using var stream = new ReadBufferedStream(inner);
        var received = new List<byte>();
        byte[] piece = new byte[100];
        int n;
        while ((n = await stream.ReadAsync(piece)) > 0)
        {
            received.AddRange(piece.AsSpan(0, n).ToArray());
        }

        Assert.Equal(Data, received);
        Assert.Equal(2, inner.Reads); // all 10,000 bytes, then the end of the stream
    }

    [Fact]
    public void Synchronous_reads_are_buffered_the_same_way()
    {
        var inner = new CountingStream(Data);
        using var stream = new ReadBufferedStream(inner);
        var received = new List<byte>();
        byte[] piece = new byte[333];
        int n;
        while ((n = stream.Read(piece, 0, piece.Length)) > 0)
        {
            received.AddRange(piece.AsSpan(0, n).ToArray());
        }

        Assert.Equal(Data, received);
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task A_read_as_large_as_the_buffer_goes_straight_to_the_connection()
    {
        var inner = new CountingStream(Data);
        using var stream = new ReadBufferedStream(inner, bufferSize: 4096);
        byte[] large = new byte[8192];

        int n = await stream.ReadAsync(large);

        Assert.Equal(8192, n);
        Assert.Equal(Data[..8192], large);
        Assert.Equal([8192], inner.ReadSizes);
    }

    [Fact]
    public async Task A_zero_byte_read_returns_at_once_when_data_is_buffered_and_waits_on_the_connection_when_not()
    {
        var inner = new CountingStream(Data);
        using var stream = new ReadBufferedStream(inner);
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        Assert.Equal([0], inner.ReadSizes); // passed through: nothing was buffered

        byte[] one = new byte[1];
        Assert.Equal(1, await stream.ReadAsync(one));
        Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
        Assert.Equal(2, inner.Reads); // the zero-byte read with data buffered did not touch the connection
        Assert.Equal(1, await stream.ReadAsync(one));
        Assert.Equal(Data[1], one[0]);
    }

    [Fact]
    public async Task Writes_go_straight_to_the_connection()
    {
        var inner = new CountingStream([]);
        using var stream = new ReadBufferedStream(inner);

        await stream.WriteAsync(new byte[] { 1, 2, 3 });
        stream.Write([4, 5]);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, inner.Written.ToArray()); // no flush needed
    }

    [Fact]
    public void Only_a_connection_opened_for_a_websocket_is_read_through_the_buffer()
    {
        using var upgrade = new HttpRequestMessage(HttpMethod.Get, "wss://api.cartesia.ai/tts/websocket");
        upgrade.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        using var keyOnly = new HttpRequestMessage(HttpMethod.Get, "wss://api.cartesia.ai/stt/websocket");
        keyOnly.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        using var rest = new HttpRequestMessage(HttpMethod.Post, "https://api.cartesia.ai/tts/sse");

        Assert.True(ReadBufferedStream.IsWebSocketUpgrade(upgrade));
        Assert.True(ReadBufferedStream.IsWebSocketUpgrade(keyOnly));
        Assert.False(ReadBufferedStream.IsWebSocketUpgrade(rest));
    }

    [Fact]
    public async Task The_handler_the_client_makes_for_itself_serves_rest_and_websocket_calls()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using SocketsHttpHandler handler = CartesiaClient.CreateHttpHandler();
        Assert.NotNull(handler.ConnectCallback);
        using var http = new HttpClient(handler);
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { HttpClient = http });

        byte[] audio = (await client.Tts.GenerateBytesAsync(Requests.Bytes())).ToArray();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        await context.SendAsync("Hello there.");
        await context.CompleteAsync();
        List<TtsEvent> events = await Speech.ReadAllAsync(context);

        Assert.NotEmpty(audio);
        Assert.True(events.OfType<TtsChunkEvent>().Sum(c => c.Audio.Length) > 0);
        Assert.IsType<TtsDoneEvent>(events[^1]);
    }

    /// <summary>A stream over fixed data that records the reads asked of it and keeps what is written.</summary>
    private sealed class CountingStream(byte[] data) : Stream
    {
        private int _position;

        public int Reads => ReadSizes.Count;

        public List<int> ReadSizes { get; } = [];

        public MemoryStream Written { get; } = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            ReadSizes.Add(buffer.Length);
            int n = Math.Min(buffer.Length, data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => Written.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
