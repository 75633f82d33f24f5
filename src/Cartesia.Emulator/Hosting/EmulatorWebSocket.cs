using Microsoft.AspNetCore.Connections;
using System.Net.WebSockets;
using System.Text;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// The server side of one emulator WebSocket: serialized sends (text and binary), whole-message reads, a normal
/// close, and an abrupt drop (with or without a close frame) for fault injection.
/// </summary>
internal sealed class EmulatorWebSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly HttpContext _context;
    private byte[] _buffer = new byte[64 * 1024];

    private EmulatorWebSocket(HttpContext context, WebSocket socket)
    {
        _context = context;
        _socket = socket;
    }

    public WebSocketState State => _socket.State;

    /// <summary>Fires when the client goes away.</summary>
    public CancellationToken Aborted => _context.RequestAborted;

    public static async Task<EmulatorWebSocket> AcceptAsync(HttpContext context)
        => new(context, await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false));

    /// <summary>Sends a text message; false when the socket is no longer open.</summary>
    public Task<bool> SendTextAsync(ReadOnlyMemory<byte> utf8) => SendAsync(utf8, WebSocketMessageType.Text);

    public Task<bool> SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task<bool> SendBinaryAsync(ReadOnlyMemory<byte> data) => SendAsync(data, WebSocketMessageType.Binary);

    /// <summary>
    /// Reads one whole message; null when the client closed or the connection broke, or when the message was larger
    /// than <paramref name="maxBytes"/> (default <see cref="EmulatorLimits.MaxWebSocketMessageBytes"/>; then the socket is
    /// closed with 1009, message too big).
    /// </summary>
    public async Task<(WebSocketMessageType Type, byte[] Data)?> ReceiveAsync(CancellationToken cancellationToken, int? maxBytes = null)
    {
        CartesiaEmulator emulator = _context.RequestServices.GetRequiredService<CartesiaEmulator>();
        int limit = maxBytes ?? emulator.Options.Limits.MaxWebSocketMessageBytes;
        int count = 0;
        try
        {
            while (true)
            {
                if (count == _buffer.Length)
                {
                    Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, limit + 1L));
                }

                ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                count += result.Count;
                if (count > limit)
                {
                    await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                    try
                    {
                        await RefuseTooBigAsync(_socket, limit).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }

                    return null;
                }

                if (result.EndOfMessage)
                {
                    byte[] message = _buffer.AsSpan(0, count).ToArray();
                    if (_context.Items[typeof(Journal.EmulatorRequest)] is Journal.EmulatorRequest entry)
                    {
                        emulator.Journal.AddWebSocketMessage(entry, result.MessageType, message);
                    }

                    return (result.MessageType, message);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            return null;
        }
    }

    /// <summary>The reason a 1009 close gives (message too big), on every emulator socket.</summary>
    public static string TooBigReason(int limit) => $"message too big: the emulator accepts messages up to {limit} bytes";

    /// <summary>
    /// Closes with 1009 (message too big), then reads and discards what the client still sends for a moment, so the
    /// close frame is not lost to a TCP reset of unread data.
    /// </summary>
    private static async Task RefuseTooBigAsync(WebSocket socket, int limit)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, TooBigReason(limit), cts.Token).ConfigureAwait(false);
            byte[] scratch = new byte[16 * 1024];
            while ((await socket.ReceiveAsync(scratch.AsMemory(), cts.Token).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException or InvalidOperationException)
        {
            // Gone already, or a send under way on another thread: the connection ends either way.
        }
    }

    /// <summary>Closes normally with a status and reason (when the socket is still open).</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(status, reason, cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Drops the connection on purpose: first with a close frame of the given status (any code, for example 1011
    /// or 1008), or, when it is null, without any close frame (the client sees 1006).
    /// </summary>
    public async Task DropAsync(int? closeStatus)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(150)).ConfigureAwait(false);
        if (closeStatus is { } status)
        {
            await CloseAsync((WebSocketCloseStatus)status, "emulator dropped the connection").ConfigureAwait(false);

            // Let the close frame be read before the reset: a TCP reset discards data the client has not read yet.
            await Task.Delay(TimeSpan.FromMilliseconds(150)).ConfigureAwait(false);
        }

        _context.Items[JournalMiddleware.ServerAbortedKey] = true;
        _context.Abort();
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task<bool> SendAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State != WebSocketState.Open && _socket.State != WebSocketState.CloseReceived)
            {
                return false;
            }

            await _socket.SendAsync(data, type, endOfMessage: true, _context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
