// Text-to-speech over Server-Sent Events: raw audio arrives in chunks as it is generated, with the timing of
// every word. The audio is written to tts-sse.wav as it arrives; each word is printed with its start and end.
// Run: dotnet run --project samples/TtsSse [-- "Your text"]
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process.
using Cartesia;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Tts;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

string text = args.Length > 0 ? string.Join(' ', args) : "Every word arrives with its own timing.";
const int SampleRate = 24000;

// SSE carries raw PCM; WavStreamWriter puts a header in front and fixes its sizes at the end.
await using FileStream file = File.Create("tts-sse.wav");
var wav = new WavStreamWriter(file, AudioEncoding.PcmS16LE, SampleRate);
int chunks = 0;

await foreach (TtsEvent e in client.Tts.GenerateSseAsync(new TtsSseRequest
{
    ModelId = TtsModel.Sonic3_6,
    Transcript = text,
    Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
    Language = Language.English,
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, SampleRate),
    AddTimestamps = true,
}))
{
    switch (e)
    {
        case TtsChunkEvent chunk: // decoded PCM: play it, forward it, or (here) write it
            await wav.WriteAsync(chunk.Audio);
            chunks++;
            break;
        case TtsTimestampsEvent { WordTimestamps: { } words }:
            foreach (TimedText word in words.ToTimedWords())
            {
                Console.WriteLine($"{word.Start.TotalSeconds,6:0.000}s – {word.End.TotalSeconds,6:0.000}s  {word.Text}");
            }

            break;
        case TtsDoneEvent: // always the last event of a complete stream
            await wav.CompleteAsync();
            Console.WriteLine($"Done: {chunks} chunks, {wav.DataLength} bytes ({wav.DataLength / 2.0 / SampleRate:0.00} s) written to tts-sse.wav.");
            break;
        case TtsUnknownEvent unknown: // an event type this SDK does not know yet
            Console.WriteLine($"(unknown event {unknown.Type})");
            break;
    }
}
