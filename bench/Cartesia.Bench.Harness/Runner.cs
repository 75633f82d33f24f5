using System.Text;
using System.Text.Json;

namespace Cartesia.Bench.Harness;

/// <summary>Runs every workload, round by round with the clients in a rotating order, and summarises.</summary>
internal sealed partial class Runner
{
    private readonly BenchSettings _settings;
    private readonly List<Sample> _samples = [];
    private readonly List<string> _notes = [];
    private readonly HttpClient _http;
    private readonly HttpMessageInvoker _rawInvoker;
    private readonly CartesiaClient _client;

    // The same .NET clients against a second emulator without TLS (--plain-url), where the server does far less
    // per frame: there the client is the bottleneck and the SDK's own cost shows most.
    private readonly BenchSettings? _plainSettings;
    private readonly HttpClient? _plainHttp;
    private readonly HttpMessageInvoker? _plainInvoker;
    private readonly CartesiaClient? _plainClient;

    public Runner(BenchSettings settings, Uri? plainUri = null, int? plainServerPid = null)
    {
        _settings = settings;
        // The emulator's control calls go through a client of their own, so the SDK's connections serve only the SDK.
        _http = new HttpClient(settings.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _rawInvoker = new HttpMessageInvoker(settings.CreateHandler());
        _client = settings.CreateClient(new HttpClient(settings.CreateHandler(sdk: true)) { Timeout = Timeout.InfiniteTimeSpan });
        if (plainUri is not null)
        {
            _plainSettings = new BenchSettings { BaseUri = plainUri, Smoke = settings.Smoke, Rounds = settings.Rounds, Only = settings.Only, ServerPid = plainServerPid };
            _plainHttp = new HttpClient(_plainSettings.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            _plainInvoker = new HttpMessageInvoker(_plainSettings.CreateHandler());
            _plainClient = _plainSettings.CreateClient(new HttpClient(_plainSettings.CreateHandler(sdk: true)) { Timeout = Timeout.InfiniteTimeSpan });
        }
    }

    /// <summary>The settings, handlers and client of a client name ("sdk-ws" and the like run without TLS).</summary>
    private (BenchSettings Settings, HttpMessageInvoker Invoker, CartesiaClient Client, string Name) Transport(string client)
        => client.EndsWith("-ws", StringComparison.Ordinal)
            ? (_plainSettings!, _plainInvoker!, _plainClient!, client[..^3])
            : (_settings, _rawInvoker, _client, client);

    private async Task SetFirehoseAsync(int chunksPerContext, int chunkBytes, long bytesLength, int? chunksPerSecond = null)
    {
        await _settings.SetFirehoseAsync(_http, chunksPerContext, chunkBytes, bytesLength, chunksPerSecond);
        if (_plainSettings is not null)
        {
            await _plainSettings.SetFirehoseAsync(_plainHttp!, chunksPerContext, chunkBytes, bytesLength, chunksPerSecond);
        }
    }

    public List<string> Failures { get; } = [];

    /// <summary>
    /// Below this many cores of CPU the emulator is waiting on the client, not the other way round: 0.9 when the
    /// emulator has one core to itself (bench/run.sh pins it with taskset; the client cannot take that core, so what
    /// the emulator leaves of it is spare), 0.75 when it shares the cores with the client.
    /// </summary>
    private double ServerBusyLimit => ServerLoad.AllowedCores(_settings.ServerPid) == 1 ? 0.9 : 0.75;

    /// <summary>How long each transport is warmed up before the first measured round (a moment in a smoke run).</summary>
    private TimeSpan WarmUpTime => _settings.WarmUp ?? (_settings.Smoke ? TimeSpan.Zero : TimeSpan.FromSeconds(15));

    private bool HasNode => _settings.NodeDirectory is { } dir && File.Exists(Path.Combine(dir, "node_modules", "@cartesia", "cartesia-js", "package.json"));

    public async Task RunAllAsync()
    {
        if (!HasNode)
        {
            _notes.Add("TypeScript SDK skipped: bench/node has no node_modules (run npm ci there).");
        }

        // Warm-up until both ends run tier-1 code: the emulators were just started, and tiered compilation keeps
        // recompiling hot methods (server and client alike) for several seconds of load; a round measured before that
        // would rank the clients by who ran first.
        Console.Error.WriteLine($"== warm-up (JIT, {WarmUpTime.TotalSeconds:0} s of each transport) against {_settings.BaseUri}{(_plainSettings is null ? "" : " and " + _plainSettings.BaseUri)}");
        await Guard("warm-up", async () =>
        {
            int chunks = _settings.Smoke ? 50 : 500;
            await SetFirehoseAsync(chunks, _settings.ChunkBytes, 1 << 20);
            foreach (string suffix in _plainSettings is null ? [""] : new[] { "", "-ws" })
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                do
                {
                    foreach (string client in new[] { "sdk", "pooled", "inline", "raw", "discard" })
                    {
                        (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, string name) = Transport(client + suffix);
                        foreach (int contexts in new[] { 1, 4 })
                        {
                            _ = name switch
                            {
                                "sdk" => await DotnetClients.ThroughputSdkAsync(sdk, contexts, chunks, _settings.ChunkBytes),
                                "pooled" => await DotnetClients.ThroughputSdkAsync(sdk, contexts, chunks, _settings.ChunkBytes, pooled: true),
                                "inline" => await DotnetClients.ThroughputSdkAsync(sdk, contexts, chunks, _settings.ChunkBytes, inline: true),
                                _ => await DotnetClients.ThroughputRawAsync(settings, invoker, contexts, chunks, _settings.ChunkBytes, discard: name == "discard"),
                            };
                        }
                    }

                    // The speech-to-text send path too, on this transport and for both clients: the TTS loop above
                    // warms the raw socket's send code as well, the SDK's STT queue not at all.
                    (BenchSettings sttSettings, HttpMessageInvoker sttInvoker, CartesiaClient sttSdk, _) = Transport("sdk" + suffix);
                    long sttBytes = (_settings.Smoke ? 100 : 1_000) * (long)_settings.SttFrameBytes;
                    await DotnetClients.SttSdkAsync(sttSdk, sttBytes, _settings.SttFrameBytes);
                    await DotnetClients.SttRawAsync(sttSettings, sttInvoker, sttBytes, _settings.SttFrameBytes);
                    await SttBlast.SendAsync(sttSettings, sttInvoker, sttBytes, _settings.SttFrameBytes);
                }
                while (clock.Elapsed < WarmUpTime);
            }

            await SetFirehoseAsync(1, _settings.ChunkBytes, 1 << 20);
            foreach (string client in Clients("sdk").Where(c => c != "ts"))
            {
                (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, _) = Transport(client);
                await DotnetClients.FirstAudioPairedAsync(sdk, settings, invoker, 200);
            }

        });

        await Guard("a1", () => ThroughputAsync("a1", 1, _settings.ThroughputChunks));
        await Guard("a100", () => ThroughputAsync("a100", _settings.ManyContexts, _settings.ManyContextChunks));
        await Guard("b", FirstAudioAsync);
        await Guard("c", BytesAsync);
        await Guard("d", () => ThousandAsync("d", paced: false));
        await Guard("dp", () => ThousandAsync("dp", paced: true));
        await Guard("e", () => SttAsync("e", paced: false));
        await Guard("ep", () => SttAsync("ep", paced: true));
        await Guard("f", StartAsync);
    }

    private async Task Guard(string workload, Func<Task> run)
    {
        if (_settings.Only.Count > 0 && workload != "warm-up" && !_settings.Only.Contains(workload))
        {
            return;
        }

        try
        {
            await run();
        }
        catch (Exception ex)
        {
            Failures.Add($"{workload}: {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine($"!! {workload} failed: {ex}");
        }
    }

    private void Add(string workload, string client, string metric, double value, string unit)
    {
        _samples.Add(new Sample(workload, client, metric, value, unit));
        Console.Error.WriteLine($"   {workload,-5} {client,-8} {metric,-14} {value,12:0.###} {unit}");
    }

    private static IEnumerable<string> Rotate(string[] clients, int round) => clients.Skip(round % clients.Length).Concat(clients.Take(round % clients.Length));

    /// <summary>
    /// The clients of run <paramref name="run"/> of a workload that runs each .NET client <paramref name="repeats"/>
    /// times a round (<see cref="BenchSettings.Repeats"/>), in turn: the TypeScript SDK only in a round's first run,
    /// as it is compared by its median rather than pair by pair.
    /// </summary>
    private static IEnumerable<string> PairedRun(string[] clients, int run, int repeats) => Rotate(clients, run).Where(c => c != "ts" || run % repeats == 0);

    /// <summary>The clients of a workload: the .NET ones (also over plain ws when there is a plain emulator) and the TypeScript SDK.</summary>
    private string[] Clients(params string[] dotnet)
        => [.. dotnet, .. _plainSettings is null ? [] : dotnet.Select(c => c + "-ws"), .. HasNode ? ["ts"] : Array.Empty<string>()];

    /// <summary>The clients of a workload measured over TLS only.</summary>
    private string[] TlsClients(params string[] dotnet) => [.. dotnet, .. HasNode ? ["ts"] : Array.Empty<string>()];

    private async Task ThroughputAsync(string workload, int contexts, int chunks)
    {
        Console.Error.WriteLine($"== ({workload}) TTS WebSocket receive throughput: {contexts} context(s) x {chunks} chunks of {_settings.ChunkBytes} bytes");
        await SetFirehoseAsync(chunks, _settings.ChunkBytes, 1 << 20);
        int repeats = _settings.Repeats;
        for (int round = 0; round < _settings.Rounds * repeats; round++)
        {
            foreach (string client in PairedRun(Clients("discard", "raw", "sdk", "pooled", "inline"), round, repeats))
            {
                (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, string name) = Transport(client);
                using var server = ServerLoad.Start(settings.ServerPid);
                double mbps = name switch
                {
                    "inline" => await DotnetClients.ThroughputSdkAsync(sdk, contexts, chunks, _settings.ChunkBytes, inline: true),
                    "pooled" => await DotnetClients.ThroughputSdkAsync(sdk, contexts, chunks, _settings.ChunkBytes, pooled: true),
                    "discard" => await DotnetClients.ThroughputRawAsync(settings, invoker, contexts, chunks, _settings.ChunkBytes, discard: true),
                    "raw" => await DotnetClients.ThroughputRawAsync(settings, invoker, contexts, chunks, _settings.ChunkBytes, discard: false),
                    "sdk" => await DotnetClients.ThroughputSdkAsync(sdk, contexts, chunks, _settings.ChunkBytes),
                    _ => (await ChildProcesses.RunNodeAsync(_settings, new { workload = "throughput", url = _settings.BaseUri.ToString(), contexts, chunks, chunkBytes = _settings.ChunkBytes }))["mbps"],
                };
                Add(workload, client, "throughput", mbps, "MB/s");
                if (server?.Cores() is { } cores)
                {
                    Add(workload, client, "server_cores", cores, "cores");
                }

                if (name != "ts")
                {
                    Add(workload, client, "cpu_per_mb", DotnetClients.LastCpuMsPerMb, "ms");
                }

                if (name is "raw" or "sdk" or "pooled" or "inline")
                {
                    Add(workload, client, "alloc_per_chunk", DotnetClients.LastAllocatedPerChunk, "B");
                }
            }
        }
    }

    private async Task FirstAudioAsync()
    {
        int iterations = _settings.TtfaIterations;
        Console.Error.WriteLine($"== (b) send to first audio chunk over loopback: {iterations} contexts one after another (the SDK and raw alternating)");
        await SetFirehoseAsync(1, _settings.ChunkBytes, 1 << 20);
        for (int round = 0; round < _settings.Rounds; round++)
        {
            // One entry per transport (the SDK and raw interleaved on it) and the TypeScript SDK.
            foreach (string client in Rotate(Clients("sdk"), round))
            {
                (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, string name) = Transport(client);
                if (name == "ts")
                {
                    (double p50, double p99) = await NodeFirstAudio(iterations);
                    Add("b", client, "p50", p50, "us");
                    Add("b", client, "p99", p99, "us");
                    continue;
                }

                (List<double> raw, List<double> mine) = await DotnetClients.FirstAudioPairedAsync(sdk, settings, invoker, iterations);
                string suffix = client[name.Length..];
                Add("b", "raw" + suffix, "p50", Stats.Percentile(raw, 50), "us");
                Add("b", "raw" + suffix, "p99", Stats.Percentile(raw, 99), "us");
                Add("b", client, "p50", Stats.Percentile(mine, 50), "us");
                Add("b", client, "p99", Stats.Percentile(mine, 99), "us");
            }
        }

        async Task<(double, double)> NodeFirstAudio(int n)
        {
            Dictionary<string, double> r = await ChildProcesses.RunNodeAsync(_settings, new { workload = "ttfa", url = _settings.BaseUri.ToString(), iterations = n });
            return (r["p50"], r["p99"]);
        }
    }

    private async Task BytesAsync()
    {
        foreach (long length in _settings.BytesLengths)
        {
            string workload = $"c{length >> 20}M";
            Console.Error.WriteLine($"== ({workload}) /tts/bytes of {length >> 20} MiB streamed to a file (each client in its own process)");
            await SetFirehoseAsync(1, _settings.ChunkBytes, length);
            for (int round = 0; round < _settings.Rounds; round++)
            {
                foreach (string client in Rotate(TlsClients("raw", "sdk"), round))
                {
                    Dictionary<string, double> r = client == "ts"
                        ? await ChildProcesses.RunNodeAsync(_settings, new { workload = "bytes", url = _settings.BaseUri.ToString(), length })
                        : await ChildProcesses.RunBytesChildAsync(_settings, client);
                    DotnetClients.Check((long)r["bytes"] == length, $"{client} wrote {r["bytes"]} bytes of {length}");
                    Add(workload, client, "throughput", r["mbps"], "MB/s");
                    Add(workload, client, "peak_rss", r["peak_rss_mb"], "MB");
                }
            }
        }
    }

    private async Task ThousandAsync(string workload, bool paced)
    {
        int contexts = _settings.ThousandContexts, chunks = _settings.ThousandContextChunks;
        int? rate = paced ? _settings.PacedChunksPerSecond : null;
        Console.Error.WriteLine($"== ({workload}) {contexts} concurrent contexts on one socket, {chunks} chunks each, {(paced ? $"paced at {rate} chunks/s" : "as fast as the client reads")}");
        await SetFirehoseAsync(chunks, _settings.ChunkBytes, 1 << 20, rate);
        byte[] expected = Tone(_settings.ChunkBytes);
        int repeats = _settings.Repeats;
        for (int round = 0; round < _settings.Rounds * repeats; round++)
        {
            foreach (string client in PairedRun(Clients("raw", "sdk", "pooled", "inline"), round, repeats))
            {
                (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, string name) = Transport(client);
                Settle();
                using var server = ServerLoad.Start(settings.ServerPid);
                if (name == "ts")
                {
                    Dictionary<string, double> r = await ChildProcesses.RunNodeAsync(_settings, new { workload = "many", url = _settings.BaseUri.ToString(), contexts, chunks, chunkBytes = _settings.ChunkBytes });
                    Add(workload, client, "completion", r["completion_ms"], "ms");
                    Add(workload, client, "latency_p99", r["p99"], "us");
                    Add(workload, client, "lost", r["lost"], "chunks");
                    Add(workload, client, "misrouted", r["misrouted"], "chunks");
                    if (server?.Cores() is { } tsCores)
                    {
                        Add(workload, client, "server_cores", tsCores, "cores");
                    }

                    continue;
                }

                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1);
                TimeSpan paused = GC.GetTotalPauseDuration();
                DotnetClients.ManyResult result = name == "raw"
                    ? await DotnetClients.ManyRawAsync(settings, invoker, contexts, chunks, expected)
                    : await DotnetClients.ManySdkAsync(sdk, contexts, chunks, expected, inline: name == "inline", pooled: name == "pooled");
                Add(workload, client, "completion", result.CompletionMs, "ms");
                Add(workload, client, "gen0", GC.CollectionCount(0) - gen0, "GCs");
                Add(workload, client, "gen1", GC.CollectionCount(1) - gen1, "GCs");
                Add(workload, client, "gc_pause", (GC.GetTotalPauseDuration() - paused).TotalMilliseconds, "ms");
                if (server?.Cores() is { } cores)
                {
                    Add(workload, client, "server_cores", cores, "cores");
                }

                Add(workload, client, "cpu_per_mb", DotnetClients.LastCpuMsPerMb, "ms");
                Add(workload, client, "latency_p50", Stats.Percentile(result.LatencyMicros, 50), "us");
                Add(workload, client, "latency_p99", Stats.Percentile(result.LatencyMicros, 99), "us");
                Add(workload, client, "steady_p99", Stats.Percentile(result.SteadyLatencyMicros, 99), "us");
                Add(workload, client, "texts_sent", result.StartMs, "ms");
                Add(workload, client, "lost", result.Lost, "chunks");
                Add(workload, client, "misrouted", result.Misrouted, "chunks");
            }
        }
    }

    /// <summary>
    /// (e): each client sends as fast as it can, and the MB/s compare. (ep): both .NET clients send at
    /// <see cref="BenchSettings.PacedSttBytesPerSecond"/>, and their CPU per MB compares (the TypeScript SDK is not
    /// paced, so it is left out of (ep)).
    /// </summary>
    private async Task SttAsync(string workload, bool paced)
    {
        long total = paced ? _settings.PacedSttBytes : _settings.SttBytes;
        double? pace = paced ? _settings.PacedSttBytesPerSecond : null;
        string how = paced ? $", paced at {_settings.PacedSttBytesPerSecond / 1e6:0} MB/s" : HasNode ? string.Empty : " (TypeScript SDK skipped)";
        Console.Error.WriteLine($"== ({workload}) STT streaming send: {total >> 20} MiB in {_settings.SttFrameBytes}-byte frames{how}");
        // Each round runs the .NET clients in several alternating pairs (a run is a fraction of a second, and this VM
        // has slow spells longer than that): the ratio is the median over all pairs.
        int repeats = paced ? _settings.PacedSttRepeats : _settings.Repeats;
        for (int round = 0; round < _settings.Rounds * repeats; round++)
        {
            // (ep) leaves the TypeScript SDK out: it is not paced.
            foreach (string client in PairedRun(paced ? Clients("raw", "sdk") : Clients("raw", "sdk", "blast"), round, repeats).Where(c => !paced || c != "ts"))
            {
                (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, string name) = Transport(client);
                Settle();
                using var server = ServerLoad.Start(settings.ServerPid);
                double mbps = name switch
                {
                    "raw" => await DotnetClients.SttRawAsync(settings, invoker, total, _settings.SttFrameBytes, pace),
                    "sdk" => await DotnetClients.SttSdkAsync(sdk, total, _settings.SttFrameBytes, pace),
                    "blast" => await SttBlast.SendAsync(settings, invoker, total, _settings.SttFrameBytes),
                    _ => (await ChildProcesses.RunNodeAsync(_settings, new { workload = "stt", url = _settings.BaseUri.ToString(), total, frameBytes = _settings.SttFrameBytes }))["mbps"],
                };
                Add(workload, client, "throughput", mbps, "MB/s");
                if (server?.Cores() is { } cores)
                {
                    Add(workload, client, "server_cores", cores, "cores");
                }

                if (name != "ts")
                {
                    Add(workload, client, "cpu_per_mb", DotnetClients.LastCpuMsPerMb, "ms");
                }
            }
        }
    }

    /// <summary>
    /// Collects the garbage earlier runs left in this process before a client's run of (d), (dp), (e) or (ep), so a
    /// run pays only for its own garbage: a collection that a previous run's allocations made due would otherwise land
    /// in whichever client ran next (the pooled reader's and even the raw client's runs had pauses of 6–11 ms that way).
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private async Task StartAsync()
    {
        var kinds = new List<string>();
        if (_settings.FirstAudioJit is { } jit && File.Exists(jit))
        {
            kinds.Add("jit");
        }

        if (_settings.FirstAudioAot is { } aot && File.Exists(aot))
        {
            kinds.Add("aot");
        }
        else
        {
            _notes.Add("(f) NativeAOT skipped: no published FirstAudio binary (bench/run.sh publishes it outside --smoke).");
        }

        if (HasNode)
        {
            kinds.Add("ts");
        }

        Console.Error.WriteLine($"== (f) process start to first audio: {string.Join(", ", kinds)}");
        await SetFirehoseAsync(1, _settings.ChunkBytes, 1 << 20);
        for (int round = 0; round < _settings.Rounds; round++)
        {
            foreach (string kind in Rotate([.. kinds], round))
            {
                Add("f", kind, "start_to_audio", await ChildProcesses.StartToFirstAudioAsync(_settings, kind), "ms");
            }
        }
    }

    /// <summary>The firehose's chunk audio (16-bit PCM of a 440 Hz tone at 24 kHz), to check what arrived.</summary>
    private static byte[] Tone(int bytes)
    {
        byte[] audio = new byte[bytes];
        for (int i = 0; i + 1 < bytes; i += 2)
        {
            short sample = (short)(Math.Sin(2 * Math.PI * 440 * (i / 2) / 24000.0) * 8000);
            audio[i] = (byte)sample;
            audio[i + 1] = (byte)(sample >> 8);
        }

        return audio;
    }
}
