using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cartesia.Emulator;

namespace Cartesia.Tests.Emulator.Firehose;

/// <summary>
/// The firehose's own WebSocket framing (it reads the upgraded connection itself, so the protocol's corners are its
/// own to get right), spoken byte by byte over a real socket.
/// </summary>
public class FirehoseWebSocketTests
{
    private const string SttPath = "/stt/websocket?model=ink-2&encoding=pcm_s16le&sample_rate=16000";

    [Fact]
    public async Task The_key_is_answered_as_RFC_6455_says_and_a_command_split_across_frames_around_a_ping_is_answered()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        await using RawWebSocket socket = await RawWebSocket.ConnectAsync(emulator, SttPath);

        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", socket.AcceptHeader); // the RFC's own example key and answer
        await socket.SendAsync(0x1, "fin"u8, fin: false);
        await socket.SendAsync(0x9, "are you there"u8);
        await socket.SendAsync(0x0, "alize"u8);
        await socket.SendAsync(0x2, new byte[3200]);
        await socket.SendAsync(0x2, new byte[70_000]); // a 64-bit length
        await socket.SendAsync(0x1, "close"u8);

        Assert.Equal((0xA, "are you there"), await socket.ReadTextAsync());
        (int opcode, string flushed) = await socket.ReadTextAsync();
        Assert.Equal(0x1, opcode);
        Assert.Contains("\"flush_done\"", flushed, StringComparison.Ordinal);
        Assert.Contains("\"73200 bytes\"", (await socket.ReadTextAsync()).Text, StringComparison.Ordinal);
        Assert.Contains("\"done\"", (await socket.ReadTextAsync()).Text, StringComparison.Ordinal);
        Assert.Equal(1000, await socket.ReadCloseStatusAsync());
    }

    [Fact]
    public async Task A_message_over_the_limit_across_fragments_is_refused_with_1009()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Firehose = new EmulatorFirehose(),
            Limits = new EmulatorLimits { MaxWebSocketMessageBytes = 64 * 1024 },
        });
        await using RawWebSocket socket = await RawWebSocket.ConnectAsync(emulator, SttPath);

        await socket.SendAsync(0x2, new byte[40_000], fin: false);
        await socket.SendAsync(0x0, new byte[40_000]);

        Assert.Equal(1009, await socket.ReadCloseStatusAsync());
    }

    [Theory]
    [InlineData("unmasked")]
    [InlineData("reserved bit")]
    [InlineData("continuation first")]
    [InlineData("fragmented ping")]
    [InlineData("negative length")]
    public async Task A_frame_that_breaks_the_protocol_is_answered_with_1002(string fault)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        await using RawWebSocket socket = await RawWebSocket.ConnectAsync(emulator, "/tts/websocket");

        switch (fault)
        {
            case "unmasked": await socket.SendAsync(0x1, "{}"u8, masked: false); break;
            case "reserved bit": await socket.SendAsync(0x41, "{}"u8); break;
            case "continuation first": await socket.SendAsync(0x0, "{}"u8); break;
            case "fragmented ping": await socket.SendAsync(0x9, "ping"u8, fin: false); break;
            default: await socket.SendRawAsync([0x82, 0x80 | 127, 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4]); break; // length 2^63 + 1
        }

        Assert.Equal(1002, await socket.ReadCloseStatusAsync());
    }

    [Fact]
    public async Task A_clients_close_is_echoed_with_its_status()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        await using RawWebSocket socket = await RawWebSocket.ConnectAsync(emulator, "/tts/websocket");

        byte[] status = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(status, 1001);
        await socket.SendAsync(0x8, status);

        Assert.Equal(1001, await socket.ReadCloseStatusAsync());
    }

    [Fact]
    public async Task A_websocket_over_http2_is_served_too()
    {
        // HTTP/2 WebSockets (extended CONNECT) need TLS here: the emulator's plain endpoint speaks HTTP/1.1 to them.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose(), UseTls = true });
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", $"Bearer {emulator.ApiKey ?? "test-key"}");
        socket.Options.SetRequestHeader("Cartesia-Version", "2026-08-14");
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == emulator.TlsCertificate!.GetCertHashString();
        using var invoker = new HttpMessageInvoker(handler);
        await socket.ConnectAsync(new Uri(emulator.WebSocketBaseUri, SttPath), invoker, CancellationToken.None);

        await socket.SendAsync(new byte[3200], System.Net.WebSockets.WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        await socket.SendAsync("close"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        byte[] buffer = new byte[4096];
        System.Net.WebSockets.WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, socket.HttpStatusCode); // 200 is HTTP/2's answer to a WebSocket CONNECT; HTTP/1.1's is 101
        Assert.Contains("\"3200 bytes\"", Encoding.UTF8.GetString(buffer, 0, result.Count), StringComparison.Ordinal);
    }

    /// <summary>A WebSocket client written out by hand: masked frames of any shape, the server's frames read raw.</summary>
    private sealed class RawWebSocket : IAsyncDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60)); // a hang guard, not a timing check

        private RawWebSocket(TcpClient client, string acceptHeader)
        {
            _client = client;
            _stream = client.GetStream();
            AcceptHeader = acceptHeader;
        }

        public string AcceptHeader { get; }

        public static async Task<RawWebSocket> ConnectAsync(CartesiaEmulator emulator, string pathAndQuery)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, emulator.Port);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"GET {pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1:{emulator.Port}\r\nAuthorization: Bearer {emulator.ApiKey ?? "test-key"}\r\n"
                + "Cartesia-Version: 2026-08-14\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));

            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                int b = stream.ReadByte(); // byte by byte, so not one byte of the first frame is taken with the headers
                Assert.NotEqual(-1, b);
                head.Append((char)b);
            }

            string response = head.ToString();
            Assert.StartsWith("HTTP/1.1 101", response, StringComparison.Ordinal);
            string accept = response.Split("\r\n").Single(l => l.StartsWith("Sec-WebSocket-Accept:", StringComparison.OrdinalIgnoreCase));
            return new RawWebSocket(client, accept["Sec-WebSocket-Accept:".Length..].Trim());
        }

        /// <summary>Sends one frame: <paramref name="first"/> is the opcode with any reserved bits; FIN is added unless <paramref name="fin"/> is false.</summary>
        public Task SendAsync(int first, ReadOnlySpan<byte> payload, bool fin = true, bool masked = true)
        {
            var frame = new List<byte> { (byte)(first | (fin ? 0x80 : 0)) };
            byte maskBit = masked ? (byte)0x80 : (byte)0;
            if (payload.Length < 126)
            {
                frame.Add((byte)(maskBit | payload.Length));
            }
            else if (payload.Length <= ushort.MaxValue)
            {
                frame.Add((byte)(maskBit | 126));
                frame.Add((byte)(payload.Length >> 8));
                frame.Add((byte)payload.Length);
            }
            else
            {
                frame.Add((byte)(maskBit | 127));
                byte[] length = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(length, payload.Length);
                frame.AddRange(length);
            }

            byte[] key = [0x37, 0xFA, 0x21, 0x3D];
            if (masked)
            {
                frame.AddRange(key);
            }

            byte[] body = payload.ToArray();
            for (int i = 0; masked && i < body.Length; i++)
            {
                body[i] ^= key[i & 3];
            }

            frame.AddRange(body);
            return _stream.WriteAsync(frame.ToArray(), _timeout.Token).AsTask();
        }

        public Task SendRawAsync(byte[] bytes) => _stream.WriteAsync(bytes, _timeout.Token).AsTask();

        public async Task<(int Opcode, string Text)> ReadTextAsync()
        {
            (int opcode, byte[] payload) = await ReadFrameAsync();
            return (opcode, Encoding.UTF8.GetString(payload));
        }

        public async Task<int> ReadCloseStatusAsync()
        {
            (int opcode, byte[] payload) = await ReadFrameAsync();
            Assert.Equal(0x8, opcode);
            return BinaryPrimitives.ReadUInt16BigEndian(payload);
        }

        private async Task<(int Opcode, byte[] Payload)> ReadFrameAsync()
        {
            byte[] head = new byte[2];
            await _stream.ReadExactlyAsync(head, _timeout.Token);
            Assert.True((head[0] & 0x80) != 0, "the emulator sends whole messages");
            Assert.True((head[1] & 0x80) == 0, "a server's frames are not masked");
            long length = head[1] & 0x7F;
            if (length >= 126)
            {
                byte[] extended = new byte[length == 126 ? 2 : 8];
                await _stream.ReadExactlyAsync(extended, _timeout.Token);
                length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : BinaryPrimitives.ReadInt64BigEndian(extended);
            }

            byte[] payload = new byte[length];
            await _stream.ReadExactlyAsync(payload, _timeout.Token);
            return (head[0] & 0x0F, payload);
        }

        public ValueTask DisposeAsync()
        {
            _client.Dispose();
            _timeout.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
