using NLayer;

namespace Cartesia.Tests.Emulator.Speech.Mp3;

/// <summary>
/// Test helpers for MP3 streams: an MPEG audio frame walker written independently of the encoder, decoding through
/// NLayer, and the signal measurements the encoder tests assert on.
/// </summary>
internal static class Mp3TestAudio
{
    private static readonly int[] Mpeg1BitRates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2BitRates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

    /// <summary>One parsed frame: its header fields and the side information fields the tests check.</summary>
    public sealed record Frame(
        int Offset,
        int Length,
        int VersionBits,
        int SampleRate,
        int BitRate,
        bool Padding,
        int ChannelMode,
        int MainDataBegin,
        int[] Part23Lengths,
        int[] BigValues);

    /// <summary>
    /// Walks the stream frame by frame from the first byte to the last, failing the test on a missing sync word, an
    /// unexpected field, a frame that runs past the end, or Huffman data that does not fit its frame.
    /// </summary>
    public static List<Frame> WalkFrames(byte[] mp3)
    {
        var frames = new List<Frame>();
        var offset = 0;
        while (offset < mp3.Length)
        {
            Assert.True(offset + 4 <= mp3.Length, $"truncated header at byte {offset}");
            var header = (uint)((mp3[offset] << 24) | (mp3[offset + 1] << 16) | (mp3[offset + 2] << 8) | mp3[offset + 3]);
            Assert.True(header >> 21 == 0x7FF, $"no frame sync at byte {offset}");
            var versionBits = (int)((header >> 19) & 3);
            Assert.NotEqual(1, versionBits); // reserved
            Assert.Equal(1u, (header >> 17) & 3); // Layer III
            Assert.Equal(1u, (header >> 16) & 1); // no CRC
            var bitRateIndex = (int)((header >> 12) & 15);
            Assert.InRange(bitRateIndex, 1, 14);
            var sampleRateIndex = (int)((header >> 10) & 3);
            Assert.InRange(sampleRateIndex, 0, 2);
            var padding = ((header >> 9) & 1) == 1;
            var channelMode = (int)((header >> 6) & 3);
            Assert.Equal(0u, header & 3); // emphasis none

            var mpeg1 = versionBits == 3;
            var bitRate = (mpeg1 ? Mpeg1BitRates : Mpeg2BitRates)[bitRateIndex] * 1000;
            var sampleRate = versionBits switch
            {
                3 => new[] { 44100, 48000, 32000 }[sampleRateIndex],
                2 => new[] { 22050, 24000, 16000 }[sampleRateIndex],
                _ => new[] { 11025, 12000, 8000 }[sampleRateIndex],
            };
            var length = ((mpeg1 ? 144 : 72) * bitRate / sampleRate) + (padding ? 1 : 0);
            Assert.True(offset + length <= mp3.Length, $"frame at byte {offset} runs past the end");

            // Side information (single channel): main_data_begin, then per granule part2_3_length and big_values.
            var bit = (offset + 4) * 8;
            var mainDataBegin = ReadBits(mp3, ref bit, mpeg1 ? 9 : 8);
            bit += mpeg1 ? 5 + 4 : 1;
            var granules = mpeg1 ? 2 : 1;
            var part23 = new int[granules];
            var bigValues = new int[granules];
            for (var gr = 0; gr < granules; gr++)
            {
                part23[gr] = ReadBits(mp3, ref bit, 12);
                bigValues[gr] = ReadBits(mp3, ref bit, 9);
                Assert.InRange(bigValues[gr], 0, 288);
                bit += 8 + (mpeg1 ? 4 : 9);
                Assert.Equal(0, ReadBits(mp3, ref bit, 1)); // window_switching_flag: long blocks
                bit += 15 + 4 + 3 + (mpeg1 ? 1 : 0) + 1 + 1;
            }

            var sideInfoBytes = mpeg1 ? 17 : 9;
            Assert.True(part23.Sum() <= (length - 4 - sideInfoBytes) * 8, $"main data of frame at byte {offset} overflows it");

            frames.Add(new Frame(offset, length, versionBits, sampleRate, bitRate, padding, channelMode, mainDataBegin, part23, bigValues));
            offset += length;
        }

        return frames;
    }

    /// <summary>Decodes the whole stream with NLayer and returns its samples and sample rate.</summary>
    public static (float[] Samples, int SampleRate, int Channels) Decode(byte[] mp3)
    {
        using var stream = new MemoryStream(mp3, writable: false);
        using var file = new MpegFile(stream);
        var output = new List<float>();
        var buffer = new float[4096];
        int read;
        while ((read = file.ReadSamples(buffer, 0, buffer.Length)) > 0)
        {
            output.AddRange(buffer.AsSpan(0, read));
        }

        return (output.ToArray(), file.SampleRate, file.Channels);
    }

    /// <summary>A sine tone of the given frequency and amplitude.</summary>
    public static float[] Sine(int sampleRate, double frequency, double amplitude, int length)
    {
        var samples = new float[length];
        for (var i = 0; i < length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>The lag (0 to <paramref name="maxLag"/>) at which <paramref name="output"/> best matches <paramref name="input"/>.</summary>
    public static int FindDelay(ReadOnlySpan<float> input, ReadOnlySpan<float> output, int maxLag)
    {
        var start = input.Length / 4;
        var length = input.Length / 2;
        int best = 0;
        var bestScore = double.NegativeInfinity;
        for (var lag = 0; lag <= maxLag && start + lag + length <= output.Length; lag++)
        {
            double score = 0;
            for (var i = 0; i < length; i++)
            {
                score += input[start + i] * output[start + lag + i];
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }

        return best;
    }

    /// <summary>Signal-to-noise ratio in dB of <paramref name="output"/> against <paramref name="reference"/>.</summary>
    public static double SnrDb(ReadOnlySpan<float> reference, ReadOnlySpan<float> output)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            signal += reference[i] * (double)reference[i];
            var error = output[i] - (double)reference[i];
            noise += error * error;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1e-30));
    }

    /// <summary>The root mean square of the samples.</summary>
    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The amplitude of the component at <paramref name="frequency"/> (Goertzel, Hann window, amplitude-corrected).</summary>
    public static double ToneAmplitude(ReadOnlySpan<float> samples, int sampleRate, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0, windowSum = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (samples.Length - 1)));
            windowSum += window;
            var s0 = (samples[i] * window) + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / windowSum;
    }

    /// <summary>The DFT bin (of a Hann-windowed block of <paramref name="samples"/>.Length) with the most energy.</summary>
    public static int PeakBin(ReadOnlySpan<float> samples)
    {
        var n = samples.Length;
        var windowed = new double[n];
        for (var i = 0; i < n; i++)
        {
            windowed[i] = samples[i] * (0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (n - 1))));
        }

        // cos and sin of 2 pi m / n for every m, so each bin is a pass of table look-ups.
        var cos = new double[n];
        var sin = new double[n];
        for (var m = 0; m < n; m++)
        {
            cos[m] = Math.Cos(2 * Math.PI * m / n);
            sin[m] = Math.Sin(2 * Math.PI * m / n);
        }

        var best = 0;
        var bestPower = -1.0;
        for (var k = 1; k < n / 2; k++)
        {
            double re = 0, im = 0;
            var phase = 0;
            for (var i = 0; i < n; i++)
            {
                re += windowed[i] * cos[phase];
                im -= windowed[i] * sin[phase];
                phase += k;
                if (phase >= n)
                {
                    phase -= n;
                }
            }

            var power = (re * re) + (im * im);
            if (power > bestPower)
            {
                bestPower = power;
                best = k;
            }
        }

        return best;
    }

    /// <summary>The RMS envelope over consecutive blocks of <paramref name="blockLength"/> samples.</summary>
    public static double[] Envelope(ReadOnlySpan<float> samples, int blockLength)
    {
        var envelope = new double[samples.Length / blockLength];
        for (var b = 0; b < envelope.Length; b++)
        {
            envelope[b] = Rms(samples.Slice(b * blockLength, blockLength));
        }

        return envelope;
    }

    private static int ReadBits(byte[] data, ref int bit, int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++, bit++)
        {
            value = (value << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
        }

        return value;
    }
}
