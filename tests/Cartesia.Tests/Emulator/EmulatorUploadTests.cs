using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Emulator;

/// <summary>
/// Issue 15, finding 2 ("stream uploads to where they are needed"): a JSON body is refused past its small limit
/// without the rest being read; a multipart upload is streamed — file parts spooled to temporary files deleted when
/// the request ends, however it ends — so an upload costs the emulator a buffer of memory, not its size.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class EmulatorUploadTests : IDisposable
{
    private const string Boundary = "cartesia-upload-test";
    private readonly string _uploads = Path.Combine(Path.GetTempPath(), $"cartesia-uploads-{Guid.NewGuid():N}");

    public EmulatorUploadTests() => Directory.CreateDirectory(_uploads);

    public void Dispose() => Directory.Delete(_uploads, recursive: true);

    [Fact]
    public async Task A_json_body_over_the_json_limit_is_413_naming_the_limit_before_the_rest_is_read()
    {
        await using CartesiaEmulator emulator = await StartAsync(new EmulatorLimits { MaxJsonBodyBytes = 1024 * 1024 });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, emulator.Port);
        NetworkStream stream = client.GetStream();

        // A chunked body that passes the limit and never ends: the answer must come without the rest.
        await stream.WriteAsync(Headers(emulator, "/tts/bytes", "application/json", contentLength: null));
        byte[] chunk = new byte[2 * 1024 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
        await stream.WriteAsync(chunk);
        (int status, string body) = await ReadResponseAsync(stream);
        EmulatorRequest entry = await emulator.Journal.WaitForAsync(r => r.Path == "/tts/bytes" && r.Completed, TimeSpan.FromSeconds(30));

        Assert.Equal(413, status);
        Assert.Contains("EmulatorLimits.MaxJsonBodyBytes", body, StringComparison.Ordinal);
        Assert.Contains("1048576", body, StringComparison.Ordinal);
        Assert.True(entry.BodyLength < chunk.Length, $"The emulator read {entry.BodyLength} bytes.");
    }

    [Fact]
    public async Task A_declared_json_body_over_the_limit_is_413_before_any_of_it_is_read()
    {
        await using CartesiaEmulator emulator = await StartAsync(new EmulatorLimits { MaxJsonBodyBytes = 1024 * 1024 });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, emulator.Port);
        NetworkStream stream = client.GetStream();

        await stream.WriteAsync(Headers(emulator, "/tts/bytes", "application/json", contentLength: 64L * 1024 * 1024));
        (int status, string body) = await ReadResponseAsync(stream);

        Assert.Equal(413, status);
        Assert.Contains("EmulatorLimits.MaxJsonBodyBytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_stt_upload_is_streamed_through_a_temporary_file_not_memory()
    {
        const long audioBytes = 64L * 1024 * 1024;
        await using CartesiaEmulator emulator = await StartAsync(new EmulatorLimits());
        using HttpClient http = ControlClient.Create(emulator);
        http.Timeout = TimeSpan.FromMinutes(5);
        byte[] speech = SpeechData("streamed upload");
        using var content = new LongWavUploadContent(speech, audioBytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, "stt") { Content = content };
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var watch = new UploadWatch(_uploads);
        using HttpResponseMessage response = await http.SendAsync(request);
        string answer = await response.Content.ReadAsStringAsync();
        (long peak, bool spooled) = await watch.StopAsync();
        EmulatorRequest entry = await emulator.Journal.WaitForAsync(r => r.Path == "/stt" && r.Completed, TimeSpan.FromSeconds(30));

        Assert.True(response.IsSuccessStatusCode, answer);
        using JsonDocument transcript = JsonDocument.Parse(answer);
        Assert.Equal("streamed upload", transcript.RootElement.GetProperty("text").GetString());
        Assert.Equal(audioBytes / 2 / 16000.0, transcript.RootElement.GetProperty("duration").GetDouble(), 0.01);
        long growth = peak - before;
        Assert.True(growth < 24L * 1024 * 1024, $"Managed memory grew by {growth / (1024 * 1024)} MiB during a {audioBytes / (1024 * 1024)} MiB upload.");
        Assert.True(spooled, "The upload never appeared in the upload directory.");
        Assert.Equal(content.Length, entry.BodyLength);
        Assert.Equal(1024 * 1024, entry.Body.Length);
        Assert.True(await EmptiedAsync(_uploads), "A temporary upload file was left behind.");
    }

    [Fact]
    public async Task An_aborted_upload_leaves_no_temporary_file()
    {
        await using CartesiaEmulator emulator = await StartAsync(new EmulatorLimits());
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, emulator.Port);
        NetworkStream stream = client.GetStream();
        byte[] start = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n");

        await stream.WriteAsync(Headers(emulator, "/stt", $"multipart/form-data; boundary={Boundary}", contentLength: 16L * 1024 * 1024));
        await stream.WriteAsync(start);
        await stream.WriteAsync(new byte[2 * 1024 * 1024]);
        bool spooled = await WaitUntilAsync(() => Directory.EnumerateFiles(_uploads).Any());
        client.Client.LingerState = new LingerOption(true, 0); // a reset, as when a client dies
        client.Dispose();
        EmulatorRequest entry = await emulator.Journal.WaitForAsync(r => r.Path == "/stt" && r.Completed, TimeSpan.FromSeconds(30));

        Assert.True(spooled, "The upload never reached a temporary file.");
        Assert.True(entry.Completed);
        Assert.True(await EmptiedAsync(_uploads), "The aborted upload's temporary file was left behind.");
    }

    [Fact]
    public async Task A_multipart_upload_over_the_upload_limit_is_413_and_leaves_no_temporary_file()
    {
        await using CartesiaEmulator emulator = await StartAsync(new EmulatorLimits { MaxRequestBodyBytes = 1024 * 1024 });
        using HttpClient http = ControlClient.Create(emulator);
        using var content = new LongWavUploadContent(SpeechData("too long"), 4L * 1024 * 1024, declareLength: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "stt") { Content = content };
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("EmulatorLimits.MaxRequestBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await EmptiedAsync(_uploads), "The refused upload's temporary file was left behind.");
    }

    private Task<CartesiaEmulator> StartAsync(EmulatorLimits limits)
        => CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_uploads", UploadDirectory = _uploads, Limits = limits });

    /// <summary>The PCM samples (s16le, 16 kHz) of the emulator's speech of some words.</summary>
    private static byte[] SpeechData(string words)
    {
        byte[] wav = Clips.Wav(words);
        WavFormat format = WavHeader.Read(wav);
        return wav.AsSpan((int)format.DataOffset, (int)Math.Min(format.DataLength, wav.Length - format.DataOffset)).ToArray();
    }

    private static byte[] Headers(CartesiaEmulator emulator, string path, string contentType, long? contentLength)
        => Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{emulator.Port}\r\nAuthorization: Bearer {emulator.ApiKey}\r\n"
            + $"Cartesia-Version: 2026-08-14\r\nContent-Type: {contentType}\r\n"
            + (contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n")
            + "\r\n");

    /// <summary>Reads one HTTP/1.1 response (status and the raw text after its headers).</summary>
    private static async Task<(int Status, string Body)> ReadResponseAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing check
        var received = new MemoryStream();
        byte[] buffer = new byte[8192];
        while (true)
        {
            string text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
            int headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0)
            {
                string head = text[..headerEnd];
                string body = text[(headerEnd + 4)..];
                int status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                string? length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                bool complete = length is not null
                    ? Encoding.UTF8.GetByteCount(body) >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
                    : body.Contains("\r\n0\r\n\r\n", StringComparison.Ordinal) || body.StartsWith("0\r\n\r\n", StringComparison.Ordinal);
                if (complete)
                {
                    return (status, body);
                }
            }

            int read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                return headerEnd >= 0 ? (int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text[(headerEnd + 4)..]) : throw new IOException($"The connection closed after: {text}");
            }

            received.Write(buffer, 0, read);
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }

    private static Task<bool> EmptiedAsync(string directory) => WaitUntilAsync(() => !Directory.EnumerateFileSystemEntries(directory).Any());

    /// <summary>
    /// A multipart STT upload (<c>model</c>, then <c>file</c>: a WAV of the given speech followed by silence up to
    /// the given length) written piece by piece, so the test itself never holds it.
    /// </summary>
    private sealed class LongWavUploadContent : HttpContent
    {
        private readonly byte[] _head;
        private readonly byte[] _speech;
        private readonly byte[] _tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        private readonly long _audioBytes;
        private readonly bool _declareLength;

        public LongWavUploadContent(byte[] speech, long audioBytes, bool declareLength = true)
        {
            string fields = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nink-whisper\r\n"
                + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long.wav\"\r\nContent-Type: audio/wav\r\n\r\n";
            _head = [.. Encoding.ASCII.GetBytes(fields), .. WavHeader.Create(AudioEncoding.PcmS16LE, 16000, audioBytes)];
            _speech = speech;
            _audioBytes = audioBytes;
            _declareLength = declareLength;
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        public long Length => _head.Length + _audioBytes + _tail.Length;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            await stream.WriteAsync(_speech);
            byte[] silence = new byte[64 * 1024];
            for (long left = _audioBytes - _speech.Length; left > 0; left -= silence.Length)
            {
                await stream.WriteAsync(silence.AsMemory(0, (int)Math.Min(silence.Length, left)));
            }

            await stream.WriteAsync(_tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _declareLength ? Length : 0;
            return _declareLength;
        }
    }

    /// <summary>Samples the process's live managed memory (after a full collection) and whether the upload directory holds a file, until stopped.</summary>
    private sealed class UploadWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(long Peak, bool Spooled)> _sampling;

        public UploadWatch(string directory) => _sampling = Task.Run(async () =>
        {
            long peak = 0;
            bool spooled = false;
            while (!_stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                spooled |= Directory.EnumerateFiles(directory).Any();
                await Task.Delay(20);
            }

            return (peak, spooled);
        });

        public async Task<(long Peak, bool Spooled)> StopAsync()
        {
            await _stop.CancelAsync();
            return await _sampling;
        }

        public void Dispose() => _stop.Dispose();
    }
}
