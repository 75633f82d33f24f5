// Speech through Microsoft.Extensions.AI: Cartesia as an ITextToSpeechClient and an ISpeechToTextClient, wrapped
// in the logging middleware with the standard builders. GetAudioAsync returns a whole WAV file (meai.wav);
// GetStreamingAudioAsync streams raw audio over the WebSocket (written to meai-stream.wav as it arrives), with word
// timestamps. Then GetTextAsync transcribes meai.wav (POST /stt) and GetStreamingTextAsync streams meai-stream.wav
// through a realtime session, printing interim and final text as it arrives.
// With dependency injection the same clients come from
//   services.AddCartesia(...); services.AddCartesiaTextToSpeechClient(o => o.DefaultVoiceId = "...").UseLogging();
//   services.AddCartesiaSpeechToTextClient().UseLogging();
// Run: dotnet run --project samples/ExtensionsAI
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process.
using Cartesia;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Extensions.AI;
using Cartesia.Tts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

// The logging middleware logs failures at Error, and each call, streaming update and completion at Debug (the
// text and options too at Trace): lower the level to see them.
using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information));

using ITextToSpeechClient tts = client
    .AsITextToSpeechClient(defaultVoiceId: "a0e99841-438c-4a64-b679-ae501e7d6091") // model: sonic-3 unless ModelId says
    .AsBuilder()
    .UseLogging(loggerFactory)
    .Build();

TextToSpeechClientMetadata? metadata = tts.GetService<TextToSpeechClientMetadata>();
Console.WriteLine($"Provider {metadata?.ProviderName} at {metadata?.ProviderUri}, default model {metadata?.DefaultModelId}.");

// 1. Whole audio (POST /tts/bytes): one DataContent holding the file; WAV 16-bit 44.1 kHz by default.
TextToSpeechResponse response = await tts.GetAudioAsync(
    "Speech through Microsoft dot Extensions dot AI.",
    new TextToSpeechOptions { Language = "en", Speed = 1.1f });
DataContent wav = response.Contents.OfType<DataContent>().Single();
await File.WriteAllBytesAsync("meai.wav", wav.Data);
Console.WriteLine($"GetAudioAsync: {wav.Data.Length} bytes of {wav.MediaType} written to meai.wav (request {response.ResponseId}).");

// 2. Streaming (the TTS WebSocket): raw pcm_s16le at 24 kHz by default, as updates; Cartesia-specific settings
//    go in AdditionalProperties (CartesiaAdditionalProperties: emotion, sample rate, encoding, timestamps, ...).
var streamingOptions = new TextToSpeechOptions
{
    Language = "en",
    AdditionalProperties = new AdditionalPropertiesDictionary
    {
        [CartesiaAdditionalProperties.SampleRate] = 24000,
        [CartesiaAdditionalProperties.AddTimestamps] = true,
    },
};
await using (FileStream file = File.Create("meai-stream.wav"))
{
    var writer = new WavStreamWriter(file, AudioEncoding.PcmS16LE, 24000);
    await foreach (TextToSpeechResponseUpdate update in tts.GetStreamingAudioAsync("And this arrives piece by piece.", streamingOptions))
    {
        foreach (DataContent audio in update.Contents.OfType<DataContent>())
        {
            await writer.WriteAsync(audio.Data); // play it here instead
        }

        if (update.AdditionalProperties?.TryGetValue(CartesiaAdditionalProperties.WordTimestamps, out object? value) == true && value is WordTimestamps words)
        {
            foreach (TimedText word in words.ToTimedWords())
            {
                Console.WriteLine($"  {word.Start.TotalSeconds:0.000}s  {word.Text}");
            }
        }

        if (update.Kind == TextToSpeechResponseUpdateKind.AudioUpdated)
        {
            await writer.CompleteAsync();
            Console.WriteLine($"GetStreamingAudioAsync: {writer.DataLength} bytes of audio written to meai-stream.wav (context {update.ResponseId}).");
        }
    }
}

// 3. Speech-to-text, whole (POST /stt): the WAV header says the format; words and their times come along.
using ISpeechToTextClient stt = client.AsISpeechToTextClient().AsBuilder().UseLogging(loggerFactory).Build();
await using (FileStream file = File.OpenRead("meai.wav"))
{
    SpeechToTextResponse text = await stt.GetTextAsync(file, new SpeechToTextOptions { SpeechLanguage = "en" });
    Console.WriteLine($"GetTextAsync: \"{text.Text}\" ({text.EndTime?.TotalSeconds:0.00} s of audio, model {text.ModelId}).");
}

// 4. Speech-to-text, streaming: a real session fed as the stream is read (a file here; a microphone works the
//    same). Interim hypotheses carry their text in AdditionalProperties, final segments in Text, so merging the
//    updates (ToSpeechToTextResponseAsync) gives exactly the final transcript.
await using (FileStream file = File.OpenRead("meai-stream.wav"))
{
    var updates = new List<SpeechToTextResponseUpdate>();
    await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(file, new SpeechToTextOptions { SpeechLanguage = "en" }))
    {
        updates.Add(update);
        if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdating && update.AdditionalProperties?[CartesiaAdditionalProperties.InterimText] is string partial)
        {
            Console.WriteLine($"  interim: {partial}");
        }
        else if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdated)
        {
            Console.WriteLine($"  final:   {update.Text}");
        }
    }

    Console.WriteLine($"GetStreamingTextAsync: \"{updates.ToSpeechToTextResponse().Text}\".");
}
