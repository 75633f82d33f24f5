using Cartesia.Emulator.Speech.Mp3;
using Xunit.Abstractions;
using static Cartesia.Tests.Emulator.Speech.Mp3.Mp3TestAudio;

namespace Cartesia.Tests.Emulator.Speech.Mp3;

public class Mp3EncoderTests(ITestOutputHelper output)
{
    private static readonly int[] SampleRates = [8000, 16000, 22050, 24000, 44100, 48000];
    private static readonly int[] BitRates = [32000, 64000, 96000, 128000, 192000];

    public static TheoryData<int, int> RateCombinations()
    {
        var data = new TheoryData<int, int>();
        foreach (var sampleRate in SampleRates)
        {
            foreach (var bitRate in BitRates)
            {
                data.Add(sampleRate, bitRate);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RateCombinations))]
    public void Every_rate_and_bit_rate_gives_well_formed_frames_end_to_end(int sampleRate, int bitRate)
    {
        var input = TestSignal(sampleRate, sampleRate / 2);

        var mp3 = Mp3Encoder.Encode(input, sampleRate, bitRate);
        var frames = WalkFrames(mp3);

        var mpeg1 = sampleRate >= 32000;
        var expectedVersionBits = mpeg1 ? 3 : sampleRate >= 16000 ? 2 : 0;
        var expectedBitRate = mpeg1 ? bitRate : Math.Min(bitRate, 160000); // MPEG-2 and 2.5 stop at 160 kbit/s
        var frameSamples = mpeg1 ? 1152 : 576;
        Assert.Equal((input.Length + Mp3Encoder.DecoderDelaySamples + frameSamples - 1) / frameSamples, frames.Count);
        Assert.All(frames, frame =>
        {
            Assert.Equal(expectedVersionBits, frame.VersionBits);
            Assert.Equal(sampleRate, frame.SampleRate);
            Assert.Equal(expectedBitRate, frame.BitRate);
            Assert.Equal(3, frame.ChannelMode); // single channel
            Assert.Equal(0, frame.MainDataBegin); // no bit reservoir
        });
        Assert.Contains(frames, frame => frame.Part23Lengths.Any(bits => bits > 0));

        // Padding keeps the average bit rate exact: the stream is within one byte of the nominal size.
        var nominalBytes = (double)frames.Count * frameSamples / 8 * expectedBitRate / sampleRate;
        Assert.InRange(mp3.Length, nominalBytes - 1, nominalBytes + 1);
        Assert.Equal(sampleRate % 11025 == 0, frames.Any(frame => frame.Padding));
    }

    [Theory]
    [MemberData(nameof(RateCombinations))]
    public void Every_rate_and_bit_rate_decodes_with_NLayer_to_the_input_length(int sampleRate, int bitRate)
    {
        var input = TestSignal(sampleRate, sampleRate / 2);

        var (decoded, decodedRate, channels) = Decode(Mp3Encoder.Encode(input, sampleRate, bitRate));

        var frameSamples = sampleRate >= 32000 ? 1152 : 576;
        Assert.Equal(sampleRate, decodedRate);
        Assert.Equal(1, channels);
        Assert.InRange(decoded.Length, input.Length + Mp3Encoder.DecoderDelaySamples, input.Length + Mp3Encoder.DecoderDelaySamples + frameSamples);
        Assert.True(Rms(decoded) > 0.5 * Rms(input), "the decoded signal carries the input's energy");
    }

    [Theory]
    [InlineData(44100, 128000)]
    [InlineData(22050, 64000)]
    [InlineData(16000, 64000)]
    [InlineData(8000, 32000)]
    public void The_decoded_signal_lags_the_input_by_the_documented_decoder_delay(int sampleRate, int bitRate)
    {
        // Broadband input, so that the cross-correlation has a single clear peak.
        var input = TestSignal(sampleRate, sampleRate / 2);
        var random = new Random(7);
        for (var i = 0; i < input.Length; i++)
        {
            input[i] += (float)(0.2 * ((random.NextDouble() * 2) - 1));
        }

        var (decoded, _, _) = Decode(Mp3Encoder.Encode(input, sampleRate, bitRate));

        Assert.Equal(Mp3Encoder.DecoderDelaySamples, FindDelay(input, decoded, 3000));
    }

    [Theory]
    [InlineData(44100, 128000, 1000.0)]
    [InlineData(44100, 128000, 2850.0)]
    [InlineData(44100, 128000, 400.0)]
    [InlineData(16000, 64000, 1000.0)]
    [InlineData(16000, 64000, 2850.0)]
    [InlineData(16000, 64000, 3500.0)]
    [InlineData(24000, 96000, 1000.0)]
    [InlineData(24000, 96000, 2850.0)]
    [InlineData(8000, 32000, 1000.0)]
    [InlineData(8000, 32000, 2850.0)]
    [InlineData(8000, 32000, 3500.0)]
    [InlineData(44100, 32000, 2850.0)]
    [InlineData(48000, 32000, 1000.0)]
    public void A_tone_keeps_its_frequency_and_level_through_encode_and_decode(int sampleRate, int bitRate, double frequency)
    {
        // A pure tone needs few spectral lines, so even 32 kbit/s at 8 kHz leaves it nearly untouched (about 80 dB
        // measured); 40 dB leaves a wide margin while still catching any real defect in the coding path.
        const double amplitude = 0.3;
        const double minimumSnrDb = 40;
        var input = Sine(sampleRate, frequency, amplitude, sampleRate);

        var (decoded, _, _) = Decode(Mp3Encoder.Encode(input, sampleRate, bitRate));

        var aligned = decoded.AsSpan(Mp3Encoder.DecoderDelaySamples, input.Length);

        // Analyse a 100 ms block from the middle: 10 Hz bins at every sample rate.
        var blockLength = sampleRate / 10;
        var middle = (input.Length - blockLength) / 2;
        var block = aligned.Slice(middle, blockLength);
        var expectedBin = (int)Math.Round(frequency * blockLength / sampleRate);
        var peakBin = PeakBin(block);
        var levelDb = 20 * Math.Log10(ToneAmplitude(block, sampleRate, frequency) / amplitude);
        var snrDb = SnrDb(input.AsSpan(input.Length / 4, input.Length / 2), aligned.Slice(input.Length / 4, input.Length / 2));
        output.WriteLine($"{sampleRate} Hz, {bitRate / 1000} kbit/s, {frequency} Hz: peak bin {peakBin} (expected {expectedBin}), level {levelDb:F2} dB, SNR {snrDb:0.0} dB");

        Assert.InRange(peakBin, expectedBin - 1, expectedBin + 1);
        Assert.InRange(levelDb, -3.0, 3.0);
        Assert.True(snrDb >= minimumSnrDb, $"SNR {snrDb:0.0} dB is below {minimumSnrDb} dB");
    }

    [Theory]
    [InlineData(44100, 128000)]
    [InlineData(16000, 64000)]
    [InlineData(8000, 32000)]
    public void Silence_encodes_to_silence(int sampleRate, int bitRate)
    {
        var input = new float[sampleRate];

        var mp3 = Mp3Encoder.Encode(input, sampleRate, bitRate);
        var (decoded, _, _) = Decode(mp3);

        Assert.All(WalkFrames(mp3), frame => Assert.All(frame.Part23Lengths, bits => Assert.Equal(0, bits)));
        Assert.True(decoded.Length >= input.Length);
        Assert.All(decoded, sample => Assert.Equal(0f, sample));
    }

    [Theory]
    [InlineData(44100, 128000)]
    [InlineData(16000, 64000)]
    [InlineData(24000, 96000)]
    public void Tone_bursts_keep_their_boundaries_within_5_ms(int sampleRate, int bitRate)
    {
        // 200 ms silence, then three 150 ms bursts at different pitches with 100 ms of silence between them.
        var input = new float[sampleRate * 1000 / 1000];
        var bursts = new (int StartMs, double Frequency)[] { (200, 1000), (450, 2850), (700, 440) };
        foreach (var (startMs, frequency) in bursts)
        {
            var start = startMs * sampleRate / 1000;
            var tone = Sine(sampleRate, frequency, 0.3, 150 * sampleRate / 1000);
            tone.CopyTo(input, start);
        }

        var (decoded, _, _) = Decode(Mp3Encoder.Encode(input, sampleRate, bitRate));

        var aligned = decoded.AsSpan(Mp3Encoder.DecoderDelaySamples, input.Length);
        var blockLength = sampleRate / 1000; // 1 ms
        var expectedEdges = Edges(Envelope(input, blockLength));
        var actualEdges = Edges(Envelope(aligned, blockLength));
        output.WriteLine($"edges (ms): input [{string.Join(", ", expectedEdges)}], decoded [{string.Join(", ", actualEdges)}]");

        Assert.Equal(2 * bursts.Length, expectedEdges.Count);
        Assert.Equal(expectedEdges.Count, actualEdges.Count);
        for (var i = 0; i < expectedEdges.Count; i++)
        {
            Assert.InRange(actualEdges[i], expectedEdges[i] - 5, expectedEdges[i] + 5);
        }
    }

    [Fact]
    public void Encoding_is_deterministic()
    {
        var input = TestSignal(22050, 22050);

        var first = Mp3Encoder.Encode(input, 22050, 64000);
        var second = Mp3Encoder.Encode(input, 22050, 64000);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(8000, 192000)]
    [InlineData(48000, 192000)]
    [InlineData(44100, 320000)]
    public void Loud_and_clipped_input_still_decodes_faithfully(int sampleRate, int bitRate)
    {
        // A full-scale tone plus a square wave clipped at the rails: the largest values, and the escape tables.
        var input = new float[sampleRate / 2];
        for (var i = 0; i < input.Length; i++)
        {
            var square = (i / (sampleRate / 500)) % 2 == 0 ? 1.5 : -1.5;
            input[i] = (float)Math.Clamp((0.9 * Math.Sin(2 * Math.PI * 300 * i / sampleRate)) + (i > input.Length / 2 ? square : 0), -1, 1);
        }

        var (decoded, _, _) = Decode(Mp3Encoder.Encode(input, sampleRate, bitRate));

        var aligned = decoded.AsSpan(Mp3Encoder.DecoderDelaySamples, input.Length);
        var snrDb = SnrDb(input.AsSpan(input.Length / 8), aligned[(input.Length / 8)..]);
        output.WriteLine($"{sampleRate} Hz, {bitRate / 1000} kbit/s: SNR {snrDb:0.0} dB");
        Assert.True(snrDb >= 20, $"SNR {snrDb:0.0} dB");
    }

    [Fact]
    public void Every_Huffman_table_entry_decodes_in_NLayer_as_the_reference_tables_do()
    {
        // Hand-built frames whose big_values pairs run through every entry of one table (and, for tables with
        // linbits, escapes up to the table's maximum). Coded with any table, the same values must decode to exactly
        // the same samples; tables 23 and 31 are the references, built on the two independent code sets of tables 16
        // and 24, with 13 linbits so that they can code every value.
        foreach (var number in HuffmanTables.PairTableNumbers)
        {
            var spectra = SpectraCovering(HuffmanTables.Pair(number));

            var decoded = DecodeSpectra(spectra, number);

            Assert.True(Rms(decoded) > 0, $"table {number}: nothing decoded");
            Assert.True(DecodeSpectra(spectra, 23).AsSpan().SequenceEqual(decoded), $"table {number} differs from table 23");
            Assert.True(DecodeSpectra(spectra, 31).AsSpan().SequenceEqual(decoded), $"table {number} differs from table 31");
        }
    }

    [Fact]
    public void Every_count1_quadruple_decodes_in_NLayer_alike_with_tables_A_and_B()
    {
        // One granule whose count1 region runs through all 16 quadruples, twice, with different signs; table B's
        // code words are simply 15 - index in 4 bits, so it is the reference for table A.
        var spectrum = new int[576];
        for (var i = 0; i < 32; i++)
        {
            var index = i % 16;
            for (var k = 0; k < 4; k++)
            {
                var bit = (index >> (3 - k)) & 1;
                spectrum[(4 * i) + k] = (i + k) % 3 == 0 ? -bit : bit;
            }
        }

        var withA = DecodeSpectra([spectrum], number: 0, count1TableB: false);
        var withB = DecodeSpectra([spectrum], number: 0, count1TableB: true);

        Assert.True(Rms(withA) > 0);
        Assert.True(withB.AsSpan().SequenceEqual(withA));
    }

    [Fact]
    public void Unsupported_sample_rates_and_bit_rates_are_rejected()
    {
        var input = new float[100];
        Assert.Throws<ArgumentOutOfRangeException>(() => Mp3Encoder.Encode(input, 96000, 128000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mp3Encoder.Encode(input, 44100, 0));
    }

    [Fact]
    public void Empty_input_gives_a_short_silent_stream()
    {
        var mp3 = Mp3Encoder.Encode([], 24000, 64000);

        var frames = WalkFrames(mp3);
        Assert.InRange(frames.Count, 1, 2); // the frames that cover the decoder delay
        Assert.All(frames, frame => Assert.Equal(0, frame.Part23Lengths.Sum()));
        Assert.All(Decode(mp3).Samples, sample => Assert.Equal(0f, sample));
    }

    // A 1 kHz tone with a little deterministic broadband noise: exercises the whole spectrum, not just one line.
    private static float[] TestSignal(int sampleRate, int length)
    {
        var random = new Random(12345);
        var samples = Sine(sampleRate, 1000, 0.3, length);
        for (var i = 0; i < length; i++)
        {
            samples[i] += (float)(0.05 * ((random.NextDouble() * 2) - 1));
        }

        return samples;
    }

    // Spectra of 64 value pairs each, covering every (x, y) a table codes directly, with mixed signs, and some
    // escaped values up to its maximum.
    private static List<int[]> SpectraCovering(HuffmanCodeTable table)
    {
        var pairs = new List<(int X, int Y)>();
        for (var x = 0; x < table.XLength; x++)
        {
            for (var y = 0; y < table.XLength; y++)
            {
                pairs.Add(((x + y) % 3 == 1 ? -x : x, y % 2 == 1 ? -y : y));
            }
        }

        if (table.LinBits > 0)
        {
            var max = table.MaxValue;
            pairs.AddRange([(max, max), (-16, max), (max, 0), (0, -16), (15 + (1 << (table.LinBits - 1)), 17 % (max + 1)), (-max, 3)]);
        }

        var spectra = new List<int[]>();
        for (var start = 0; start < pairs.Count; start += 64)
        {
            var spectrum = new int[576];
            for (var p = 0; p < 64 && start + p < pairs.Count; p++)
            {
                (spectrum[2 * p], spectrum[(2 * p) + 1]) = pairs[start + p];
            }

            spectra.Add(spectrum);
        }

        return spectra;
    }

    // Writes the spectra as MPEG-1 granules (44.1 kHz, 320 kbit/s) whose big_values region is 64 pairs, all coded
    // with table `number`, then decodes the frames with NLayer. With table 0 there is no big_values region, and the
    // first 32 quadruples form the count1 region instead, coded with quadruple table A or B.
    private static float[] DecodeSpectra(List<int[]> spectra, int number, bool count1TableB = false)
    {
        var header = Mp3StreamFormat.Create(44100, 320000).Header(padding: false);
        var frameCount = ((spectra.Count + 1) / 2) + 1; // and a silent frame to flush the last overlap
        var bytes = new byte[frameCount * header.FrameLength];
        var writer = new BitWriter(bytes);
        var bands = ScaleFactorBands.Long(44100);
        var table = number == 0 ? null : HuffmanTables.Pair(number);
        for (var frame = 0; frame < frameCount; frame++)
        {
            var granules = new GranuleSideInfo[2];
            var values = new int[2][];
            for (var gr = 0; gr < 2; gr++)
            {
                var index = (2 * frame) + gr;
                values[gr] = index < spectra.Count ? spectra[index] : new int[576];
                var info = new GranuleSideInfo { GlobalGain = 120, Region0Count = 15 }; // region 0 covers 81 pairs
                if (index < spectra.Count && table is null)
                {
                    info.Count1 = 32;
                    info.Count1TableB = count1TableB;
                    for (var line = 0; line < 128; line += 4)
                    {
                        var quad = values[gr].AsSpan(line, 4);
                        info.Part23Length += HuffmanTables.QuadBits(count1TableB, quad[0], quad[1], quad[2], quad[3]);
                    }
                }
                else if (index < spectra.Count && table is not null)
                {
                    info.BigValues = 64;
                    for (var region = 0; region < 3; region++)
                    {
                        info.SetTableSelect(region, number);
                    }

                    for (var p = 0; p < 64; p++)
                    {
                        info.Part23Length += table.PairBits(Math.Abs(values[gr][2 * p]), Math.Abs(values[gr][(2 * p) + 1]));
                    }
                }

                granules[gr] = info;
            }

            header.Write(writer);
            SideInformation.Write(writer, MpegVersion.Mpeg1, granules);
            HuffmanEncoder.Write(writer, values[0], granules[0], bands);
            HuffmanEncoder.Write(writer, values[1], granules[1], bands);
            writer.SkipToByte((frame + 1) * header.FrameLength);
        }

        return Decode(bytes).Samples;
    }

    // The times (in blocks of the envelope) at which it crosses half the burst level.
    private static List<int> Edges(double[] envelope)
    {
        var threshold = 0.3 / Math.Sqrt(2) / 2;
        var edges = new List<int>();
        var on = false;
        for (var i = 0; i < envelope.Length; i++)
        {
            if (envelope[i] >= threshold != on)
            {
                on = !on;
                edges.Add(i);
            }
        }

        return edges;
    }
}
