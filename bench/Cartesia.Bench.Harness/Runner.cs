using System.Text;
using System.Text.Json;

namespace Cartesia.Bench.Harness;

/// <summary>Runs every workload, round by round with the clients in a rotating order, and summarises.</summary>
internal sealed class Runner
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

    private async Task SetFirehoseAsync(int chunksPerContext, int chunkBytes, long bytesLength)
    {
        await _settings.SetFirehoseAsync(_http, chunksPerContext, chunkBytes, bytesLength);
        if (_plainSettings is not null)
        {
            await _plainSettings.SetFirehoseAsync(_plainHttp!, chunksPerContext, chunkBytes, bytesLength);
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
                }
                while (clock.Elapsed < WarmUpTime);
            }

            await SetFirehoseAsync(1, _settings.ChunkBytes, 1 << 20);
            foreach (string client in Clients("sdk").Where(c => c != "ts"))
            {
                (BenchSettings settings, HttpMessageInvoker invoker, CartesiaClient sdk, _) = Transport(client);
                await DotnetClients.FirstAudioPairedAsync(sdk, settings, invoker, 200);
            }

            await DotnetClients.SttSdkAsync(_client, 320_000, _settings.SttFrameBytes);
            await DotnetClients.SttRawAsync(_settings, _rawInvoker, 320_000, _settings.SttFrameBytes);
        });

        await Guard("a1", () => ThroughputAsync("a1", 1, _settings.ThroughputChunks));
        await Guard("a100", () => ThroughputAsync("a100", _settings.ManyContexts, _settings.ManyContextChunks));
        await Guard("b", FirstAudioAsync);
        await Guard("c", BytesAsync);
        await Guard("d", ThousandAsync);
        await Guard("e", SttAsync);
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

    /// <summary>The clients of a workload: the .NET ones (also over plain ws when there is a plain emulator) and the TypeScript SDK.</summary>
    private string[] Clients(params string[] dotnet)
        => [.. dotnet, .. _plainSettings is null ? [] : dotnet.Select(c => c + "-ws"), .. HasNode ? ["ts"] : Array.Empty<string>()];

    /// <summary>The clients of a workload measured over TLS only.</summary>
    private string[] TlsClients(params string[] dotnet) => [.. dotnet, .. HasNode ? ["ts"] : Array.Empty<string>()];

    private async Task ThroughputAsync(string workload, int contexts, int chunks)
    {
        Console.Error.WriteLine($"== ({workload}) TTS WebSocket receive throughput: {contexts} context(s) x {chunks} chunks of {_settings.ChunkBytes} bytes");
        await SetFirehoseAsync(chunks, _settings.ChunkBytes, 1 << 20);
        for (int round = 0; round < _settings.Rounds; round++)
        {
            foreach (string client in Rotate(Clients("discard", "raw", "sdk", "pooled", "inline"), round))
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

    private async Task ThousandAsync()
    {
        int contexts = _settings.ThousandContexts, chunks = _settings.ThousandContextChunks;
        Console.Error.WriteLine($"== (d) {contexts} concurrent contexts on one socket, {chunks} chunks each");
        await SetFirehoseAsync(chunks, _settings.ChunkBytes, 1 << 20);
        byte[] expected = Tone(_settings.ChunkBytes);
        for (int round = 0; round < _settings.Rounds; round++)
        {
            foreach (string client in Rotate(TlsClients("raw", "sdk", "inline"), round))
            {
                using var server = ServerLoad.Start(_settings.ServerPid);
                if (client == "ts")
                {
                    Dictionary<string, double> r = await ChildProcesses.RunNodeAsync(_settings, new { workload = "many", url = _settings.BaseUri.ToString(), contexts, chunks, chunkBytes = _settings.ChunkBytes });
                    Add("d", client, "completion", r["completion_ms"], "ms");
                    Add("d", client, "latency_p99", r["p99"], "us");
                    Add("d", client, "lost", r["lost"], "chunks");
                    Add("d", client, "misrouted", r["misrouted"], "chunks");
                    if (server?.Cores() is { } tsCores)
                    {
                        Add("d", client, "server_cores", tsCores, "cores");
                    }

                    continue;
                }

                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1);
                DotnetClients.ManyResult result = client == "raw"
                    ? await DotnetClients.ManyRawAsync(_settings, _rawInvoker, contexts, chunks, expected)
                    : await DotnetClients.ManySdkAsync(_client, contexts, chunks, expected, inline: client == "inline");
                Add("d", client, "completion", result.CompletionMs, "ms");
                Add("d", client, "gen0", GC.CollectionCount(0) - gen0, "GCs");
                Add("d", client, "gen1", GC.CollectionCount(1) - gen1, "GCs");
                if (server?.Cores() is { } cores)
                {
                    Add("d", client, "server_cores", cores, "cores");
                }
                Add("d", client, "latency_p50", Stats.Percentile(result.LatencyMicros, 50), "us");
                Add("d", client, "latency_p99", Stats.Percentile(result.LatencyMicros, 99), "us");
                Add("d", client, "lost", result.Lost, "chunks");
                Add("d", client, "misrouted", result.Misrouted, "chunks");
            }
        }
    }

    private async Task SttAsync()
    {
        long total = _settings.SttBytes;
        Console.Error.WriteLine($"== (e) STT streaming send: {total >> 20} MiB in {_settings.SttFrameBytes}-byte frames{(HasNode ? string.Empty : " (TypeScript SDK skipped)")}");
        for (int round = 0; round < _settings.Rounds; round++)
        {
            foreach (string client in Rotate(TlsClients("raw", "sdk"), round))
            {
                using var server = ServerLoad.Start(_settings.ServerPid);
                double mbps = client switch
                {
                    "raw" => await DotnetClients.SttRawAsync(_settings, _rawInvoker, total, _settings.SttFrameBytes),
                    "sdk" => await DotnetClients.SttSdkAsync(_client, total, _settings.SttFrameBytes),
                    _ => (await ChildProcesses.RunNodeAsync(_settings, new { workload = "stt", url = _settings.BaseUri.ToString(), total, frameBytes = _settings.SttFrameBytes }))["mbps"],
                };
                Add("e", client, "throughput", mbps, "MB/s");
                if (server?.Cores() is { } cores)
                {
                    Add("e", client, "server_cores", cores, "cores");
                }
            }
        }
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

    private double[] Values(string workload, string client, string metric)
        => [.. _samples.Where(s => s.Workload == workload && s.Client == client && s.Metric == metric).Select(s => s.Value)];

    private double? Median(string workload, string client, string metric)
    {
        double[] values = Values(workload, client, metric);
        return values.Length == 0 ? null : Stats.Median(values);
    }

    /// <summary>
    /// The median over rounds of one client's value divided by another's in the same round: the clients of a round
    /// run back to back, so a slow spell of the machine moves both sides of each ratio.
    /// </summary>
    private double? RoundRatio(string workload, string client, string baseline, string metric = "throughput")
        => PerRound(workload, client, baseline, metric, static (a, b) => b != 0 ? a / b : null);

    /// <summary>The median over rounds of one client's value minus another's in the same round.</summary>
    private double? RoundDifference(string workload, string client, string baseline, string metric)
        => PerRound(workload, client, baseline, metric, static (a, b) => a - b);

    /// <summary>The median over rounds of a client's value combined with the baseline's of the same round (null pairs left out).</summary>
    private double? PerRound(string workload, string client, string baseline, string metric, Func<double, double, double?> combine)
    {
        double[] a = Values(workload, client, metric);
        double[] b = Values(workload, baseline, metric);
        int n = Math.Min(a.Length, b.Length);
        return n == 0 ? null : Stats.Median([.. Enumerable.Range(0, n).Select(i => combine(a[i], b[i])).OfType<double>()]);
    }

    private static string F(double? value, string format = "0.0") => value is { } v && !double.IsNaN(v) ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private static double? Ratio(double? a, double? b) => a is { } x && b is { } y && y != 0 ? x / y : null;

    private readonly List<(string Target, string Measured, bool? Holds)> _targets = [];

    /// <summary>
    /// The "server not the bottleneck" line of a workload: the emulator under <see cref="ServerBusyLimit"/> cores while
    /// the raw client ran, or (throughput) a client that only discards frames well above the raw one.
    /// </summary>
    private void ServerCheck(string workload, double? busy, double? discardToRaw = null)
    {
        double limit = ServerBusyLimit;
        string measured = (discardToRaw is null ? string.Empty : $"discard {F(discardToRaw, "0.00")} x raw; ") + $"emulator {F(busy, "0.00")} cores";
        bool? holds = busy is null && discardToRaw is null ? null : (discardToRaw > 1.2) || (busy < limit);
        _targets.Add(($"{workload}: server not the bottleneck ({(discardToRaw is null ? string.Empty : "discard well above raw, or ")}the emulator under {limit:0.##} core while raw ran)", measured, holds));
    }

    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Cartesia for .NET benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; medians of {_settings.Rounds} round(s){(_settings.Smoke ? " (SMOKE: tiny sizes, numbers mean nothing)" : string.Empty)}");
        text.AppendLine();
        text.AppendLine("| workload | discard | raw .NET | SDK | TypeScript SDK | SDK / raw | SDK / TS | raw / TS |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (string x in _plainSettings is null ? new[] { "" } : ["-ws", ""])
        {
            string via = x == "-ws" ? "ws://" : "wss://";
            foreach ((string w, string name) in new[] { ("a1", $"(a) {via} receive, 1 context (MB/s decoded)"), ("a100", $"(a) {via} receive, {_settings.ManyContexts} contexts (MB/s decoded)") })
            {
                double? d = Median(w, "discard" + x, "throughput"), r = Median(w, "raw" + x, "throughput"), s = Median(w, "sdk" + x, "throughput"), t = x == "" ? Median(w, "ts", "throughput") : null;
                double? sdkToRaw = RoundRatio(w, "sdk" + x, "raw" + x), pooledToRaw = RoundRatio(w, "pooled" + x, "raw" + x);
                string head = name[..name.IndexOf('(', 3)];
                text.AppendLine($"| {name} | {F(d)} | {F(r)} | {F(s)} | {F(t)} | {F(sdkToRaw, "0.00")} | {F(Ratio(s, t), "0.00")} | {F(Ratio(r, t), "0.00")} |");
                double? p = Median(w, "pooled" + x, "throughput"), i = Median(w, "inline" + x, "throughput");
                text.AppendLine($"| {head}SDK reading pooled audio (ReadPooledEventsAsync) | | | {F(p)} | | {F(pooledToRaw, "0.00")} | {F(Ratio(p, t), "0.00")} | |");
                text.AppendLine($"| {head}SDK with DeliverEventsInline | | | {F(i)} | | {F(RoundRatio(w, "inline" + x, "raw" + x), "0.00")} | {F(Ratio(i, t), "0.00")} | |");
                text.AppendLine($"| {head}allocated per chunk beyond the audio (B); pooled: in all | | {F(Median(w, "raw" + x, "alloc_per_chunk"), "0")} | {F(Median(w, "sdk" + x, "alloc_per_chunk"), "0")}; pooled {F(Median(w, "pooled" + x, "alloc_per_chunk"), "0")} | | | | |");
                text.AppendLine($"| {head}client CPU per MB (ms) | {F(Median(w, "discard" + x, "cpu_per_mb"), "0.00")} | {F(Median(w, "raw" + x, "cpu_per_mb"), "0.00")} | {F(Median(w, "sdk" + x, "cpu_per_mb"), "0.00")}; pooled {F(Median(w, "pooled" + x, "cpu_per_mb"), "0.00")} | | | | |");
                _targets.Add(($"{w} {via}: SDK >= 0.85 x raw", F(sdkToRaw, "0.00"), sdkToRaw is { } q ? q >= 0.85 : null));
                _targets.Add(($"{w} {via}: SDK reading pooled audio >= 0.85 x raw", F(pooledToRaw, "0.00"), pooledToRaw is { } qp ? qp >= 0.85 : null));
                if (x == "")
                {
                    _targets.Add(($"{w} {via}: SDK >= 2 x TypeScript SDK", F(Ratio(s, t), "0.00"), Ratio(s, t) is { } q2 ? q2 >= 2 : null));
                    _targets.Add(($"{w} {via}: SDK reading pooled audio >= 2 x TypeScript SDK", F(Ratio(p, t), "0.00"), Ratio(p, t) is { } q4 ? q4 >= 2 : null));
                }

                double? busy = Median(w, "raw" + x, "server_cores");
                if (busy is not null)
                {
                    text.AppendLine($"| {head}emulator CPU while the client ran (cores) | {F(Median(w, "discard" + x, "server_cores"), "0.00")} | {F(busy, "0.00")} | {F(Median(w, "sdk" + x, "server_cores"), "0.00")}; pooled {F(Median(w, "pooled" + x, "server_cores"), "0.00")} | {F(x == "" ? Median(w, "ts", "server_cores") : null, "0.00")} | | | |");
                }

                // The server is not the limit when a client that only discards frames gets well above the raw one, or
                // (where decoding is too cheap a part of a client's work for that to show) when the emulator is far
                // from busy while the raw client runs: its one writer per connection waits on the client.
                ServerCheck($"{w} {via}", busy, Ratio(d, r));
            }

            foreach (string p in new[] { "p50", "p99" })
            {
                double? r = Median("b", "raw" + x, p), s = Median("b", "sdk" + x, p), t = x == "" ? Median("b", "ts", p) : null;
                text.AppendLine($"| (b) {via} send to first audio {p} (µs) | | {F(r)} | {F(s)} | {F(t)} | {F(RoundDifference("b", "sdk" + x, "raw" + x, p), "+0.0;-0.0")} µs | {F(Ratio(s, t), "0.00")} | {F(Ratio(r, t), "0.00")} |");
            }

            double? added = RoundDifference("b", "sdk" + x, "raw" + x, "p50");
            _targets.Add(($"b {via}: SDK adds <= 50 µs to first audio at p50", $"{F(added)} µs", added is { } ad ? ad <= 50 : null));
        }

        foreach (long length in _settings.BytesLengths)
        {
            string w = $"c{length >> 20}M";
            double? r = Median(w, "raw", "throughput"), s = Median(w, "sdk", "throughput"), t = Median(w, "ts", "throughput");
            double? sr = RoundRatio(w, "sdk", "raw");
            text.AppendLine($"| (c) /tts/bytes {length >> 20} MiB to a file (MB/s) | | {F(r)} | {F(s)} | {F(t)} | {F(sr, "0.00")} | {F(Ratio(s, t), "0.00")} | {F(Ratio(r, t), "0.00")} |");
            text.AppendLine($"| (c) /tts/bytes {length >> 20} MiB peak RSS (MB) | | {F(Median(w, "raw", "peak_rss"))} | {F(Median(w, "sdk", "peak_rss"))} | {F(Median(w, "ts", "peak_rss"))} | | | |");
            _targets.Add(($"{w}: SDK >= 0.95 x raw HttpClient", F(sr, "0.00"), sr is { } q ? q >= 0.95 : null));
        }

        if (_settings.BytesLengths is [long small, .., long large])
        {
            double? a = Median($"c{small >> 20}M", "sdk", "peak_rss"), b = Median($"c{large >> 20}M", "sdk", "peak_rss");
            _targets.Add(($"c: SDK peak memory independent of length ({small >> 20} → {large >> 20} MiB)", $"{F(a)} → {F(b)} MB", a is { } x && b is { } y ? y - x < 16 : null));
        }

        int contexts = _settings.ThousandContexts;
        text.AppendLine($"| (d) {contexts} contexts: completion (ms) | | {F(Median("d", "raw", "completion"))} | {F(Median("d", "sdk", "completion"))} | {F(Median("d", "ts", "completion"))} | {F(Ratio(Median("d", "raw", "completion"), Median("d", "sdk", "completion")), "0.00")} (speed) | {F(Ratio(Median("d", "ts", "completion"), Median("d", "sdk", "completion")), "0.00")} (speed) | |");
        foreach (string p in new[] { "p50", "p99" })
        {
            double? dr = Median("d", "raw", "latency_" + p), ds = Median("d", "sdk", "latency_" + p), di = Median("d", "inline", "latency_" + p), dt = Median("d", "ts", "latency_" + p);
            text.AppendLine($"| (d) {contexts} contexts: chunk delivery {p} (µs) | | {F(dr)} | {F(ds)}; inline {F(di)} | {F(dt)} | {F(RoundRatio("d", "sdk", "raw", "latency_" + p), "0.00")}; inline {F(RoundRatio("d", "inline", "raw", "latency_" + p), "0.00")} | {F(Ratio(ds, dt), "0.00")} | |");
        }

        double lostSdk = _samples.Where(s => s.Workload == "d" && s.Client == "sdk" && s.Metric is "lost" or "misrouted").Sum(s => s.Value);
        text.AppendLine($"| (d) {contexts} contexts: lost + misrouted chunks, all rounds | | {F(_samples.Where(s => s.Workload == "d" && s.Client == "raw" && s.Metric is "lost" or "misrouted").Sum(s => s.Value), "0")} | {F(lostSdk, "0")} | {F(_samples.Any(s => s.Client == "ts" && s.Workload == "d") ? _samples.Where(s => s.Workload == "d" && s.Client == "ts" && s.Metric is "lost" or "misrouted").Sum(s => s.Value) : null, "0")} | | | |");
        double? dRatio = RoundRatio("d", "sdk", "raw", "latency_p99"), dInline = RoundRatio("d", "inline", "raw", "latency_p99");
        _targets.Add(("d: SDK chunk delivery p99 <= 2 x raw", $"{F(dRatio, "0.00")} (DeliverEventsInline {F(dInline, "0.00")})", dRatio is { } dq ? dq <= 2 : null));
        text.AppendLine($"| (d) {contexts} contexts: emulator CPU while the client ran (cores) | | {F(Median("d", "raw", "server_cores"), "0.00")} | {F(Median("d", "sdk", "server_cores"), "0.00")}; inline {F(Median("d", "inline", "server_cores"), "0.00")} | {F(Median("d", "ts", "server_cores"), "0.00")} | | | |");
        ServerCheck("d", Median("d", "raw", "server_cores"));
        bool ranD = _samples.Any(s => s.Workload == "d" && s.Client == "sdk");
        _targets.Add(($"d: {contexts} contexts complete, no misrouted or lost chunk", ranD ? $"{lostSdk:0} bad" : "n/a", ranD ? lostSdk == 0 : null));

        double? er = Median("e", "raw", "throughput"), es = Median("e", "sdk", "throughput"), et = Median("e", "ts", "throughput");
        double? eRatio = RoundRatio("e", "sdk", "raw");
        text.AppendLine($"| (e) STT streaming send (MB/s) | | {F(er)} | {F(es)} | {F(et)} | {F(eRatio, "0.00")} | {F(Ratio(es, et), "0.00")} | {F(Ratio(er, et), "0.00")} |");
        text.AppendLine($"| (e) emulator CPU while the client ran (cores) | | {F(Median("e", "raw", "server_cores"), "0.00")} | {F(Median("e", "sdk", "server_cores"), "0.00")} | {F(Median("e", "ts", "server_cores"), "0.00")} | | | |");
        _targets.Add(("e: SDK >= 0.9 x raw", F(eRatio, "0.00"), eRatio is { } eq ? eq >= 0.9 : null));
        ServerCheck("e", Median("e", "raw", "server_cores"));
        text.AppendLine($"| (f) process start to first audio (ms) | | | JIT {F(Median("f", "jit", "start_to_audio"), "0")}, AOT {F(Median("f", "aot", "start_to_audio"), "0")} | {F(Median("f", "ts", "start_to_audio"), "0")} | | | |");

        text.AppendLine();
        text.AppendLine("Targets:");
        foreach ((string target, string measured, bool? holds) in _targets)
        {
            text.AppendLine($"  [{(holds is null ? "n/a " : holds.Value ? "HOLD" : "MISS")}] {target}: {measured}");
        }

        foreach (string note in _notes)
        {
            text.AppendLine($"Note: {note}");
        }

        foreach (string failure in Failures)
        {
            text.AppendLine($"FAILED: {failure}");
        }

        return text.ToString();
    }

    public string Json() => JsonSerializer.Serialize(new
    {
        machine = new { cores = Environment.ProcessorCount, dotnet = Environment.Version.ToString(), os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
        smoke = _settings.Smoke,
        rounds = _settings.Rounds,
        medians = _samples.GroupBy(s => (s.Workload, s.Client, s.Metric, s.Unit)).Select(g => new { workload = g.Key.Workload, client = g.Key.Client, metric = g.Key.Metric, unit = g.Key.Unit, median = Stats.Median([.. g.Select(s => s.Value)]), samples = g.Select(s => s.Value).ToArray() }),
        targets = _targets.Select(t => new { t.Target, t.Measured, t.Holds }),
        notes = _notes,
        failures = Failures,
    }, JsonOut.Options);

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
