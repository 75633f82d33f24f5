using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;
using Cartesia.VoiceChanger;

namespace Cartesia.Tests.VoiceChanger;

public class VoiceChangerTests
{
    private const string BritishLady = "79a125e8-cd45-4c13-8a67-188112f4dd22";

    [Theory]
    [InlineData(true, "wav")]
    [InlineData(false, "wav")]
    [InlineData(true, "mp3")]
    [InlineData(false, "raw")]
    public async Task Bytes_respeak_the_clip_in_the_target_voice_and_format(bool async, string container)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        AudioOutputFormat format = container switch
        {
            "mp3" => AudioOutputFormat.Mp3(44100, 128000),
            "raw" => AudioOutputFormat.Raw(AudioEncoding.PcmMulaw, 8000),
            _ => AudioOutputFormat.Wav(AudioEncoding.PcmF32LE, 24000),
        };
        var request = new VoiceChangerRequest { Clip = CartesiaFile.FromBytes(Clips.Wav("Say it in her voice."), "me.wav"), VoiceId = BritishLady, OutputFormat = format };

        byte[] audio;
        using (AudioResponse response = async ? await client.VoiceChanger.GenerateAsync(request) : client.VoiceChanger.Generate(request))
        {
            Assert.Equal(format.MediaType, response.MediaType);
            Assert.Equal(200, response.Response.StatusCode);
            audio = async ? await response.ReadAllBytesAsync() : response.ReadAllBytes();
        }

        Assert.Equal("Say it in her voice.", Clips.Words(audio, format));
        EmulatorRequest sent = emulator.Journal.For("/voice-changer/bytes").Single();
        IReadOnlyList<EmulatorFormPart> parts = sent.FormParts();
        Assert.Equal(container == "mp3"
            ? ["clip", "voice[id]", "output_format[container]", "output_format[sample_rate]", "output_format[bit_rate]"]
            : ["clip", "voice[id]", "output_format[container]", "output_format[encoding]", "output_format[sample_rate]"], parts.Select(p => p.Name));
        Assert.Equal("me.wav", parts[0].FileName);
        Assert.Equal(BritishLady, sent.FormPart("voice[id]")!.Text);
        Assert.Equal(container, sent.FormPart("output_format[container]")!.Text);
        Assert.Equal(format.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.FormPart("output_format[sample_rate]")!.Text);
        Assert.Equal("audio/wav", sent.Header("Accept"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sse_streams_untyped_chunks_then_done(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        AudioOutputFormat format = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000);
        var request = new VoiceChangerRequest { Clip = CartesiaFile.FromPath(Clips.WavFile("Streaming changed speech.")), VoiceId = BritishLady, OutputFormat = format };

        var events = new List<VoiceChangerEvent>();
        if (async)
        {
            await foreach (VoiceChangerEvent e in client.VoiceChanger.GenerateSseAsync(request))
            {
                events.Add(e);
            }
        }
        else
        {
            events.AddRange(client.VoiceChanger.GenerateSse(request));
        }

        Assert.IsType<VoiceChangerDoneEvent>(events[^1]);
        Assert.Equal(200, events[^1].StatusCode);
        List<VoiceChangerChunkEvent> chunks = events.OfType<VoiceChangerChunkEvent>().ToList();
        Assert.Equal(events.Count - 1, chunks.Count);
        Assert.All(chunks, c => Assert.Equal((16000, 206), (c.SampleRate!.Value, c.StatusCode!.Value)));
        byte[] audio = chunks.SelectMany(c => c.Audio.ToArray()).ToArray();
        Assert.Equal("Streaming changed speech.", Clips.Words(audio, format));
        Assert.Equal("text/event-stream", emulator.Journal.For("/voice-changer/sse").Single().Header("Accept"));
    }

    [Fact]
    public async Task An_sse_error_event_ends_the_stream_with_a_typed_exception()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /voice-changer/sse", new EmulatorFault { ErrorEventAfterChunks = 1, ErrorEventStatus = 500, ErrorCode = "internal_error", Title = "Boom", Message = "It broke." });
        using CartesiaClient client = emulator.CreateClient();
        var request = new VoiceChangerRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), VoiceId = BritishLady, OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000) };

        int chunks = 0;
        var error = await Assert.ThrowsAsync<CartesiaStreamException>(async () =>
        {
            await foreach (VoiceChangerEvent e in client.VoiceChanger.GenerateSseAsync(request))
            {
                chunks++;
            }
        });

        Assert.Equal(1, chunks);
        Assert.Equal(("internal_error", "Boom", 500), (error.ErrorCode, error.Title, error.StatusCode!.Value));
        Assert.True(error.AudioBytesReceived > 0);
    }

    [Fact]
    public async Task A_non_seekable_upload_is_never_retried_but_a_seekable_one_is_resent_whole()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { GenerationRetries = GenerationRetryMode.Always });
        byte[] wav = Clips.Wav("Send me twice.");
        AudioOutputFormat format = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000);

        emulator.Faults.Add("POST /voice-changer/bytes", EmulatorFault.Status(503).WithRetryAfterMs(1));
        var once = await Assert.ThrowsAsync<CartesiaServerException>(() => client.VoiceChanger.GenerateBytesAsync(new VoiceChangerRequest { Clip = CartesiaFile.FromStream(new NonSeekableStream(wav), "live.wav"), VoiceId = BritishLady, OutputFormat = format }));
        Assert.Single(emulator.Journal.Requests);
        Assert.Contains("cannot be rewound", once.Message, StringComparison.Ordinal);

        emulator.Journal.Clear();
        emulator.Faults.Add("POST /voice-changer/bytes", EmulatorFault.Status(503).WithRetryAfterMs(1));
        using var seekable = new MemoryStream([0xFF, 0xFF, .. wav]);
        seekable.Position = 2;
        byte[] audio = await client.VoiceChanger.GenerateBytesAsync(new VoiceChangerRequest { Clip = CartesiaFile.FromStream(seekable, "seek.wav"), VoiceId = BritishLady, OutputFormat = format });

        Assert.Equal(2, emulator.Journal.Requests.Count);
        Assert.All(emulator.Journal.Requests, r => Assert.Equal(wav, r.FormPart("clip")!.Content));
        Assert.Equal("Send me twice.", Clips.Words(audio, format));
    }

    [Fact]
    public async Task Bad_requests_are_refused_locally()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        CartesiaFile clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav");

        var mp3OnSse = Assert.Throws<ArgumentException>(() => client.VoiceChanger.GenerateSse(new VoiceChangerRequest { Clip = clip, VoiceId = BritishLady, OutputFormat = AudioOutputFormat.Mp3(44100, 128000) }));
        var noVoice = await Assert.ThrowsAsync<ArgumentException>(() => client.VoiceChanger.GenerateAsync(new VoiceChangerRequest { Clip = clip, VoiceId = "", OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000) }));
        var badRate = Assert.Throws<ArgumentException>(() => client.VoiceChanger.Generate(new VoiceChangerRequest { Clip = clip, VoiceId = BritishLady, OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 11025) }));

        Assert.Contains("VoiceChangerRequest.OutputFormat.Container", mp3OnSse.Message, StringComparison.Ordinal);
        Assert.Contains("VoiceChangerRequest.VoiceId (voice[id])", noVoice.Message, StringComparison.Ordinal);
        Assert.Contains("11025", badRate.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task An_unknown_target_voice_is_a_bad_request()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.VoiceChanger.GenerateBytesAsync(new VoiceChangerRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), VoiceId = "nobody", OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000) }));

        Assert.Equal("voice_not_found", error.ErrorCode);
    }
}
