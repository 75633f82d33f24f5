// Text-to-speech in one call: POST /tts/bytes returns the whole WAV file as a byte array, written to disk.
// Run: dotnet run --project samples/TtsBytes [-- "Your text"]   (writes tts-bytes.wav in the current directory)
// With CARTESIA_API_KEY set it uses the real Cartesia API; otherwise an emulator embedded in this process.
using Cartesia;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Tts;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY

string text = args.Length > 0 ? string.Join(' ', args) : "Bytes in, bytes out: a whole WAV file from one call.";

byte[] wav = await client.Tts.GenerateBytesAsync(new TtsRequest
{
    ModelId = TtsModel.Sonic3_6,
    Transcript = text,
    Voice = "a0e99841-438c-4a64-b679-ae501e7d6091",
    Language = Language.English,
    OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100),
});
await File.WriteAllBytesAsync("tts-bytes.wav", wav);

// The bytes are a complete WAV file: read its header back to describe it.
WavFormat format = WavHeader.Read(wav);
double seconds = format.DataLength / (double)(format.SampleRate * format.Channels * 2); // 2 bytes per pcm_s16le sample
Console.WriteLine($"Wrote tts-bytes.wav: {wav.Length} bytes, {format.Encoding} {format.SampleRate} Hz, {format.Channels} channel(s), {seconds:0.00} s of speech.");
