// Voice cloning: clone a voice from a short clip, speak with the new voice, then delete it.
// Without a clip it first records one with TTS (clone-clip.wav), so it is self-contained; with the real API,
// pass a clip of your own voice (5 to 10 seconds of clean speech works well).
// Run: dotnet run --project samples/VoiceCloning [-- clip.wav]   (writes cloned-voice.wav)
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process.
using Cartesia;
using Cartesia.Emulator;
using Cartesia.Tts;
using Cartesia.Voices;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

string clip = args.Length > 0 ? args[0] : "clone-clip.wav";
if (args.Length == 0)
{
    await using AudioResponse recording = await client.Tts.GenerateAsync(new TtsRequest
    {
        ModelId = TtsModel.Sonic3_6,
        Transcript = "This is a short recording of my voice. I speak clearly and at an even pace, so that it can be cloned.",
        Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
        Language = Language.English,
        OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
    });
    await recording.SaveToFileAsync(clip);
    Console.WriteLine($"Recorded a clip into {clip}.");
}

// 1. Clone: the clip streams from disk as a multipart upload.
VoiceMetadata voice = await client.Voices.CloneAsync(new VoiceCloneRequest
{
    Clip = CartesiaFile.FromPath(clip),
    Name = "Samples clone",
    Description = "Made by the Cartesia for .NET VoiceCloning sample; safe to delete.",
    Language = Language.English,
});
Console.WriteLine($"Cloned: {voice.Name} ({voice.Id}), language {voice.Language}.");

try
{
    // 2. Speak with it: a cloned voice is used like any other, by its id.
    await using AudioResponse audio = await client.Tts.GenerateAsync(new TtsRequest
    {
        ModelId = TtsModel.Sonic3_6,
        Transcript = "Hello! This is my cloned voice speaking.",
        Voice = voice.Id,
        Language = Language.English,
        OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
    });
    await audio.SaveToFileAsync("cloned-voice.wav");
    Console.WriteLine("Spoke with the cloned voice into cloned-voice.wav.");
}
finally
{
    // 3. Delete it (here even when speaking failed, so the sample leaves no voice behind).
    await client.Voices.DeleteAsync(voice.Id);
    Console.WriteLine($"Deleted {voice.Id}.");
}

try
{
    await client.Voices.GetAsync(voice.Id);
    Console.WriteLine("The voice is still listed.");
    return 1;
}
catch (CartesiaNotFoundException)
{
    Console.WriteLine("It is gone: getting it now answers 404.");
    return 0;
}
