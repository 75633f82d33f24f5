// Process start to first audio: the smallest SDK program that speaks — one WebSocket context, "first-audio" printed
// at its first chunk. bench/run.sh runs it as a JIT build and NativeAOT-published, and times each from process
// start to that line. CARTESIA_BASE_URL points at the emulator; CARTESIA_BENCH_CERT (optional) is its certificate.
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Cartesia;
using Cartesia.Tts;

SocketsHttpHandler handler = CartesiaClient.CreateHttpHandler(); // as the client makes for itself, plus the test certificate
if (Environment.GetEnvironmentVariable("CARTESIA_BENCH_CERT") is { Length: > 0 } pem)
{
    string thumbprint = X509Certificate2.CreateFromPem(File.ReadAllText(pem)).Thumbprint;
    handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        errors == SslPolicyErrors.None || string.Equals(certificate?.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase);
}

using var http = new HttpClient(handler);
using var client = new CartesiaClient(Environment.GetEnvironmentVariable("CARTESIA_API_KEY") ?? "sk_car_bench", new CartesiaClientOptions { HttpClient = http });
await using TtsWebSocket socket = await client.Tts.ConnectAsync();
TtsContext context = socket.CreateContext(new TtsContextOptions
{
    ModelId = TtsModel.Sonic3,
    Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
});
await context.SendAsync("Hello.");
await context.CompleteAsync();
bool first = true;
await foreach (TtsEvent e in context.ReadEventsAsync())
{
    if (first && e is TtsChunkEvent chunk)
    {
        first = false;
        Console.WriteLine($"first-audio {chunk.Audio.Length} bytes");
    }
}

return 0;
