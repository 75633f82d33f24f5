// Text-to-speech over the WebSocket, fed by a language model's token stream: tokens go into one context as
// continuations while its audio is read concurrently and written to tts-websocket.wav as it arrives. A flush
// makes the service speak the first part at once (the model "pauses" for a tool call); completing the
// context speaks the rest and ends it with done.
// Run: dotnet run --project samples/TtsWebSocketLlm
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process.
using System.Diagnostics;
using Cartesia;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Tts;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

// Open the socket once, before the first turn: it carries any number of contexts.
await using TtsWebSocket socket = await client.Tts.ConnectAsync();
await using TtsContext context = socket.CreateContext(new TtsContextOptions
{
    ModelId = TtsModel.Sonic3_6,
    Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
    Language = Language.English,
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000), // WebSocket audio is always raw
    AddTimestamps = true,
});

var clock = Stopwatch.StartNew();
Task<long> writing = WriteAudioAsync(context, "tts-websocket.wav");

// Part one: every token is a continuation of the same utterance (text is concatenated verbatim).
Console.Write("LLM: ");
await foreach (string token in FakeLlm.StreamAsync("Let me check the weather for you."))
{
    Console.Write(token);
    await context.SendAsync(token);
}

// The model stops to call a tool: flush, so what was said so far is spoken now. Returns after flush_done.
int flushId = await context.FlushAsync();
Console.WriteLine($"\n[{clock.ElapsedMilliseconds,5} ms] flush {flushId} done: the first sentence is generated");

// Part two: the rest of the reply; SendAsync(IAsyncEnumerable) completes the context after the last token.
Console.Write("LLM: ");
await context.SendAsync(Echo(FakeLlm.StreamAsync(" It is sunny and twenty two degrees in Berlin today.")));
Console.WriteLine();

long bytes = await writing;
TtsContextMetrics metrics = context.Metrics;
Console.WriteLine($"[{clock.ElapsedMilliseconds,5} ms] done: {bytes} bytes ({metrics.AudioDuration.TotalSeconds:0.00} s) written to tts-websocket.wav, " +
    $"first audio {metrics.TimeToFirstAudio?.TotalMilliseconds:0} ms after the first token, {metrics.CharactersSent} characters sent.");
Console.WriteLine($"Spoken: {context.GetSpokenTextForBytes(bytes).Text}");

// Reads the context's events while text is still being sent, writing its audio out as it arrives.
async Task<long> WriteAudioAsync(TtsContext context, string path)
{
    await using FileStream file = File.Create(path);
    var wav = new WavStreamWriter(file, AudioEncoding.PcmS16LE, 24000);
    await foreach (TtsEvent e in context.ReadEventsAsync())
    {
        if (e is TtsChunkEvent chunk)
        {
            if (wav.DataLength == 0)
            {
                Console.Write($" «first audio at {clock.ElapsedMilliseconds} ms» ");
            }

            await wav.WriteAsync(chunk.Audio); // or play it: the speaker gets it while the LLM is still talking
        }
    }

    await wav.CompleteAsync(); // the events ended after done: fix the header's sizes
    return wav.DataLength;
}

// Prints tokens as they pass to the context.
static async IAsyncEnumerable<string> Echo(IAsyncEnumerable<string> tokens)
{
    await foreach (string token in tokens)
    {
        Console.Write(token);
        yield return token;
    }
}
