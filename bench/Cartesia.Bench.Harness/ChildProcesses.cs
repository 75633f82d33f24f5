using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cartesia.Tts;

namespace Cartesia.Bench.Harness;

/// <summary>
/// Work measured in its own process: /tts/bytes to a file (so peak memory is the client's own), the official
/// TypeScript SDK on Node, and process start to first audio.
/// </summary>
internal static class ChildProcesses
{
    /// <summary>Child mode: one /tts/bytes response streamed to a file; prints throughput and peak memory as JSON.</summary>
    public static async Task<int> BytesChildAsync(BenchSettings settings, string client, string path)
    {
        using var http = new HttpClient(settings.CreateHandler(sdk: client == "sdk")) { Timeout = Timeout.InfiniteTimeSpan };
        const string Body = "{\"model_id\":\"sonic-3\",\"transcript\":\"A long read.\",\"voice\":{\"mode\":\"id\",\"id\":\"" + BenchSettings.Voice + "\"},\"output_format\":{\"container\":\"raw\",\"encoding\":\"pcm_s16le\",\"sample_rate\":24000}}";

        // Warm-up (JIT, connection): the first 1 MiB of a response into a file, the same code path; then the measured one.
        await RunAsync(warmUp: true);
        var start = Stopwatch.StartNew();
        await RunAsync(warmUp: false);
        TimeSpan elapsed = start.Elapsed;
        long length = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["mbps"] = Stats.Mbps(length, elapsed),
            ["bytes"] = length,
            ["peak_rss_mb"] = PeakRssMb(),
        }));
        return 0;

        async Task RunAsync(bool warmUp)
        {
            // The SDK saves the measured response itself (SaveToFileAsync); every other copy goes into this stream.
            Stream? file = warmUp ? new LimitedFileStream(path, 1 << 20)
                : client == "sdk" ? null
                : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            try
            {
                await CopyAsync(file);
            }
            catch (LimitReachedException) when (warmUp)
            {
            }
            finally
            {
                if (file is not null)
                {
                    await file.DisposeAsync();
                }
            }
        }

        async Task CopyAsync(Stream? file)
        {
        if (client == "sdk")
        {
            using CartesiaClient sdk = settings.CreateClient(http);
            await using AudioResponse audio = await sdk.Tts.GenerateAsync(new TtsRequest
            {
                ModelId = TtsModel.Sonic3,
                Transcript = "A long read.",
                Voice = BenchSettings.Voice,
                OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
            });
            if (file is not null)
            {
                await audio.CopyToAsync(file);
            }
            else
            {
                await audio.SaveToFileAsync(path);
            }
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUri, "tts/bytes"))
            {
                Content = new StringContent(Body, Encoding.UTF8, "application/json"),
            };
            BenchSettings.Authorize(request.Headers);
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using Stream body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(file!, 64 * 1024);
        }
        }
    }

    /// <summary>A file that stops the copy (with <see cref="LimitReachedException"/>) after some bytes: the warm-up.</summary>
    private sealed class LimitedFileStream(string path, long limit) : FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true)
    {
        private long _written;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            if ((_written += buffer.Length) >= limit)
            {
                throw new LimitReachedException();
            }
        }
    }

    private sealed class LimitReachedException : Exception;

    /// <summary>Runs the harness itself in child mode and reads its JSON.</summary>
    public static async Task<Dictionary<string, double>> RunBytesChildAsync(BenchSettings settings, string client)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cartesia-bench-{Guid.NewGuid():N}.pcm");
        string self = Environment.ProcessPath!;
        string dll = typeof(ChildProcesses).Assembly.Location;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!Path.GetFileNameWithoutExtension(self).Equals("Cartesia.Bench.Harness", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(dll);
        }

        foreach (string arg in (string[])["--child", "bytes", "--client", client, "--out", path, "--url", settings.BaseUri.ToString()])
        {
            info.ArgumentList.Add(arg);
        }

        if (settings.CertificatePath is { } cert)
        {
            info.ArgumentList.Add("--cert");
            info.ArgumentList.Add(cert);
        }

        return await RunJsonAsync(info, $"bytes child ({client})");
    }

    /// <summary>Runs one workload of the official TypeScript SDK (bench/node/bench.js) and reads its JSON.</summary>
    public static async Task<Dictionary<string, double>> RunNodeAsync(BenchSettings settings, object args)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = settings.NodeDirectory };
        info.ArgumentList.Add(Path.Combine(settings.NodeDirectory!, "bench.js"));
        info.ArgumentList.Add(JsonSerializer.Serialize(args));
        if (settings.CertificatePath is { } cert)
        {
            info.Environment["NODE_EXTRA_CA_CERTS"] = cert;
        }

        return await RunJsonAsync(info, "node");
    }

    /// <summary>Wall time from starting a process to its line saying it has the first audio.</summary>
    public static async Task<double> StartToFirstAudioAsync(BenchSettings settings, string kind)
    {
        ProcessStartInfo info = kind switch
        {
            "ts" => new ProcessStartInfo("node") { ArgumentList = { Path.Combine(settings.NodeDirectory!, "first-audio.js") } },
            "jit" => new ProcessStartInfo("dotnet") { ArgumentList = { settings.FirstAudioJit! } },
            _ => new ProcessStartInfo(settings.FirstAudioAot!),
        };
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["CARTESIA_API_KEY"] = BenchSettings.ApiKey;
        info.Environment["CARTESIA_BASE_URL"] = settings.BaseUri.ToString();
        if (settings.CertificatePath is { } cert)
        {
            info.Environment["NODE_EXTRA_CA_CERTS"] = cert;
            info.Environment["CARTESIA_BENCH_CERT"] = cert;
        }

        var start = Stopwatch.StartNew();
        using Process process = Process.Start(info)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        double? at = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (at is null && line.StartsWith("first-audio", StringComparison.Ordinal))
            {
                at = start.Elapsed.TotalMilliseconds;
            }
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || at is null)
        {
            throw new BenchCheckException($"first-audio ({kind}) failed with {process.ExitCode}: {await errors}");
        }

        return at.Value;
    }

    private static async Task<Dictionary<string, double>> RunJsonAsync(ProcessStartInfo info, string what)
    {
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string text = await output;
        string? last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null || !last.StartsWith('{'))
        {
            throw new BenchCheckException($"{what} failed with {process.ExitCode}: {text}{await errors}");
        }

        return JsonSerializer.Deserialize<Dictionary<string, double>>(last)!;
    }

    private static double PeakRssMb()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
