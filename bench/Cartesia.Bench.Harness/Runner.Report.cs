using System.Text;
using System.Text.Json;

namespace Cartesia.Bench.Harness;

/// <summary>The summary of a run: medians, per-round ratios, the table and the targets, and the JSON.</summary>
internal sealed partial class Runner
{
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
    /// the raw client ran, or (throughput) a client that does no per-frame work — (a)'s discard reader, (e)'s blast
    /// sender — well above the raw one.
    /// </summary>
    private void ServerCheck(string workload, double? busy, double? ceilingToRaw = null, string ceiling = "discard")
    {
        double limit = ServerBusyLimit;
        string measured = (ceilingToRaw is null ? string.Empty : $"{ceiling} {F(ceilingToRaw, "0.00")} x raw; ") + $"emulator {F(busy, "0.00")} cores";
        bool? holds = busy is null && ceilingToRaw is null ? null : (ceilingToRaw > 1.2) || (busy < limit);
        _targets.Add(($"{workload}: server not the bottleneck ({(ceilingToRaw is null ? string.Empty : $"{ceiling} well above raw, or ")}the emulator under {limit:0.##} core while raw ran)", measured, holds));
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

        foreach (string x in _plainSettings is null ? new[] { "" } : ["-ws", ""])
        {
            ReportLatencyAndStt(text, x);
        }

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

    /// <summary>The (d), (dp) and (e) rows and targets of one transport (<paramref name="x"/>: "-ws" for plain ws, "" for TLS, where the TypeScript SDK runs too).</summary>
    private void ReportLatencyAndStt(StringBuilder text, string x)
    {
        ReportDelivery(text, x, "d", "firehose");
        ReportDelivery(text, x, "dp", $"paced at {_settings.PacedChunksPerSecond} chunks/s");
        ReportStt(text, x);
        ReportPacedStt(text, x);
    }

    private void ReportDelivery(StringBuilder text, string x, string w, string how)
    {
        if (!_samples.Any(s => s.Workload == w && s.Client == "raw" + x))
        {
            return;
        }

        string via = x == "-ws" ? "ws://" : "wss://";
        string? ts = x == "" ? "ts" : null;
        double? Ts(string metric) => ts is null ? null : Median(w, ts, metric);
        double Bad(string client) => _samples.Where(s => s.Workload == w && s.Client == client && s.Metric is "lost" or "misrouted").Sum(s => s.Value);

        string head = $"({w}) {via} {_settings.ThousandContexts} contexts, {how}:";
        double? rc = Median(w, "raw" + x, "completion"), sc = Median(w, "sdk" + x, "completion"), tc = Ts("completion");
        text.AppendLine($"| {head} completion (ms) | | {F(rc)} | {F(sc)} | {F(tc)} | {F(Ratio(rc, sc), "0.00")} (speed) | {F(Ratio(tc, sc), "0.00")} (speed) | |");
        foreach (string p in new[] { "p50", "p99" })
        {
            double? dr = Median(w, "raw" + x, "latency_" + p), ds = Median(w, "sdk" + x, "latency_" + p), di = Median(w, "inline" + x, "latency_" + p), dq = Median(w, "pooled" + x, "latency_" + p), dt = Ts("latency_" + p);
            text.AppendLine($"| {head} chunk delivery {p} (µs) | | {F(dr)} | {F(ds)}; pooled {F(dq)}; inline {F(di)} | {F(dt)} | {F(RoundRatio(w, "sdk" + x, "raw" + x, "latency_" + p), "0.00")}; pooled {F(RoundRatio(w, "pooled" + x, "raw" + x, "latency_" + p), "0.00")}; inline {F(RoundRatio(w, "inline" + x, "raw" + x, "latency_" + p), "0.00")} | {F(Ratio(ds, dt), "0.00")} | |");
        }

        double? sr = Median(w, "raw" + x, "steady_p99"), ss = Median(w, "sdk" + x, "steady_p99"), sq = Median(w, "pooled" + x, "steady_p99"), si = Median(w, "inline" + x, "steady_p99");
        text.AppendLine($"| {head} chunk delivery p99 of chunks sent after the last context's text (µs) | | {F(sr)} | {F(ss)}; pooled {F(sq)}; inline {F(si)} | | {F(RoundRatio(w, "sdk" + x, "raw" + x, "steady_p99"), "0.00")}; pooled {F(RoundRatio(w, "pooled" + x, "raw" + x, "steady_p99"), "0.00")}; inline {F(RoundRatio(w, "inline" + x, "raw" + x, "steady_p99"), "0.00")} | | |");
        text.AppendLine($"| {head} every context's text sent (ms from the start) | | {F(Median(w, "raw" + x, "texts_sent"), "0.0")} | {F(Median(w, "sdk" + x, "texts_sent"), "0.0")}; pooled {F(Median(w, "pooled" + x, "texts_sent"), "0.0")}; inline {F(Median(w, "inline" + x, "texts_sent"), "0.0")} | | | | |");
        double lostSdk = Bad("sdk" + x) + Bad("pooled" + x) + Bad("inline" + x);
        bool hasTs = ts is not null && _samples.Any(s => s.Client == ts && s.Workload == w);
        text.AppendLine($"| {head} lost + misrouted chunks, all rounds | | {F(Bad("raw" + x), "0")} | {F(lostSdk, "0")} | {F(hasTs ? Bad(ts!) : null, "0")} | | | |");
        text.AppendLine($"| {head} client CPU per MB of audio (ms) | | {F(Median(w, "raw" + x, "cpu_per_mb"), "0.00")} | {F(Median(w, "sdk" + x, "cpu_per_mb"), "0.00")}; inline {F(Median(w, "inline" + x, "cpu_per_mb"), "0.00")} | | | | |");
        text.AppendLine($"| {head} garbage-collection pause in the client process during a run (ms) | | {F(Median(w, "raw" + x, "gc_pause"), "0.0")} | {F(Median(w, "sdk" + x, "gc_pause"), "0.0")}; pooled {F(Median(w, "pooled" + x, "gc_pause"), "0.0")}; inline {F(Median(w, "inline" + x, "gc_pause"), "0.0")} | | | | |");
        text.AppendLine($"| {head} emulator CPU while the client ran (cores) | | {F(Median(w, "raw" + x, "server_cores"), "0.00")} | {F(Median(w, "sdk" + x, "server_cores"), "0.00")}; inline {F(Median(w, "inline" + x, "server_cores"), "0.00")} | {F(Ts("server_cores"), "0.00")} | | | |");
        double? ratio = RoundRatio(w, "sdk" + x, "raw" + x, "latency_p99"), inline = RoundRatio(w, "inline" + x, "raw" + x, "latency_p99"), pooled = RoundRatio(w, "pooled" + x, "raw" + x, "latency_p99");
        _targets.Add(($"{w} {via}: SDK chunk delivery p99 <= 2 x raw", $"{F(ratio, "0.00")} (ReadPooledEventsAsync {F(pooled, "0.00")}, DeliverEventsInline {F(inline, "0.00")})", ratio is { } q ? q <= 2 : null));
        ServerCheck($"{w} {via}", Median(w, "raw" + x, "server_cores"));
        _targets.Add(($"{w} {via}: {_settings.ThousandContexts} contexts complete, no misrouted or lost chunk", $"{lostSdk:0} bad", lostSdk == 0));
    }

    private void ReportStt(StringBuilder text, string x)
    {
        string via = x == "-ws" ? "ws://" : "wss://";
        double? er = Median("e", "raw" + x, "throughput"), es = Median("e", "sdk" + x, "throughput"), et = x == "" ? Median("e", "ts", "throughput") : null;
        double? eRatio = RoundRatio("e", "sdk" + x, "raw" + x);
        // The discard column holds (e)'s blast sender: the same frames, SttBlast.FramesPerWrite to a write, no per-frame work.
        text.AppendLine($"| (e) {via} STT streaming send (MB/s); discard column: the blast sender | {F(Median("e", "blast" + x, "throughput"))} | {F(er)} | {F(es)} | {F(et)} | {F(eRatio, "0.00")} | {F(Ratio(es, et), "0.00")} | {F(Ratio(er, et), "0.00")} |");
        text.AppendLine($"| (e) {via} client CPU per MB sent (ms) | {F(Median("e", "blast" + x, "cpu_per_mb"), "0.00")} | {F(Median("e", "raw" + x, "cpu_per_mb"), "0.00")} | {F(Median("e", "sdk" + x, "cpu_per_mb"), "0.00")} | | {F(RoundRatio("e", "sdk" + x, "raw" + x, "cpu_per_mb"), "0.00")} | | |");
        text.AppendLine($"| (e) {via} emulator CPU while the client ran (cores) | {F(Median("e", "blast" + x, "server_cores"), "0.00")} | {F(Median("e", "raw" + x, "server_cores"), "0.00")} | {F(Median("e", "sdk" + x, "server_cores"), "0.00")} | {F(x == "" ? Median("e", "ts", "server_cores") : null, "0.00")} | | | |");
        _targets.Add(($"e {via}: SDK >= 0.9 x raw", F(eRatio, "0.00"), eRatio is { } eq ? eq >= 0.9 : null));
        // A flat-out sender keeps the emulator busy whatever rate it reaches, since every write wakes the emulator
        // (0.9 of a core or more for raw's 300 MB/s and for the blast sender's 2,700 alike), so the emulator's CPU
        // cannot tell whether it held raw back. The check is (a)'s instead: the emulator took in well more from a
        // sender that does no per-frame work than the raw client gave it.
        ServerCheck($"e {via}", Median("e", "raw" + x, "server_cores"), RoundRatio("e", "blast" + x, "raw" + x), "blast");
    }

    private void ReportPacedStt(StringBuilder text, string x)
    {
        if (!_samples.Any(s => s.Workload == "ep" && s.Client == "raw" + x))
        {
            return;
        }

        string via = x == "-ws" ? "ws://" : "wss://";
        double pace = _settings.PacedSttBytesPerSecond / 1e6;
        double? er = Median("ep", "raw" + x, "throughput"), es = Median("ep", "sdk" + x, "throughput");
        double? cpu = RoundRatio("ep", "sdk" + x, "raw" + x, "cpu_per_mb");
        string head = $"(ep) {via} STT streaming send paced at {pace:0} MB/s:";
        text.AppendLine($"| {head} MB/s reached | | {F(er)} | {F(es)} | | | | |");
        text.AppendLine($"| {head} client CPU per MB sent (ms) | | {F(Median("ep", "raw" + x, "cpu_per_mb"), "0.00")} | {F(Median("ep", "sdk" + x, "cpu_per_mb"), "0.00")} | | {F(cpu, "0.00")} | | |");
        text.AppendLine($"| {head} emulator CPU while the client ran (cores) | | {F(Median("ep", "raw" + x, "server_cores"), "0.00")} | {F(Median("ep", "sdk" + x, "server_cores"), "0.00")} | | | | |");
        // The CPU form of (e)'s ">= 0.9 x raw": at the same pace, at most 1 / 0.9 of raw's CPU per MB.
        _targets.Add(($"ep {via}: SDK client CPU per MB <= 1.11 x raw (e's 0.9 at a pace both keep)", F(cpu, "0.00"), cpu is { } c ? c <= 1 / 0.9 : null));
        bool kept = er >= 0.95 * pace && es >= 0.95 * pace;
        _targets.Add(($"ep {via}: both clients keep the pace (>= 0.95 x {pace:0} MB/s)", $"raw {F(er)}, SDK {F(es)} MB/s", er is null || es is null ? null : kept));
        ServerCheck($"ep {via}", Median("ep", "raw" + x, "server_cores"));
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
}
