using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;

namespace Cartesia.Bench.Harness;

/// <summary>
/// The ceiling of (e): a sender that does no per-frame work at all. It upgrades the connection itself (through the
/// same <see cref="HttpMessageInvoker"/> as the raw client, so over the same TLS), builds its masked binary frames
/// once, and writes them <see cref="FramesPerWrite"/> to a write (about 64 KiB). What it reaches is what the emulator
/// can take in, the way (a)'s discard client is what the emulator can put out: when it is well above the raw client,
/// the raw client was not held back by the server.
/// </summary>
internal static class SttBlast
{
    /// <summary>Frames written together (20 frames of 3,200 bytes are one 64 KiB write).</summary>
    public const int FramesPerWrite = 20;

    public static async Task<double> SendAsync(BenchSettings settings, HttpMessageInvoker invoker, long totalBytes, int frameBytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUri, "stt/websocket?model=ink-2&encoding=pcm_s16le&sample_rate=16000"))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Authorization", "Bearer " + BenchSettings.ApiKey);
        request.Headers.Add("Cartesia-Version", BenchSettings.ApiVersion);
        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);
        DotnetClients.Check(response.StatusCode == HttpStatusCode.SwitchingProtocols, $"the blast sender's upgrade answered {(int)response.StatusCode}");
        await using Stream stream = await response.Content.ReadAsStreamAsync();

        byte[] frame = MaskedFrame(new byte[frameBytes]);
        long frames = totalBytes / frameBytes;
        byte[] block = new byte[frame.Length * FramesPerWrite];
        for (int i = 0; i < FramesPerWrite; i++)
        {
            frame.CopyTo(block, i * frame.Length);
        }

        TimeSpan cpu = DotnetClients.ProcessorTime();
        var start = Stopwatch.StartNew();
        for (long sent = 0; sent < frames; sent += FramesPerWrite)
        {
            int n = (int)Math.Min(FramesPerWrite, frames - sent);
            await stream.WriteAsync(block.AsMemory(0, n * frame.Length));
        }

        // The frames end on a frame boundary, so the BCL's client WebSocket can take over the connection for the close.
        using WebSocket socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        string? final = await DotnetClients.CloseSttAsync(socket);
        TimeSpan elapsed = start.Elapsed;
        DotnetClients.RecordCpu(cpu, totalBytes);
        DotnetClients.Check(final?.Contains($"\"{frames * frameBytes} bytes\"", StringComparison.Ordinal) == true, $"the blast sender's STT server counted '{final}'");
        return Stats.Mbps(frames * frameBytes, elapsed);
    }

    /// <summary>A final binary client frame (up to 64 KiB) with a zero mask key, so the masked payload is the payload itself.</summary>
    private static byte[] MaskedFrame(ReadOnlySpan<byte> payload)
    {
        int lengthBytes = payload.Length < 126 ? 0 : 2;
        byte[] frame = new byte[2 + lengthBytes + 4 + payload.Length];
        frame[0] = 0x82;
        frame[1] = (byte)(0x80 | (lengthBytes == 0 ? payload.Length : 126));
        if (lengthBytes == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), checked((ushort)payload.Length));
        }

        payload.CopyTo(frame.AsSpan(2 + lengthBytes + 4));
        return frame;
    }
}
