using Cartesia.Audio;

namespace Cartesia.Tests.Support;

/// <summary>Turns audio the SDK received back into samples, for the emulator's recognizer.</summary>
internal static class AudioDecoding
{
    public static (float[] Samples, int SampleRate) Decode(byte[] audio, AudioOutputFormat format)
    {
        if (format.Container == AudioContainer.Wav)
        {
            WavFormat wav = WavHeader.Read(audio);
            Assert.Equal(format.Encoding, wav.Encoding);
            Assert.Equal(format.SampleRate, wav.SampleRate);
            Assert.Equal(1, wav.Channels);
            Assert.Equal(audio.Length - wav.DataOffset, wav.DataLength);
            return (PcmCodec.Decode(audio.AsSpan((int)wav.DataOffset), wav.Encoding), wav.SampleRate);
        }

        if (format.Container == AudioContainer.Mp3)
        {
            using var file = new NLayer.MpegFile(new MemoryStream(audio));
            var samples = new List<float>();
            float[] buffer = new float[4096];
            int read;
            while ((read = file.ReadSamples(buffer, 0, buffer.Length)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, read));
            }

            return ([.. samples], file.SampleRate);
        }

        return (PcmCodec.Decode(audio, format.Encoding!.Value), format.SampleRate);
    }
}
