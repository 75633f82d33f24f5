// Streaming speech-to-text: a WAV file's audio is sent through a realtime session (/stt/websocket) in 100 ms
// chunks, paced like a microphone, while interim and final transcripts are printed as they arrive. Without a
// file it first speaks a sentence with TTS into stt-input.wav, so it is self-contained.
// Run: dotnet run --project samples/SttStreaming [-- [file.wav] [--fast]]
//      (the WAV must be mono pcm_s16le; --fast sends as fast as possible instead of in real time)
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process.
using Cartesia;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Stt;
using Cartesia.Tts;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

bool fast = args.Contains("--fast");
string? path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
if (path is null)
{
    path = "stt-input.wav";
    const string Spoken = "The quick brown fox jumps over the lazy dog.";
    await using AudioResponse speech = await client.Tts.GenerateAsync(new TtsRequest
    {
        ModelId = TtsModel.Sonic3_6,
        Transcript = Spoken,
        Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
        Language = Language.English,
        OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000), // what speech-to-text likes best
    });
    await speech.SaveToFileAsync(path);
    Console.WriteLine($"Spoke \"{Spoken}\" into {path}.");
}

// Find the audio inside the WAV file: its format and where the samples start.
await using FileStream file = File.OpenRead(path);
byte[] head = new byte[64 * 1024];
WavFormat wav = WavHeader.Read(head.AsSpan(0, await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false)));
if (wav.Channels != 1 || wav.Encoding != AudioEncoding.PcmS16LE)
{
    Console.Error.WriteLine($"{path} is {wav.Encoding} with {wav.Channels} channels; this sample streams mono pcm_s16le.");
    return 1;
}

file.Position = wav.DataOffset;

await using SttSession session = await client.Stt.ConnectAsync(new SttSessionOptions
{
    Model = SttModel.InkWhisper,
    Language = Language.English,
    Encoding = wav.Encoding,
    SampleRate = wav.SampleRate,
});

// Read transcripts while audio is still being sent.
var transcript = new SttTranscriptAccumulator();
Task listening = Task.Run(async () =>
{
    await foreach (SttEvent e in session.ReadEventsAsync())
    {
        if (transcript.Apply(e) && e is SttTranscriptEvent t)
        {
            Console.WriteLine(t.IsFinal ? $"  final:   {t.Text}" : $"  interim: {t.Text}");
        }
    }
});

// Send the audio in 100 ms chunks, one every 100 ms, as a microphone would deliver it. (For a file there is a
// one-liner that does the same: await session.SendAudioAsync(file, SttPacing.RealTime).)
int bytesPerChunk = wav.SampleRate * 2 / 10; // 100 ms of 16-bit mono audio
byte[] chunk = new byte[bytesPerChunk];
long remaining = wav.DataLength;
int read;
while (remaining > 0 && (read = await file.ReadAtLeastAsync(chunk, (int)Math.Min(chunk.Length, remaining), throwOnEndOfStream: false)) > 0)
{
    await session.SendAudioAsync(chunk.AsMemory(0, read)); // queued: the memory can be reused at once
    remaining -= read;
    if (!fast)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100));
    }
}

// Close the session without losing its tail: returns after the last transcripts arrived.
await session.CompleteAsync();
await listening;
Console.WriteLine($"Transcript: {transcript.Text}");
return 0;
