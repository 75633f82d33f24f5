using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Tts;

namespace Cartesia.Tests.Support;

/// <summary>Audio clips for uploads: the emulator's decodable speech as WAV or raw bytes.</summary>
internal static class Clips
{
    public static byte[] Wav(string words = "A clean clip of speech.", int sampleRate = 16000, string encoding = "pcm_s16le")
    {
        var output = new OutputSpec("wav", encoding, sampleRate, null);
        return AudioRenderer.Render(SpeechSynthesizer.Synthesize(words, sampleRate), output);
    }

    public static string WavFile(string words = "A clean clip of speech.")
    {
        string path = Path.Combine(Path.GetTempPath(), $"cartesia-clip-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, Wav(words));
        return path;
    }

    /// <summary>The words the emulator hears in audio of a format.</summary>
    public static string Words(byte[] audio, AudioOutputFormat format)
    {
        (float[] samples, int rate) = AudioDecoding.Decode(audio, format);
        return string.Join(' ', SpeechRecognizer.Recognize(samples, rate).Select(w => w.Word));
    }
}
