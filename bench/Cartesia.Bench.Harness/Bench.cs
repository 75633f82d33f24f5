using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Cartesia;

namespace Cartesia.Bench.Harness;

/// <summary>Where the emulator is, how to trust it, and the sizes of a run.</summary>
internal sealed class BenchSettings
{
    public const string ApiKey = "sk_car_bench";
    public const string ApiVersion = "2026-08-14";
    public const string Voice = "a0e99841-438c-4a64-b679-ae501e7d6091";

    public required Uri BaseUri { get; init; }

    public string? CertificatePath { get; init; }

    public bool Smoke { get; init; }

    public int Rounds { get; init; } = 5;

    /// <summary>How long each transport is warmed up (<c>--warm-up SECONDS</c>); null for the default (15 s, none in a smoke run).</summary>
    public TimeSpan? WarmUp { get; init; }

    public string? NodeDirectory { get; init; }

    /// <summary>The emulator's process id (--server-pid), to measure how busy the server was while a client ran.</summary>
    public int? ServerPid { get; init; }

    public string? FirstAudioJit { get; init; }

    public string? FirstAudioAot { get; init; }

    /// <summary>The workloads to run (<c>--only a1,a100</c>); empty for all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public Uri WebSocketBaseUri => new UriBuilder(BaseUri) { Scheme = BaseUri.Scheme == "https" ? "wss" : "ws" }.Uri;

    public int ChunkBytes => 8192;

    public int ThroughputChunks => Smoke ? 100 : 4000;

    public int ManyContexts => 100;

    public int ManyContextChunks => Smoke ? 5 : 100;

    public int TtfaIterations => Smoke ? 30 : 1000;

    public int ThousandContexts => Smoke ? 100 : 1000;

    public int ThousandContextChunks => Smoke ? 3 : 10;

    /// <summary>
    /// The pace of (dp), the paced (d), in chunks a second on the socket: 1,000 contexts each getting 10 chunks of
    /// 170 ms a second, 1.7 × real time — a heavy load that every client here carries, so what it measures is the
    /// time a chunk takes to reach its reader, not how long it queued behind a client that cannot keep up.
    /// </summary>
    public int PacedChunksPerSecond => 10_000;

    public long[] BytesLengths => Smoke ? [4L << 20, 16L << 20] : [64L << 20, 512L << 20];

    public long SttBytes => (Smoke ? 1L << 20 : 128L << 20) / SttFrameBytes * SttFrameBytes;

    public int SttFrameBytes => 3200;

    /// <summary>
    /// The pace of (ep), the paced (e), in bytes a second: 100 MB/s of 16 kHz PCM is about 3,000 real-time streams, a
    /// load both .NET clients carry with the emulator well under a core, so what it compares is the client's CPU per
    /// MB sent rather than how fast a saturated server takes frames.
    /// </summary>
    public double PacedSttBytesPerSecond => 100e6;

    /// <summary>How much (ep) sends per run.</summary>
    public long PacedSttBytes => (Smoke ? 1L << 20 : 64L << 20) / SttFrameBytes * SttFrameBytes;

    /// <summary>
    /// How many times (a), (d), (dp) and (e) run each .NET client per round, alternating; their ratios are medians over
    /// all these pairs. A run is short — 40–100 ms for (a), a burst of a fraction of a second for (d), about a second
    /// paced — and single runs' ratios spread widely on this VM (SDK / raw 0.57–1.53 for (a), 0.7–3.5 for (d)'s p99,
    /// the raw client's own p99 over <c>ws:</c> 4.1–24 ms), so a median of one pair a round moved from run to run.
    /// The TypeScript SDK, compared by its median rather than pair by pair, runs once a round.
    /// </summary>
    public int Repeats => Smoke ? 1 : 4;

    /// <summary>
    /// How many alternating pairs (ep) runs per round: a pair's ratio of CPU per MB spreads about ±15% on this VM, and
    /// (ep)'s target is a few percent from 1, so its median needs more pairs than (e)'s (40 in 5 rounds).
    /// </summary>
    public int PacedSttRepeats => Smoke ? 1 : 8;

    /// <summary>
    /// A handler that trusts the emulator's certificate (and what the system trusts): for the SDK, the one it makes for
    /// itself (<see cref="CartesiaClient.CreateHttpHandler"/>, as a user with an HttpClient of their own starts from);
    /// for the raw clients, a bare <see cref="SocketsHttpHandler"/>.
    /// </summary>
    public SocketsHttpHandler CreateHandler(bool sdk = false)
    {
        SocketsHttpHandler handler = sdk ? CartesiaClient.CreateHttpHandler() : new SocketsHttpHandler();
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(10);
        if (CertificatePath is { } path)
        {
            string thumbprint = X509Certificate2.CreateFromPem(File.ReadAllText(path)).Thumbprint;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase));
        }

        return handler;
    }

    public CartesiaClient CreateClient(HttpClient http) => new(ApiKey, new CartesiaClientOptions
    {
        BaseUri = BaseUri,
        WebSocketBaseUri = WebSocketBaseUri,
        HttpClient = http,
    });

    /// <summary>Sets the emulator's firehose for the next workload (the control API needs the emulator's key).</summary>
    public async Task SetFirehoseAsync(HttpClient http, int chunksPerContext, int chunkBytes, long bytesLength, int? chunksPerSecond = null)
    {
        string pace = chunksPerSecond is { } rate ? $",\"chunks_per_second\":{rate}" : string.Empty;
        string body = $"{{\"chunks_per_context\":{chunksPerContext},\"chunk_bytes\":{chunkBytes},\"bytes_length\":{bytesLength}{pace}}}";
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(BaseUri, "_emulator/firehose"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        Authorize(request.Headers);
        using HttpResponseMessage response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public static void Authorize(HttpRequestHeaders headers)
    {
        headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        headers.Add("Cartesia-Version", ApiVersion);
    }
}

/// <summary>One measured value of one client in one round.</summary>
internal sealed record Sample(string Workload, string Client, string Metric, double Value, string Unit);

/// <summary>Percentiles of a set of values.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        double rank = p / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    public static double NowMicros() => Stopwatch.GetTimestamp() * (1_000_000.0 / Stopwatch.Frequency);

    public static double Mbps(long bytes, TimeSpan elapsed) => bytes / elapsed.TotalSeconds / 1e6;
}

/// <summary>Thrown when a client received something other than what the firehose sent.</summary>
internal sealed class BenchCheckException(string message) : Exception(message);

internal static class JsonOut
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
