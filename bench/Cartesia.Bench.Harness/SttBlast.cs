using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Text;

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

        byte[] frame = MaskedFrame(0x2, new byte[frameBytes]);
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

        await stream.WriteAsync(MaskedFrame(0x1, "close"u8));
        string? final = await ReadUntilDoneAsync(stream);
        TimeSpan elapsed = start.Elapsed;
        DotnetClients.RecordCpu(cpu, totalBytes);
        DotnetClients.Check(final?.Contains($"\"{frames * frameBytes} bytes\"", StringComparison.Ordinal) == true, $"the blast sender's STT server counted '{final}'");
        return Stats.Mbps(frames * frameBytes, elapsed);
    }

    /// <summary>A final client frame with a zero mask key, so the masked payload is the payload itself.</summary>
    private static byte[] MaskedFrame(byte opcode, ReadOnlySpan<byte> payload)
    {
        int lengthBytes = payload.Length < 126 ? 0 : payload.Length <= ushort.MaxValue ? 2 : 8;
        byte[] frame = new byte[2 + lengthBytes + 4 + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        frame[1] = (byte)(0x80 | (lengthBytes == 0 ? payload.Length : lengthBytes == 2 ? 126 : 127));
        if (lengthBytes == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }
        else if (lengthBytes == 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
        }

        payload.CopyTo(frame.AsSpan(2 + lengthBytes + 4));
        return frame;
    }

    /// <summary>Reads the server's (unmasked, small) frames until <c>done</c>; returns the transcript's text frame.</summary>
    private static async Task<string?> ReadUntilDoneAsync(Stream stream)
    {
        byte[] buffer = new byte[64 * 1024];
        int filled = 0;
        string? transcript = null;
        while (true)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(filled));
            DotnetClients.Check(read > 0, "the blast sender's connection ended before done");
            filled += read;
            while (filled >= 2)
            {
                int length = buffer[1] & 0x7F;
                int head = 2;
                if (length == 126)
                {
                    if (filled < 4)
                    {
                        break;
                    }

                    length = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
                    head = 4;
                }

                DotnetClients.Check(length != 127, "the blast sender got a frame over 64 KiB");
                if (filled < head + length)
                {
                    break;
                }

                string text = Encoding.UTF8.GetString(buffer, head, length);
                if (text.Contains("\"transcript\"", StringComparison.Ordinal))
                {
                    transcript = text;
                }

                if (text.Contains("\"type\":\"done\"", StringComparison.Ordinal) || (buffer[0] & 0x0F) == 0x8)
                {
                    return transcript;
                }

                buffer.AsSpan(head + length, filled - head - length).CopyTo(buffer);
                filled -= head + length;
            }
        }
    }
}
