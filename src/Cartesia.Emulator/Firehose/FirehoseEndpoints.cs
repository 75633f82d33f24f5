using System.Net.WebSockets;
using System.Text;

namespace Cartesia.Emulator.Firehose;

/// <summary>The firehose answers of <c>/tts/websocket</c>, <c>POST /tts/bytes</c> and <c>/stt/websocket</c> (authenticated as usual).</summary>
internal static class FirehoseEndpoints
{
    private const int BodyPiece = 64 * 1024;

    private static int MaxMessageBytes(HttpContext context) => context.RequestServices.GetRequiredService<CartesiaEmulator>().Options.Limits.MaxWebSocketMessageBytes;

    /// <summary>The TTS WebSocket: pre-built chunk frames per context.</summary>
    public static async Task TtsWebSocketAsync(HttpContext context, FirehoseFrames frames)
    {
        using FirehoseWebSocket socket = await FirehoseWebSocket.AcceptAsync(context, MaxMessageBytes(context)).ConfigureAwait(false);
        TimeProvider clock = context.RequestServices.GetRequiredService<CartesiaEmulator>().Options.TimeProvider ?? TimeProvider.System;
        await new FirehoseTtsConnection(socket, frames, clock, context.RequestAborted).RunAsync().ConfigureAwait(false);
    }

    /// <summary><c>POST /tts/bytes</c>: <see cref="EmulatorFirehose.BytesLength"/> bytes of raw PCM, whatever was asked.</summary>
    public static async Task BytesAsync(HttpContext context, FirehoseFrames frames)
    {
        long length = frames.Settings.BytesLength;
        byte[] piece = FirehoseFrames.Tone(BodyPiece);
        context.Response.ContentType = "audio/pcm";
        context.Response.ContentLength = length;
        Stream body = context.Response.Body;
        CancellationToken aborted = context.RequestAborted;
        for (long sent = 0; sent < length;)
        {
            int n = (int)Math.Min(piece.Length, length - sent);
            await body.WriteAsync(piece.AsMemory(0, n), aborted).ConfigureAwait(false);
            sent += n;
        }
    }

    /// <summary>
    /// <c>/stt/websocket</c>: audio frames are counted and discarded; <c>finalize</c> is answered with
    /// <c>flush_done</c>, <c>close</c> (or <c>done</c>) with a final transcript saying how many bytes arrived, <c>done</c>,
    /// and the close.
    /// </summary>
    public static async Task SttWebSocketAsync(HttpContext context)
    {
        using FirehoseWebSocket socket = await FirehoseWebSocket.AcceptAsync(context, MaxMessageBytes(context)).ConfigureAwait(false);
        CancellationToken aborted = context.RequestAborted;
        string requestId = Guid.NewGuid().ToString();
        long audioBytes = 0;
        try
        {
            while (true)
            {
                WebSocketMessageType type = await socket.ReadAsync(aborted).ConfigureAwait(false);
                if (type == WebSocketMessageType.Close)
                {
                    return;
                }

                if (type == WebSocketMessageType.Binary)
                {
                    audioBytes += socket.Count;
                    continue;
                }

                string command = Encoding.UTF8.GetString(socket.Message).Trim();
                if (command == "finalize")
                {
                    await SendAsync(socket, $"{{\"type\":\"flush_done\",\"request_id\":\"{requestId}\"}}", aborted).ConfigureAwait(false);
                }
                else if (command is "close" or "done")
                {
                    await SendAsync(socket, $"{{\"type\":\"transcript\",\"request_id\":\"{requestId}\",\"text\":\"{audioBytes} bytes\",\"is_final\":true}}", aborted).ConfigureAwait(false);
                    await SendAsync(socket, $"{{\"type\":\"done\",\"request_id\":\"{requestId}\"}}", aborted).ConfigureAwait(false);
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception ex) when (FirehoseWebSocket.IsGone(ex))
        {
        }
    }

    private static ValueTask SendAsync(FirehoseWebSocket socket, string text, CancellationToken cancellationToken)
        => socket.SendAsync(FirehoseWebSocket.TextFrame(Encoding.UTF8.GetBytes(text)), cancellationToken);
}
