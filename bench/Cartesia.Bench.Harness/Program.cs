// The side-by-side harness: runs the SDK, the raw-limit baseline (bare ClientWebSocket / HttpClient), a discarding
// client (the server's ceiling) and the official TypeScript SDK (bench/node) against one emulator process in
// firehose mode, interleaving the clients round by round, and prints medians, ratios and the targets as a table
// and JSON. Usage (bench/run.sh does all of it):
//   Cartesia.Bench.Harness --url https://127.0.0.1:PORT/ [--cert emu.pem] [--plain-url http://127.0.0.1:PORT2/] [--smoke] [--rounds N] [--node bench/node]
//       [--server-pid PID] [--plain-server-pid PID2] (the emulators' processes: their CPU use while each client runs)
//       [--first-audio-jit FirstAudio.dll] [--first-audio-aot FirstAudio] [--json results.json]
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cartesia;
using Cartesia.Bench.Harness;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (int i = 0; i < args.Length; i++)
{
    if (args[i] is "--smoke")
    {
        flags.Add(args[i]);
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[args[i]] = args[++i];
    }
}

var settings = new BenchSettings
{
    BaseUri = new Uri(options.GetValueOrDefault("--url") ?? throw new ArgumentException("--url is required")),
    CertificatePath = options.GetValueOrDefault("--cert"),
    Smoke = flags.Contains("--smoke"),
    Rounds = int.Parse(options.GetValueOrDefault("--rounds") ?? (flags.Contains("--smoke") ? "1" : "5"), CultureInfo.InvariantCulture),
    WarmUp = options.GetValueOrDefault("--warm-up") is { } warm ? TimeSpan.FromSeconds(double.Parse(warm, CultureInfo.InvariantCulture)) : null,
    NodeDirectory = options.GetValueOrDefault("--node") is { } node ? Path.GetFullPath(node) : null,
    ServerPid = options.GetValueOrDefault("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
    FirstAudioJit = options.GetValueOrDefault("--first-audio-jit"),
    FirstAudioAot = options.GetValueOrDefault("--first-audio-aot"),
    Only = (options.GetValueOrDefault("--only") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
};

if (options.GetValueOrDefault("--child") == "bytes")
{
    return await ChildProcesses.BytesChildAsync(settings, options["--client"], options["--out"]);
}

var runner = new Runner(
    settings,
    options.GetValueOrDefault("--plain-url") is { } plain ? new Uri(plain) : null,
    options.GetValueOrDefault("--plain-server-pid") is { } plainPid ? int.Parse(plainPid, CultureInfo.InvariantCulture) : null);
await runner.RunAllAsync();
string report = runner.Report();
Console.WriteLine(report);
if (options.GetValueOrDefault("--json") is { } jsonPath)
{
    await File.WriteAllTextAsync(jsonPath, runner.Json());
    Console.WriteLine($"JSON: {jsonPath}");
}

return runner.Failures.Count == 0 ? 0 : 1;
