using Cartesia.Audio;

namespace Cartesia.Tests.Audio;

public class AudioHelperTests
{
    [Theory]
    [InlineData(44100, 16000, 1000)]
    [InlineData(48000, 8000, 440)]
    [InlineData(24000, 8000, 3000)]
    [InlineData(16000, 44100, 2500)]
    [InlineData(8000, 48000, 300)]
    [InlineData(22050, 24000, 5000)]
    public void The_resampler_keeps_a_sines_frequency_and_level(int from, int to, double frequency)
    {
        float[] input = Signals.Sine(frequency, from, 1.0, amplitude: 0.5);

        float[] output = AudioResampler.Resample(input, from, to);

        Assert.Equal(to, output.Length);
        Assert.InRange(Signals.Peak(output, to, 100, to / 2.0), frequency - 10, frequency + 10);
        // Level within ±0.5 dB of the input's.
        Assert.InRange(Signals.Decibels(Signals.Amplitude(output, frequency, to) / 0.5), -0.5, 0.5);
    }

    [Fact]
    public void The_resampler_removes_what_the_lower_rate_cannot_hold_instead_of_aliasing_it()
    {
        float[] input = Signals.Sine(6000, 48000, 1.0, amplitude: 0.5);

        float[] output = AudioResampler.Resample(input, 48000, 8000);

        // 6 kHz would fold to 2 kHz at 8 kHz; it must be at least 40 dB down instead.
        Assert.True(Signals.Decibels(Signals.Amplitude(output, 2000, 8000) / 0.5) < -40);
    }

    [Theory]
    [InlineData("pcm_s16le", 1e-4)]
    [InlineData("pcm_f32le", 1e-7)]
    [InlineData("pcm_s32le", 1e-8)]
    [InlineData("pcm_f16le", 1e-3)]
    [InlineData("pcm_mulaw", 0.032)]
    [InlineData("pcm_alaw", 0.032)]
    public void Every_encoding_round_trips_within_its_precision(string encoding, double tolerance)
    {
        float[] samples = [0f, 0.5f, -0.5f, 0.999f, -1f, 0.0001f, 0.25f, -0.125f];

        float[] back = PcmCodec.Decode(PcmCodec.Encode(samples, encoding), encoding);

        for (int i = 0; i < samples.Length; i++)
        {
            // G.711 is logarithmic: its error grows with the level (half a step: at most 1/32 of it).
            double allowed = encoding is "pcm_mulaw" or "pcm_alaw" ? Math.Max(tolerance * Math.Abs(samples[i]), 0.002) : tolerance;
            Assert.InRange(back[i], samples[i] - allowed, samples[i] + allowed);
        }
    }

    [Fact]
    public void G711_matches_the_reference_points_of_the_standard()
    {
        Assert.Equal(0xFF, G711.EncodeMuLaw(0));
        Assert.Equal(0x00, G711.EncodeMuLaw(short.MinValue));
        Assert.Equal(0x80, G711.EncodeMuLaw(short.MaxValue));
        Assert.Equal(0xD5, G711.EncodeALaw(0));
        Assert.Equal(0, G711.DecodeMuLaw(0xFF));
        for (int value = short.MinValue; value <= short.MaxValue; value += 97)
        {
            short sample = (short)value;
            Assert.InRange(G711.DecodeMuLaw(G711.EncodeMuLaw(sample)), sample - (Math.Abs(value) / 16) - 8, sample + (Math.Abs(value) / 16) + 8);
            Assert.InRange(G711.DecodeALaw(G711.EncodeALaw(sample)), sample - (Math.Abs(value) / 16) - 16, sample + (Math.Abs(value) / 16) + 16);
        }
    }

    [Theory]
    [InlineData("pcm_s16le", 44)]
    [InlineData("pcm_f32le", 58)]
    [InlineData("pcm_mulaw", 58)]
    [InlineData("pcm_alaw", 58)]
    public void Wav_headers_round_trip_and_fix(string encoding, int headerSize)
    {
        byte[] header = WavHeader.Create(encoding, 16000, 3200);
        WavFormat read = WavHeader.Read([.. header, .. new byte[3200]]);

        Assert.Equal(headerSize, header.Length);
        Assert.Equal(new WavFormat(encoding, 16000, 1, headerSize, 3200), read);

        using var streamed = new MemoryStream();
        streamed.Write(WavHeader.Create(encoding, 16000, dataLength: null));
        streamed.Write(new byte[1000]);
        Assert.Equal(WavHeader.UnknownLength, BitConverter.ToUInt32(streamed.ToArray(), 4));
        WavHeader.Fix(streamed);
        Assert.Equal(1000, WavHeader.Read(streamed.ToArray()).DataLength);
        Assert.Throws<FormatException>(() => WavHeader.Read("RIFF----WAVEjunk"u8));
    }

    [Theory]
    [InlineData("pcm_s16le")]
    [InlineData("pcm_mulaw")]
    [InlineData("pcm_f32le")]
    public async Task The_streamed_wav_writer_fixes_its_own_header_wherever_it_is(string encoding)
    {
        using var stream = new MemoryStream();
        stream.Write("prefix"u8);
        var writer = new WavStreamWriter(stream, encoding, 8000);

        await writer.WriteAsync(new byte[1000]);
        await writer.WriteAsync(new byte[600]);
        await writer.CompleteAsync();
        await new WavStreamWriter(Stream.Null, encoding, 8000).CompleteAsync();

        WavFormat format = WavHeader.Read(stream.ToArray().AsSpan(6));
        Assert.Equal(1600, format.DataLength);
        Assert.Equal(1600, writer.DataLength);
        Assert.Equal(stream.Length - 6 - 8, BitConverter.ToUInt32(stream.ToArray(), 6 + 4));
        if (encoding != "pcm_s16le")
        {
            Assert.Equal(1600u / (uint)PcmCodec.BytesPerSample(encoding), BitConverter.ToUInt32(stream.ToArray(), 6 + 46));
        }
    }

    [Fact]
    public void The_telephony_framer_makes_20_ms_frames_without_losing_a_byte()
    {
        byte[] second = AudioConverter.Convert(PcmCodec.Encode(Signals.Sine(440, 24000, 1.0), AudioEncoding.PcmF32LE), AudioEncoding.PcmF32LE, 24000, AudioEncoding.PcmMulaw, 8000);
        var framer = new TelephonyFramer();

        var frames = new List<byte[]>();
        frames.AddRange(framer.Push(second.AsSpan(0, 1)));
        frames.AddRange(framer.Push(second.AsSpan(1, 4000)));
        frames.AddRange(framer.Push(second.AsSpan(4001)));
        byte[]? tail = framer.Flush();

        Assert.Equal(8000, second.Length);
        Assert.Equal(50, frames.Count);
        Assert.All(frames, f => Assert.Equal(160, f.Length));
        Assert.Null(tail);
        Assert.Equal(second, frames.SelectMany(f => f).ToArray());
        Assert.InRange(Signals.Peak(PcmCodec.Decode(second, AudioEncoding.PcmMulaw), 8000, 100, 3900), 430, 450);

        IReadOnlyList<string> payloads = framer.PushBase64(second.AsSpan(0, 250));
        byte[]? padded = framer.Flush();
        Assert.Single(payloads);
        Assert.Equal(second[..160], Convert.FromBase64String(payloads[0]));
        Assert.NotNull(padded);
        Assert.Equal([.. second[160..250], .. Enumerable.Repeat((byte)0xFF, 70)], padded);
    }

    [Fact]
    public void Twilio_messages_are_the_media_stream_json()
    {
        Assert.Equal("""{"event":"media","streamSid":"MZ1","media":{"payload":"AAH/"}}""", TwilioMediaMessages.Media("MZ1", [0, 1, 255]));
        Assert.Equal("""{"event":"mark","streamSid":"MZ1","mark":{"name":"turn-1"}}""", TwilioMediaMessages.Mark("MZ1", "turn-1"));
        Assert.Equal("""{"event":"clear","streamSid":"MZ1"}""", TwilioMediaMessages.Clear("MZ1"));
    }
}
