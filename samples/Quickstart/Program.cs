// The README's quickstart, built by CI. It uses the real Cartesia API when CARTESIA_API_KEY is set,
// and otherwise the emulator embedded in this process, so it runs offline.
using Cartesia;
using Cartesia.Emulator;
using Cartesia.Tts;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

// 1. Speak a sentence into a WAV file, streaming it to disk as it is generated.
await using (AudioResponse audio = await client.Tts.GenerateAsync(new TtsRequest
{
    ModelId = TtsModel.Sonic3_6,
    Transcript = "Hello from Cartesia for .NET!",
    Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
    OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
}))
{
    await audio.SaveToFileAsync("quickstart.wav");
    Console.WriteLine($"Saved quickstart.wav (request id {audio.Response.RequestId}).");
}

// 2. Stream raw audio with word timestamps over Server-Sent Events.
long audioBytes = 0;
await foreach (TtsEvent e in client.Tts.GenerateSseAsync(new TtsSseRequest
{
    ModelId = TtsModel.Sonic3_6,
    Transcript = "Every word arrives with its timing.",
    Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
    AddTimestamps = true,
}))
{
    switch (e)
    {
        case TtsChunkEvent chunk:
            audioBytes += chunk.Audio.Length; // play or forward chunk.Audio here
            break;
        case TtsTimestampsEvent { WordTimestamps: { } words }:
            foreach (TimedText word in words.ToTimedWords())
            {
                Console.WriteLine($"{word.Start.TotalSeconds:0.00}s  {word.Text}");
            }

            break;
        case TtsDoneEvent:
            Console.WriteLine($"Done: {audioBytes} bytes of audio.");
            break;
    }
}
