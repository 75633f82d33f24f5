// A NativeAOT program using the SDK: a bytes call, an SSE stream and a WebSocket context. It talks to
// CARTESIA_BASE_URL (run.sh starts an emulator process for it) and prints the time from process start to the
// first audio of each transport, so start-up cost can be compared with the JIT build of the same program.
using System.Diagnostics;
using Cartesia;
using Cartesia.Tts;

long processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;
TimeSpan SinceStart() => TimeSpan.FromTicks(DateTime.UtcNow.Ticks - processStart);

using var client = new CartesiaClient(); // CARTESIA_API_KEY and CARTESIA_BASE_URL
const string Voice = "a0e99841-438c-4a64-b679-ae501e7d6091";

await using (AudioResponse audio = await client.Tts.GenerateAsync(new TtsRequest
{
    ModelId = TtsModel.Sonic3_6,
    Transcript = "Native code speaks.",
    Voice = Voice,
    OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000),
}))
{
    byte[] first = new byte[4096];
    int read = await audio.Audio.ReadAsync(first);
    Console.WriteLine($"bytes: first audio at {SinceStart().TotalMilliseconds:0} ms after process start ({read} bytes)");
    await audio.CopyToAsync(Stream.Null);
}

int events = 0;
await foreach (TtsEvent e in client.Tts.GenerateSseAsync(new TtsSseRequest
{
    ModelId = TtsModel.Sonic3_6,
    Transcript = "Events, decoded without reflection.",
    Voice = Voice,
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmF32LE, 24000),
    AddTimestamps = true,
}))
{
    events++;
    if (e is TtsDoneEvent)
    {
        Console.WriteLine($"sse: {events} events, done");
    }
}

await using TtsWebSocket socket = await client.Tts.ConnectAsync();
TtsContext context = socket.CreateContext(new TtsContextOptions
{
    ModelId = TtsModel.Sonic3_6,
    Voice = Voice,
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
    AddTimestamps = true,
});
await context.SendAsync("And a WebSocket context, ");
await context.SendAsync("streamed in two pieces.");
await context.CompleteAsync();
long bytes = await context.WriteWavAsync(Stream.Null);
Console.WriteLine($"websocket: {bytes} audio bytes, time to first audio {context.Metrics.TimeToFirstAudio?.TotalMilliseconds:0.0} ms, {context.GetSpokenTextForBytes(bytes).Text}");
return 0;
