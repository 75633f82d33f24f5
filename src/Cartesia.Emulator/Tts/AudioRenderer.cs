using Cartesia.Audio;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Speech.Mp3;

namespace Cartesia.Emulator.Tts;

/// <summary>Encodes synthesized speech in a requested output format.</summary>
internal static class AudioRenderer
{
    /// <summary>The whole body for a container: raw samples, a WAV file with exact sizes, or MP3 frames.</summary>
    public static byte[] Render(SynthesizedSpeech speech, OutputSpec output)
    {
        switch (output.Container)
        {
            case "mp3":
                return Mp3Encoder.Encode(speech.Samples, speech.SampleRate, output.BitRate!.Value);
            case "wav":
                byte[] samples = PcmCodec.Encode(speech.Samples, output.Encoding!);
                byte[] header = WavHeader.Create(output.Encoding!, speech.SampleRate, samples.Length);
                return [.. header, .. samples];
            default:
                return PcmCodec.Encode(speech.Samples, output.Encoding!);
        }
    }

    /// <summary>How many bytes carry about <paramref name="seconds"/> of audio, whole samples only.</summary>
    public static int ChunkBytes(OutputSpec output, double seconds)
    {
        int bytes = Math.Max(1, (int)(output.BytesPerSecond * seconds));
        if (output.Container == "mp3")
        {
            return bytes;
        }

        int sample = PcmCodec.BytesPerSample(output.Encoding!);
        return Math.Max(sample, bytes - (bytes % sample));
    }
}
