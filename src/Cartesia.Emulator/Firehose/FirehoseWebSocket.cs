using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Cartesia.Emulator.Firehose;

/// <summary>
/// The server end of a WebSocket (RFC 6455) for the firehose, read and written on the upgraded connection itself:
/// a binary message is counted and skipped without being copied or unmasked, a text message is read whole into one
/// reused buffer, and frames go out pre-built in one write each. The firehose exists to cost the server as little as
/// possible, so that a benchmark measures the client; the general <see cref="WebSocket"/> receives one message per
/// call and unmasks every byte, which made the emulator, not the client, the limit of a speech-to-text send.
/// Pings are answered, a close is echoed; no extensions or subprotocols are negotiated.
/// </summary>
internal sealed class FirehoseWebSocket : IDisposable
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const int ReadBufferBytes = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxMessageBytes;
    private readonly byte[] _in = new byte[ReadBufferBytes];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private byte[] _message = new byte[4 * 1024];
    private int _head; // the unread bytes are _in[_head.._tail)
    private int _tail;
    private bool _closeSent;

    private FirehoseWebSocket(Stream stream, int maxMessageBytes)
    {
        _stream = stream;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>The last text message's bytes (valid until the next read).</summary>
    public ReadOnlySpan<byte> Message => _message.AsSpan(0, Count);

    /// <summary>The last message's length in bytes (a binary one's too, though its bytes are not kept).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Completes the handshake of a request already known to be a WebSocket one (HTTP/1.1 upgrade, or HTTP/2's
    /// extended CONNECT) and takes over the connection.
    /// </summary>
    public static async Task<FirehoseWebSocket> AcceptAsync(HttpContext context, int maxMessageBytes)
    {
        Stream stream;
        if (context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect)
        {
            stream = await connect.AcceptAsync().ConfigureAwait(false);
        }
        else
        {
            IHttpUpgradeFeature upgrade = context.Features.Get<IHttpUpgradeFeature>() ?? throw new InvalidOperationException("The connection cannot be upgraded.");
            IHeaderDictionary headers = context.Response.Headers;
            headers.Connection = "Upgrade";
            headers.Upgrade = "websocket";
            headers.SecWebSocketAccept = AcceptKey(context.Request.Headers.SecWebSocketKey.ToString());
            stream = await upgrade.UpgradeAsync().ConfigureAwait(false);
        }

        return new FirehoseWebSocket(stream, maxMessageBytes);
    }

    /// <summary>The <c>Sec-WebSocket-Accept</c> answer to a client's key.</summary>
#pragma warning disable CA5350 // RFC 6455 defines the accept key as a SHA-1 hash; it is a handshake check, not security
    public static string AcceptKey(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350

    /// <summary>A whole unmasked server frame (final, one of the <c>0x1</c> text, <c>0x2</c> binary, or a control opcode) around <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte opcode, ReadOnlySpan<byte> payload)
    {
        int head = HeaderLength(payload.Length);
        byte[] frame = new byte[head + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        if (head == 2)
        {
            frame[1] = (byte)payload.Length;
        }
        else if (head == 4)
        {
            frame[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }
        else
        {
            frame[1] = 127;
            BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(2), payload.Length);
        }

        payload.CopyTo(frame.AsSpan(head));
        return frame;
    }

    /// <summary>A text frame of <paramref name="utf8"/>.</summary>
    public static byte[] TextFrame(ReadOnlySpan<byte> utf8) => Frame(0x1, utf8);

    /// <summary>The length of a server frame's header for a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static int HeaderLength(int payloadLength) => payloadLength < 126 ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10;

    /// <summary>Writes a pre-built frame (see <see cref="Frame"/>); throws <see cref="WebSocketException"/> once a close was sent.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) => WriteAsync(frame, closing: false, cancellationToken);

    /// <summary>Sends the close frame (once; later calls do nothing), within two seconds.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        byte[] reasonBytes = Encoding.UTF8.GetBytes(reason);
        byte[] payload = new byte[2 + Math.Min(reasonBytes.Length, 123)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        reasonBytes.AsSpan(0, payload.Length - 2).CopyTo(payload.AsSpan(2));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await WriteAsync(Frame(0x8, payload), closing: true, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsGone(ex))
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _writeLock.Dispose();

    /// <summary>Whether an exception says the connection or the request is gone (the end of every firehose loop).</summary>
    public static bool IsGone(Exception ex)
        => ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException or ObjectDisposedException;

    /// <summary>
    /// Reads the next whole data message, answering pings on the way. Returns its type, or
    /// <see cref="WebSocketMessageType.Close"/> when the client closed (the close echoed), the connection ended, or the
    /// client broke the protocol or sent a message over the limit (then this side closed with 1002 or 1009).
    /// </summary>
    public async ValueTask<WebSocketMessageType> ReadAsync(CancellationToken cancellationToken)
    {
        WebSocketMessageType? type = null; // the message under way
        long count = 0;
        while (true)
        {
            if (!await FillAsync(2, cancellationToken).ConfigureAwait(false))
            {
                return WebSocketMessageType.Close;
            }

            byte first = _in[_head];
            byte second = _in[_head + 1];
            int opcode = first & 0x0F;
            bool fin = (first & 0x80) != 0;
            int lengthBytes = (second & 0x7F) switch { 126 => 2, 127 => 8, _ => 0 };
            if ((first & 0x70) != 0 || (second & 0x80) == 0)
            {
                return await FailAsync(WebSocketCloseStatus.ProtocolError, "reserved bits set, or an unmasked frame from the client").ConfigureAwait(false);
            }

            if (!await FillAsync(2 + lengthBytes + 4, cancellationToken).ConfigureAwait(false))
            {
                return WebSocketMessageType.Close;
            }

            long length = lengthBytes switch
            {
                0 => second & 0x7F,
                2 => BinaryPrimitives.ReadUInt16BigEndian(_in.AsSpan(_head + 2)),
                _ => BinaryPrimitives.ReadInt64BigEndian(_in.AsSpan(_head + 2)),
            };
            uint mask = BitConverter.ToUInt32(_in, _head + 2 + lengthBytes);
            _head += 2 + lengthBytes + 4;
            if (length < 0)
            {
                return await FailAsync(WebSocketCloseStatus.ProtocolError, "a 64-bit length with its top bit set").ConfigureAwait(false);
            }

            if (opcode >= 0x8)
            {
                if (!fin || length > 125 || opcode > 0xA)
                {
                    return await FailAsync(WebSocketCloseStatus.ProtocolError, "a bad control frame").ConfigureAwait(false);
                }

                byte[] payload = new byte[length];
                if (!await ReadPayloadAsync(payload, mask, cancellationToken).ConfigureAwait(false))
                {
                    return WebSocketMessageType.Close;
                }

                if (opcode == 0x8)
                {
                    WebSocketCloseStatus status = payload.Length >= 2 ? (WebSocketCloseStatus)BinaryPrimitives.ReadUInt16BigEndian(payload) : WebSocketCloseStatus.NormalClosure;
                    await CloseAsync(status, string.Empty).ConfigureAwait(false);
                    return WebSocketMessageType.Close;
                }

                if (opcode == 0x9)
                {
                    await SendAsync(Frame(0xA, payload), cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (opcode is not (0x0 or 0x1 or 0x2) || (opcode == 0x0) != type.HasValue)
            {
                return await FailAsync(WebSocketCloseStatus.ProtocolError, "an unknown opcode, or a continuation out of place").ConfigureAwait(false);
            }

            type ??= opcode == 0x1 ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
            if (length > _maxMessageBytes - count)
            {
                return await FailAsync(WebSocketCloseStatus.MessageTooBig, Hosting.EmulatorWebSocket.TooBigReason(_maxMessageBytes)).ConfigureAwait(false);
            }

            bool whole;
            if (type == WebSocketMessageType.Binary)
            {
                whole = await SkipAsync(length, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (count + length > _message.Length)
                {
                    Array.Resize(ref _message, (int)Math.Min(Math.Max(_message.Length * 2L, count + length), _maxMessageBytes));
                }

                whole = await ReadPayloadAsync(_message.AsMemory((int)count, (int)length), mask, cancellationToken).ConfigureAwait(false);
            }

            if (!whole)
            {
                return WebSocketMessageType.Close;
            }

            count += length;
            if (fin)
            {
                Count = (int)count;
                return type.Value;
            }
        }
    }

    /// <summary>Writes one frame under the write lock; after the close, a later close does nothing and anything else throws.</summary>
    private async ValueTask WriteAsync(ReadOnlyMemory<byte> frame, bool closing, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closeSent)
            {
                if (closing)
                {
                    return;
                }

                throw new WebSocketException(WebSocketError.InvalidState, "The firehose socket has sent its close.");
            }

            _closeSent = closing;
            await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async ValueTask<WebSocketMessageType> FailAsync(WebSocketCloseStatus status, string reason)
    {
        await CloseAsync(status, reason).ConfigureAwait(false);
        return WebSocketMessageType.Close;
    }

    /// <summary>Makes at least <paramref name="bytes"/> (at most the buffer) unread; false when the connection ended first.</summary>
    private async ValueTask<bool> FillAsync(int bytes, CancellationToken cancellationToken)
    {
        if (_tail - _head >= bytes)
        {
            return true;
        }

        if (_head > 0)
        {
            _in.AsSpan(_head, _tail - _head).CopyTo(_in);
            _tail -= _head;
            _head = 0;
        }

        while (_tail < bytes)
        {
            int read = await _stream.ReadAsync(_in.AsMemory(_tail), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _tail += read;
        }

        return true;
    }

    /// <summary>Passes over <paramref name="length"/> payload bytes, neither copied nor unmasked.</summary>
    private async ValueTask<bool> SkipAsync(long length, CancellationToken cancellationToken)
    {
        while (true)
        {
            int take = (int)Math.Min(length, _tail - _head);
            _head += take;
            length -= take;
            if (length == 0)
            {
                return true;
            }

            _head = _tail = 0;
            if (!await FillAsync(1, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    /// <summary>Copies the next <c>destination.Length</c> payload bytes out, unmasked.</summary>
    private async ValueTask<bool> ReadPayloadAsync(Memory<byte> destination, uint mask, CancellationToken cancellationToken)
    {
        int done = 0;
        while (true)
        {
            int take = Math.Min(destination.Length - done, _tail - _head);
            _in.AsSpan(_head, take).CopyTo(destination.Span[done..]);
            _head += take;
            done += take;
            if (done == destination.Length)
            {
                Unmask(destination.Span, mask);
                return true;
            }

            if (!await FillAsync(1, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    private static void Unmask(Span<byte> payload, uint mask)
    {
        Span<byte> key = stackalloc byte[4];
        BitConverter.TryWriteBytes(key, mask);
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] ^= key[i & 3];
        }
    }
}
