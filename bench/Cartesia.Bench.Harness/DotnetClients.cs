using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Cartesia.Stt;
using Cartesia.Tts;

namespace Cartesia.Bench.Harness;

/// <summary>The .NET clients (SDK, raw baseline, discard) of each workload. Each returns what it measured.</summary>
internal static class DotnetClients
{
    private static readonly AudioOutputFormat Format = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000);
    private static int s_ids;

    /// <summary>Bytes the whole process allocated per chunk in the last throughput run, beyond the audio bytes themselves.</summary>
    public static double LastAllocatedPerChunk { get; private set; }

    /// <summary>
    /// CPU time the whole process used per MB decoded in the last throughput run (all its threads: socket engine,
    /// thread pool, GC). Unlike MB/s it does not move when another tenant of the VM takes the core for a while.
    /// </summary>
    public static double LastCpuMsPerMb { get; private set; }

    internal static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    internal static void RecordCpu(TimeSpan before, long bytes) => LastCpuMsPerMb = (ProcessorTime() - before).TotalMilliseconds / (bytes / 1e6);

    private static TtsContextOptions ContextOptions(string? id = null) => new()
    {
        ModelId = TtsModel.Sonic3,
        Voice = BenchSettings.Voice,
        OutputFormat = Format,
        ContextId = id,
        FirstChunkTimeout = TimeSpan.FromMinutes(2),
        ChunkTimeout = TimeSpan.FromMinutes(2),
    };

    private static string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref s_ids)}";

    // ---- (a) receive throughput: decoded audio bytes per second ----

    public static async Task<double> ThroughputSdkAsync(CartesiaClient client, int contexts, int chunksPerContext, int chunkBytes, bool inline = false, bool pooled = false)
    {
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { MaxBufferedBytesPerContext = 1L << 30, DeliverEventsInline = inline });
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan cpu = ProcessorTime();
        var start = Stopwatch.StartNew();
        long[] received = await Task.WhenAll(Enumerable.Range(0, contexts).Select(async _ =>
        {
            TtsContext context = socket.CreateContext(ContextOptions());
            await context.SendAsync("Hello.");
            await context.CompleteAsync();
            long bytes = 0;
            await foreach (TtsEvent e in pooled ? context.ReadPooledEventsAsync() : context.ReadEventsAsync())
            {
                if (e is TtsChunkEvent chunk)
                {
                    bytes += chunk.Audio.Length;
                }
            }

            return bytes;
        }));
        TimeSpan elapsed = start.Elapsed;
        long total = received.Sum();
        RecordCpu(cpu, total);
        // Beyond the audio arrays the reader owns; pooled audio allocates none, so nothing is taken off.
        LastAllocatedPerChunk = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated - (pooled ? 0 : total)) / ((long)contexts * chunksPerContext);
        Check(total == (long)contexts * chunksPerContext * chunkBytes, $"SDK received {total} bytes");
        return Stats.Mbps(total, elapsed);
    }

    public static async Task<double> ThroughputRawAsync(BenchSettings settings, HttpMessageInvoker invoker, int contexts, int chunksPerContext, int chunkBytes, bool discard)
    {
        await using RawTtsSocket socket = await RawTtsSocket.ConnectAsync(settings, invoker);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan cpu = ProcessorTime();
        var start = Stopwatch.StartNew();
        for (int i = 0; i < contexts; i++)
        {
            await socket.SendAsync(NextId("raw"), "Hello.", @continue: false);
        }

        long bytes = 0, chunks = 0;
        for (int done = 0; done < contexts;)
        {
            RawKind kind = discard ? await socket.DiscardAsync() : await socket.ReadAsync();
            if (kind == RawKind.Chunk)
            {
                chunks++;
                bytes += discard ? chunkBytes : socket.AudioLength;
            }
            else if (kind == RawKind.Done)
            {
                done++;
            }
        }

        TimeSpan elapsed = start.Elapsed;
        RecordCpu(cpu, bytes);
        LastAllocatedPerChunk = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated) / Math.Max(1, chunks);
        Check(chunks == (long)contexts * chunksPerContext && bytes == chunks * chunkBytes, $"raw received {chunks} chunks, {bytes} bytes");
        return Stats.Mbps(bytes, elapsed);
    }

    // ---- (b) time from send to first audio ----

    /// <summary>
    /// Send to first audio chunk, the SDK and the raw baseline alternating context by context over two sockets open
    /// side by side, so both meet the same moments of a noisy machine (which blocks of a thousand each did not).
    /// </summary>
    public static async Task<(List<double> Raw, List<double> Sdk)> FirstAudioPairedAsync(CartesiaClient client, BenchSettings settings, HttpMessageInvoker invoker, int iterations)
    {
        var raw = new List<double>(iterations);
        var sdk = new List<double>(iterations);
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        await using RawTtsSocket rawSocket = await RawTtsSocket.ConnectAsync(settings, invoker);
        for (int i = 0; i < iterations; i++)
        {
            // Which goes first alternates too, so neither always follows the other's wake-ups.
            if (i % 2 == 0)
            {
                raw.Add(await FirstAudioRawOnceAsync(rawSocket));
                sdk.Add(await FirstAudioSdkOnceAsync(socket));
            }
            else
            {
                sdk.Add(await FirstAudioSdkOnceAsync(socket));
                raw.Add(await FirstAudioRawOnceAsync(rawSocket));
            }
        }

        return (raw, sdk);
    }

    private static async Task<double> FirstAudioSdkOnceAsync(TtsWebSocket socket)
    {
        TtsContext context = socket.CreateContext(ContextOptions());
        IAsyncEnumerator<TtsEvent> events = context.ReadEventsAsync().GetAsyncEnumerator();
        long t0 = Stopwatch.GetTimestamp();
        await context.SendAsync("Hello.");
        while (await events.MoveNextAsync() && events.Current is not TtsChunkEvent)
        {
        }

        double micros = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        await context.CompleteAsync();
        while (await events.MoveNextAsync())
        {
        }

        await events.DisposeAsync();
        return micros;
    }

    private static async Task<double> FirstAudioRawOnceAsync(RawTtsSocket socket)
    {
        string id = NextId("ttfa");
        long t0 = Stopwatch.GetTimestamp();
        await socket.SendAsync(id, "Hello.", @continue: true);
        while (await socket.ReadAsync() != RawKind.Chunk || !socket.ContextId.SequenceEqual(id))
        {
        }

        double micros = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        await socket.SendAsync(id, string.Empty, @continue: false);
        while (await socket.ReadAsync() != RawKind.Done)
        {
        }

        return micros;
    }

    // ---- (d) many contexts on one socket: completion, delivery latency, routing ----

    /// <summary>
    /// One (d)/(dp) run: <paramref name="StartedAtMicros"/> is when the last context's text had gone out (on the clock
    /// chunks are stamped with), so <see cref="SteadyLatencyMicros"/> can leave out the chunks sent while the client
    /// was still starting contexts.
    /// </summary>
    public sealed record ManyResult(double CompletionMs, List<double> LatencyMicros, List<double> StampMicros, double StartMs, double StartedAtMicros, long Lost, long Misrouted)
    {
        /// <summary>The latencies of the chunks the emulator sent after every context's text was out.</summary>
        public List<double> SteadyLatencyMicros => [.. LatencyMicros.Where((_, i) => StampMicros[i] > StartedAtMicros)];
    }

    public static async Task<ManyResult> ManySdkAsync(CartesiaClient client, int contexts, int chunksPerContext, byte[] expectedAudio, bool inline = false, bool pooled = false)
    {
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { MaxBufferedBytesPerContext = 1L << 30, DeliverEventsInline = inline });
        long misrouted = 0, lost = 0;
        int started = 0;
        double startMs = 0, startedAt = 0;
        TimeSpan cpu = ProcessorTime();
        var start = Stopwatch.StartNew();
        (List<double> Latencies, List<double> Stamps)[] perContext = await Task.WhenAll(Enumerable.Range(0, contexts).Select(async _ =>
        {
            var mine = new List<double>(chunksPerContext);
            var stamps = new List<double>(chunksPerContext);
            TtsContext context = socket.CreateContext(ContextOptions());
            await context.CompleteAsync("Hello."); // the text and the end in one message, as the raw client sends it
            if (Interlocked.Increment(ref started) == contexts)
            {
                startMs = start.Elapsed.TotalMilliseconds;
                startedAt = Stats.NowMicros();
            }
            int chunks = 0;
            TtsEvent? last = null;
            await foreach (TtsEvent e in pooled ? context.ReadPooledEventsAsync() : context.ReadEventsAsync())
            {
                last = e;
                if (e.ContextId != context.ContextId)
                {
                    Interlocked.Increment(ref misrouted);
                }

                if (e is TtsChunkEvent chunk)
                {
                    mine.Add(Stats.NowMicros() - (chunk.StepTime ?? double.NaN));
                    stamps.Add(chunk.StepTime ?? double.NaN);
                    chunks++;
                    if (!chunk.Audio.Span.SequenceEqual(expectedAudio))
                    {
                        Interlocked.Increment(ref misrouted);
                    }
                }
            }

            if (chunks != chunksPerContext || last is not TtsDoneEvent)
            {
                Interlocked.Add(ref lost, Math.Max(1, chunksPerContext - chunks));
            }

            return (mine, stamps);
        }));
        double completion = start.Elapsed.TotalMilliseconds;
        RecordCpu(cpu, (long)contexts * chunksPerContext * expectedAudio.Length);
        return new ManyResult(completion, [.. perContext.SelectMany(c => c.Latencies)], [.. perContext.SelectMany(c => c.Stamps)], startMs, startedAt, lost, misrouted);
    }

    public static async Task<ManyResult> ManyRawAsync(BenchSettings settings, HttpMessageInvoker invoker, int contexts, int chunksPerContext, byte[] expectedAudio)
    {
        await using RawTtsSocket socket = await RawTtsSocket.ConnectAsync(settings, invoker);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var latencies = new List<double>(contexts * chunksPerContext);
        var stamps = new List<double>(contexts * chunksPerContext);
        long misrouted = 0;
        TimeSpan cpu = ProcessorTime();
        var start = Stopwatch.StartNew();
        for (int i = 0; i < contexts; i++)
        {
            string id = NextId("many");
            counts[id] = [0];
            await socket.SendAsync(id, "Hello.", @continue: false);
        }

        double startMs = start.Elapsed.TotalMilliseconds, startedAt = Stats.NowMicros();

        for (int done = 0; done < contexts;)
        {
            RawKind kind = await socket.ReadAsync();
            if (!lookup.TryGetValue(socket.ContextId, out int[]? count))
            {
                misrouted++;
                continue;
            }

            if (kind == RawKind.Chunk)
            {
                latencies.Add(Stats.NowMicros() - socket.StepTime);
                stamps.Add(socket.StepTime);
                count[0]++;
                if (!socket.Audio.SequenceEqual(expectedAudio))
                {
                    misrouted++;
                }
            }
            else if (kind == RawKind.Done)
            {
                done++;
            }
        }

        double completion = start.Elapsed.TotalMilliseconds;
        RecordCpu(cpu, (long)contexts * chunksPerContext * expectedAudio.Length);
        long lost = counts.Values.Sum(c => (long)Math.Abs(chunksPerContext - c[0]));
        return new ManyResult(completion, latencies, stamps, startMs, startedAt, lost, misrouted);
    }

    // ---- (e) STT streaming send throughput ----

    public static async Task<double> SttSdkAsync(CartesiaClient client, long totalBytes, int frameBytes, double? bytesPerSecond = null)
    {
        byte[] frame = new byte[frameBytes];
        await using SttStreamingSession session = await client.Stt.ConnectAsync(new SttSessionOptions { Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 });
        string? final = null;
        Task reading = Task.Run(async () =>
        {
            await foreach (SttEvent e in session.ReadEventsAsync())
            {
                if (e is SttTranscriptEvent { IsFinal: true } t)
                {
                    final = t.Text;
                }
            }
        });
        TimeSpan cpu = ProcessorTime();
        var start = Stopwatch.StartNew();
        var pacer = new Pacer(bytesPerSecond);
        for (long sent = 0; sent < totalBytes; sent += frameBytes)
        {
            await pacer.WaitAsync(sent);
            await session.SendAudioAsync(frame);
        }

        await session.CompleteAsync();
        TimeSpan elapsed = start.Elapsed;
        RecordCpu(cpu, totalBytes);
        await reading;
        Check(final == $"{totalBytes} bytes", $"the SDK's STT server counted '{final}'");
        return Stats.Mbps(totalBytes, elapsed);
    }

    public static async Task<double> SttRawAsync(BenchSettings settings, HttpMessageInvoker invoker, long totalBytes, int frameBytes, double? bytesPerSecond = null)
    {
        byte[] frame = new byte[frameBytes];
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + BenchSettings.ApiKey);
        socket.Options.SetRequestHeader("Cartesia-Version", BenchSettings.ApiVersion);
        await socket.ConnectAsync(new Uri(settings.WebSocketBaseUri, "stt/websocket?model=ink-2&encoding=pcm_s16le&sample_rate=16000"), invoker, CancellationToken.None);
        TimeSpan cpu = ProcessorTime();
        var start = Stopwatch.StartNew();
        var pacer = new Pacer(bytesPerSecond);
        for (long sent = 0; sent < totalBytes; sent += frameBytes)
        {
            await pacer.WaitAsync(sent);
            await socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);
        }

        string? final = await CloseSttAsync(socket);
        TimeSpan elapsed = start.Elapsed;
        RecordCpu(cpu, totalBytes);
        Check(final?.Contains($"\"{totalBytes} bytes\"", StringComparison.Ordinal) == true, $"the raw STT server counted '{final}'");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bench", CancellationToken.None);
        return Stats.Mbps(totalBytes, elapsed);
    }

    /// <summary>
    /// Ends a raw speech-to-text push: sends <c>close</c> and reads the firehose's answers up to <c>done</c>. Returns
    /// the final transcript's message (it says how many bytes arrived), or null when none came.
    /// </summary>
    public static async Task<string?> CloseSttAsync(WebSocket socket)
    {
        await socket.SendAsync("close"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        byte[] buffer = new byte[4096];
        string? final = null;
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return final;
            }

            string text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (text.Contains("\"transcript\"", StringComparison.Ordinal))
            {
                final = text;
            }

            if (text.Contains("\"type\":\"done\"", StringComparison.Ordinal))
            {
                return final;
            }
        }
    }

    public static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new BenchCheckException($"Check failed: {what}.");
        }
    }
}
