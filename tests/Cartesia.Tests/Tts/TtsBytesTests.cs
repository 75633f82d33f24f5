using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Emulator.Speech;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts;

public class TtsBytesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Generates_a_valid_wav_that_speaks_the_transcript(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        TtsRequest request = Requests.Bytes();

        byte[] wav = await Twin.GenerateBytes(client, request, async);

        (float[] samples, int rate) = AudioDecoding.Decode(wav, request.OutputFormat);
        Assert.Equal(SpeechSynthesizer.Words(request.Transcript), SpeechRecognizer.Recognize(samples, rate).Select(w => w.Word));
        EmulatorRequest sent = Assert.Single(emulator.Journal.For("/tts/bytes"));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("2026-08-14", sent.Header("Cartesia-Version"));
        CredentialAssert.Bearer(CartesiaEmulator.AnyKeyPlaceholder, sent);
        Assert.StartsWith("cartesia-dotnet/", sent.Header("User-Agent"));
        Assert.StartsWith("cartesia-dotnet/", sent.Header("X-Cartesia-Client"));
        Assert.Contains("\"voice\":\"a0e99841-438c-4a64-b679-ae501e7d6091\"", sent.BodyText);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Streams_audio_to_a_file_and_exposes_the_response(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        string path = Path.Combine(Path.GetTempPath(), $"cartesia-{Guid.NewGuid():N}.wav");
        try
        {
            TtsRequest request = Requests.Bytes();
            request.Save = true;
            using AudioResponse audio = async ? await client.Tts.GenerateAsync(request) : client.Tts.Generate(request);
            if (async)
            {
                await audio.SaveToFileAsync(path);
            }
            else
            {
                audio.SaveToFile(path);
            }

            Assert.Equal(200, audio.Response.StatusCode);
            Assert.NotNull(audio.Response.RequestId);
            Assert.Equal(1, emulator.Journal.Requests.Single().Sequence);
            Assert.StartsWith("file_", audio.FileId);
            Assert.Equal("audio/wav", audio.MediaType);
            WavFormat format = WavHeader.Read(await File.ReadAllBytesAsync(path));
            Assert.Equal(new FileInfo(path).Length - format.DataOffset, format.DataLength);
            Assert.False(File.Exists(path + ".partial"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Audio_streams_without_buffering_the_whole_body()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        // A slow stream: the first bytes must be readable long before the last one is sent.
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { ChunkInterval = TimeSpan.FromMilliseconds(150) });
        using CartesiaClient client = emulator.CreateClient();

        await using AudioResponse audio = await client.Tts.GenerateAsync(Requests.Bytes());
        byte[] first = new byte[64];
        int read = await audio.Audio.ReadAsync(first);

        Assert.True(read > 0);
        Assert.False(emulator.Journal.Requests.Single().Completed, "The first audio arrived only after the whole response was sent.");
    }

    [Fact]
    public async Task A_broken_connection_mid_audio_is_an_error_and_leaves_no_file()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { DropAfterChunks = 3 });
        using CartesiaClient client = emulator.CreateClient();
        string path = Path.Combine(Path.GetTempPath(), $"cartesia-{Guid.NewGuid():N}.wav");

        await using AudioResponse audio = await client.Tts.GenerateAsync(Requests.Bytes("A long sentence with many words so that the audio has more than three chunks in it."));
        var error = await Assert.ThrowsAsync<CartesiaIncompleteStreamException>(() => audio.SaveToFileAsync(path));

        Assert.Contains("broke", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public async Task A_body_that_ends_early_is_an_error_not_short_audio()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { OmitDone = true });
        using CartesiaClient client = emulator.CreateClient();

        await Assert.ThrowsAsync<CartesiaIncompleteStreamException>(() => client.Tts.GenerateBytesAsync(Requests.Bytes()));
    }

    [Fact]
    public async Task An_error_body_is_never_handed_over_as_audio()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault
        {
            StatusCode = 402,
            RawBody = "{\"error_code\":\"payment_required\",\"title\":\"Payment required\",\"message\":\"Upgrade your plan.\",\"request_id\":\"r-402\"}",
            RawContentType = "application/json",
        });
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault
        {
            StatusCode = 200,
            RawBody = "{\"message\":\"this is not audio\"}",
            RawContentType = "application/json",
        });
        using CartesiaClient client = emulator.CreateClient();
        string path = Path.Combine(Path.GetTempPath(), $"cartesia-{Guid.NewGuid():N}.wav");

        CartesiaApiException paymentError = await Assert.ThrowsAsync<CartesiaApiException>(() => client.Tts.GenerateAsync(Requests.Bytes()));
        CartesiaProtocolException notAudio = await Assert.ThrowsAsync<CartesiaProtocolException>(() => client.Tts.GenerateAsync(Requests.Bytes()));

        Assert.Equal(402, paymentError.StatusCode);
        Assert.Equal("payment_required", paymentError.ErrorCode);
        Assert.Equal("Upgrade your plan.", paymentError.ErrorMessage);
        Assert.Equal("r-402", paymentError.RequestId);
        Assert.Contains("this is not audio", notAudio.Payload, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("raw", "pcm_s16le", 16000)]
    [InlineData("raw", "pcm_f32le", 44100)]
    [InlineData("raw", "pcm_mulaw", 8000)]
    [InlineData("raw", "pcm_alaw", 8000)]
    [InlineData("wav", "pcm_s16le", 22050)]
    [InlineData("wav", "pcm_f32le", 48000)]
    [InlineData("wav", "pcm_mulaw", 8000)]
    [InlineData("wav", "pcm_alaw", 16000)]
    [InlineData("wav", "pcm_s16le", 24000)]
    [InlineData("mp3", null, 44100)]
    [InlineData("mp3", null, 24000)]
    [InlineData("mp3", null, 16000)]
    [InlineData("mp3", null, 8000)]
    public async Task Every_container_encoding_and_rate_is_decodable_speech(string container, string? encoding, int sampleRate)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        AudioOutputFormat format = container switch
        {
            "mp3" => AudioOutputFormat.Mp3(sampleRate, sampleRate >= 32000 ? 128000 : 64000),
            "wav" => AudioOutputFormat.Wav(encoding!, sampleRate),
            _ => AudioOutputFormat.Raw(encoding!, sampleRate),
        };
        TtsRequest request = Requests.Bytes("Decodable speech, in every format: 123 ünïcödé!", format);

        byte[] audio = await client.Tts.GenerateBytesAsync(request);

        (float[] samples, int rate) = AudioDecoding.Decode(audio, format);
        Assert.Equal(sampleRate, rate);
        Assert.Equal(SpeechSynthesizer.Words(request.Transcript), SpeechRecognizer.Recognize(samples, rate).Select(w => w.Word));
    }
}
