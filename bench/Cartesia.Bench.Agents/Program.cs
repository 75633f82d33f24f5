// Agents calls benchmark: many concurrent calls at real-time pace (μ-law 8 kHz, 20 ms frames) against the emulator's
// echo mode (in a child process, so this process's CPU is the client's alone), through the SDK
// (client.Agents.ConnectAsync, SendAudioAsync, ReadPooledEventsAsync) and, in the same run, through a bare
// ClientWebSocket doing the same work. Per client and call count: CPU per call-minute and the per-frame delay from
// send to echo (p50/p99); the SDK's "added" delay is its p99 minus the raw client's.
//
//   dotnet run -c Release --project bench/Cartesia.Bench.Agents -- [--calls 50,100,200,400] [--seconds 20] [--json results.json]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cartesia.Bench.Agents;
using Cartesia.Emulator;

if (args.Contains("--serve"))
{
    // The emulator in echo mode, no call cap; prints its base URI and runs until standard input closes.
    var options = new CartesiaEmulatorOptions { Agents = { EchoMode = true, MaxConcurrentCalls = null, InactivityTimeout = TimeSpan.FromMinutes(30) } };
    await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(options);
    Console.WriteLine($"url {emulator.BaseUri} {emulator.WebSocketBaseUri}");
    await Console.In.ReadToEndAsync();
    return 0;
}

int[] counts = [.. Option("--calls", "50,100,200,400").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
double seconds = double.Parse(Option("--seconds", "20"), CultureInfo.InvariantCulture);
string? json = args.SkipWhile(a => a != "--json").Skip(1).FirstOrDefault();

using Process server = StartServer(out Uri baseUri, out Uri webSocketUri);
Console.WriteLine($"Agents calls benchmark: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start; {seconds} s of audio per call.");
Console.WriteLine("| calls | client | CPU ms per call-minute | frame delay p50 | p99 | frames | lost |");
Console.WriteLine("|---|---|---|---|---|---|---|");
var results = new List<CallsResult>();
foreach (int calls in counts)
{
    // Raw first, then the SDK, each alone so the process's CPU time is that client's.
    foreach (ICallClient client in new ICallClient[] { new RawCallClient(webSocketUri), new SdkCallClient(baseUri, webSocketUri) })
    {
        CallsResult result = await CallsRunner.RunAsync(client, calls, TimeSpan.FromSeconds(seconds));
        results.Add(result);
        Console.WriteLine($"| {calls} | {result.Client} | {result.CpuMsPerCallMinute:0} | {result.P50Ms:0.0} ms | {result.P99Ms:0.0} ms | {result.Frames} | {result.Lost} |");
        await Task.Delay(500);
    }
}

Console.WriteLine();
Console.WriteLine("| calls | SDK CPU / raw CPU | SDK p99 − raw p99 |");
Console.WriteLine("|---|---|---|");
foreach (int calls in counts)
{
    CallsResult raw = results.First(r => r.Calls == calls && r.Client == "raw");
    CallsResult sdk = results.First(r => r.Calls == calls && r.Client == "sdk");
    Console.WriteLine($"| {calls} | {sdk.CpuMsPerCallMinute / raw.CpuMsPerCallMinute:0.00}× | {sdk.P99Ms - raw.P99Ms:+0.0;-0.0} ms |");
}

Console.WriteLine($"Load average {LoadAverage()} at the end.");
if (json is not null)
{
    await File.WriteAllTextAsync(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
}

server.StandardInput.Close();
await server.WaitForExitAsync();
return 0;

string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

static Process StartServer(out Uri baseUri, out Uri webSocketUri)
{
    string self = typeof(CallsRunner).Assembly.Location;
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
    {
        start.ArgumentList.Add(self);
    }

    start.ArgumentList.Add("--serve");
    Process server = Process.Start(start)!;
    string line = server.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The emulator process did not start.");
    string[] parts = line.Split(' ');
    baseUri = new Uri(parts[1]);
    webSocketUri = new Uri(parts[2]);
    return server;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
