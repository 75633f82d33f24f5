using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Emulator.Protocol;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cartesia.Tests.Stt;

public class SttBatchTests
{
    private static SttTranscribeRequest WordRequest() => new()
    {
        Model = SttModel.InkWhisper,
        Language = Language.English,
        TimestampGranularities = [SttTimestampGranularity.Word],
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wav_file_streams_from_disk_and_transcribes_with_word_times_matching_the_tts(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] raw, TimedText[] spoken) = await SttAudio.SpeakAsync(client, SttAudio.Sentence, AudioEncoding.PcmS16LE, 24000);
        string path = Path.Combine(Path.GetTempPath(), $"stt-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(path, [.. WavHeader.Create(AudioEncoding.PcmS16LE, 24000, raw.Length), .. raw]);
        emulator.Journal.Clear();
        try
        {
            SttTranscription result = await SttTwin.Transcribe(client, path, WordRequest(), async);

            Assert.Equal(SttAudio.Sentence, result.Text);
            Assert.Equal("en", result.Language);
            Assert.Equal("transcript", result.Type);
            Assert.Equal(raw.Length / 2 / 24000.0, result.Duration!.Value, 2);
            Assert.Equal(spoken.Select(w => w.Text), result.Words!.Select(w => w.Word));
            for (int i = 0; i < spoken.Length; i++)
            {
                Assert.InRange(result.Words![i].Start, spoken[i].Start.TotalSeconds - 0.01, spoken[i].Start.TotalSeconds + 0.01);
                Assert.InRange(result.Words![i].End, spoken[i].End.TotalSeconds - 0.01, spoken[i].End.TotalSeconds + 0.01);
            }

            Assert.Equal(200, result.Response!.StatusCode);
            Assert.NotNull(result.RequestId);

            EmulatorRequest request = Assert.Single(emulator.Journal.For("/stt"));
            Assert.Equal(string.Empty, request.Query);
            List<(string Name, string? FileName, string? ContentType, byte[] Data)> parts = await ReadPartsAsync(request);
            Assert.Equal(["model", "language", "timestamp_granularities[]", "file"], parts.Select(p => p.Name));
            Assert.Equal("ink-whisper", Text(parts[0]));
            Assert.Equal("en", Text(parts[1]));
            Assert.Equal("word", Text(parts[2]));
            Assert.Equal(Path.GetFileName(path), parts[3].FileName);
            Assert.Equal("audio/wav", parts[3].ContentType);
            Assert.Equal(await File.ReadAllBytesAsync(path), parts[3].Data);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task A_stream_from_its_position_and_bytes_in_memory_transcribe_and_the_stream_is_left_open(bool async, bool seekable)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] wav = await SttAudio.FileAsync(client, "Streams are read to the end.", AudioOutputFormat.Wav(AudioEncoding.PcmF32LE, 16000));
        byte[] prefixed = [.. new byte[] { 1, 2, 3 }, .. wav];
        Stream stream = seekable ? new MemoryStream(prefixed) { Position = 3 } : new NonSeekableStream(wav);

        SttTranscription fromStream = await SttTwin.Transcribe(client, stream, new SttTranscribeRequest { Model = SttModel.InkWhisper }, async);
        SttTranscription fromBytes = await SttTwin.Transcribe(client, wav, new SttTranscribeRequest { Model = SttModel.InkWhisper_2025_06_04 }, async);

        Assert.Equal("Streams are read to the end.", fromStream.Text);
        Assert.Equal("Streams are read to the end.", fromBytes.Text);
        Assert.Null(fromStream.Words);
        Assert.True(stream.CanRead, "The caller's stream was disposed.");
        IReadOnlyList<EmulatorRequest> requests = emulator.Journal.For("/stt");
        Assert.All(requests, r => Assert.Equal(wav, ReadPartsAsync(r).Result.Single(p => p.Name == "file").Data));
        Assert.Equal("audio.wav", (await ReadPartsAsync(requests[^1])).Single(p => p.Name == "file").FileName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Raw_pcm_is_described_by_the_encoding_and_sample_rate_query_parameters(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] raw, _) = await SttAudio.SpeakAsync(client, "Raw audio has no header.", AudioEncoding.PcmAlaw, 8000);
        emulator.Journal.Clear();

        SttTranscription result = await SttTwin.Transcribe(client, raw, new SttTranscribeRequest
        {
            Model = SttModel.InkWhisper,
            Encoding = AudioEncoding.PcmAlaw,
            SampleRate = 8000,
            FileName = "call.alaw",
        }, async);

        Assert.Equal("Raw audio has no header.", result.Text);
        EmulatorRequest request = Assert.Single(emulator.Journal.For("/stt"));
        Assert.Equal("?encoding=pcm_alaw&sample_rate=8000", request.Query);
        var parts = await ReadPartsAsync(request);
        Assert.DoesNotContain(parts, p => p.Name is "encoding" or "sample_rate");
        Assert.Equal(("call.alaw", "application/octet-stream"), (parts[^1].FileName, parts[^1].ContentType));
    }

    [Fact]
    public async Task Mp3_files_transcribe()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] mp3 = await SttAudio.FileAsync(client, SttAudio.Sentence, AudioOutputFormat.Mp3(44100, 128000));

        SttTranscription result = await client.Stt.TranscribeAsync(mp3, WordRequest());

        Assert.Equal(SttAudio.Sentence, result.Text);
        Assert.Equal("audio/mpeg", (await ReadPartsAsync(emulator.Journal.For("/stt")[^1])).Single(p => p.Name == "file").ContentType);
    }

    [Fact]
    public async Task Noise_and_silence_give_an_empty_transcript_not_an_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] noise = [.. SttAudio.Noise(AudioEncoding.PcmS16LE, 16000, 1), .. SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 1)];

        SttTranscription result = await client.Stt.TranscribeAsync(noise, new SttTranscribeRequest
        {
            Model = SttModel.InkWhisper,
            Encoding = AudioEncoding.PcmS16LE,
            SampleRate = 16000,
            TimestampGranularities = [SttTimestampGranularity.Word],
        });

        Assert.Equal(string.Empty, result.Text);
        Assert.Empty(result.Words!);
        Assert.Equal(2, result.Duration!.Value, 3);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wav_whose_header_disagrees_with_what_was_declared_is_refused_before_anything_is_sent(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] wav = await SttAudio.FileAsync(client, "Forty four point one.", AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100));
        byte[] stereo = [.. WavHeader.Create(AudioEncoding.PcmS16LE, 16000, 64, channels: 2), .. new byte[64]];
        byte[] mp3 = await SttAudio.FileAsync(client, "An mp3.", AudioOutputFormat.Mp3(44100, 128000));
        emulator.Journal.Clear();

        var rate = await Assert.ThrowsAsync<ArgumentException>(() => SttTwin.Transcribe(client, wav, new SttTranscribeRequest { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 }, async));
        var encoding = await Assert.ThrowsAsync<ArgumentException>(() => SttTwin.Transcribe(client, new MemoryStream(wav), new SttTranscribeRequest { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmF32LE, SampleRate = 44100 }, async));
        var channels = await Assert.ThrowsAsync<ArgumentException>(() => SttTwin.Transcribe(client, stereo, new SttTranscribeRequest { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 }, async));
        var container = await Assert.ThrowsAsync<ArgumentException>(() => SttTwin.Transcribe(client, mp3, new SttTranscribeRequest { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 }, async));

        Assert.Contains("sample rate is 44100 Hz but SttTranscribeRequest.SampleRate is 16000 Hz", rate.Message, StringComparison.Ordinal);
        Assert.Contains("encoding is pcm_s16le but SttTranscribeRequest.Encoding is pcm_f32le", encoding.Message, StringComparison.Ordinal);
        Assert.Contains("2 channels", channels.Message, StringComparison.Ordinal);
        Assert.Contains("an MP3 file", container.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task Malformed_requests_are_refused_before_anything_is_sent_naming_the_field()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] audio = new byte[320];

        var half = await Assert.ThrowsAsync<ArgumentException>(() => client.Stt.TranscribeAsync(audio, new SttTranscribeRequest { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmS16LE }));
        var model = await Assert.ThrowsAsync<ArgumentException>(() => client.Stt.TranscribeAsync(audio, new SttTranscribeRequest { Model = default }));
        var spaced = await Assert.ThrowsAsync<ArgumentException>(() => client.Stt.TranscribeAsync(audio, new SttTranscribeRequest { Model = "ink-whisper\u00a0" }));
        var rate = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Stt.TranscribeAsync(audio, new SttTranscribeRequest { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmS16LE, SampleRate = 0 }));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.Stt.TranscribeAsync(ReadOnlyMemory<byte>.Empty, new SttTranscribeRequest { Model = SttModel.InkWhisper }));
        await Assert.ThrowsAsync<FileNotFoundException>(() => client.Stt.TranscribeAsync("/no/such/file.wav", new SttTranscribeRequest { Model = SttModel.InkWhisper }));

        Assert.Contains("Encoding and SampleRate", half.Message, StringComparison.Ordinal);
        Assert.Contains("SttTranscribeRequest.Model (model)", model.Message, StringComparison.Ordinal);
        Assert.Contains("white space", spaced.Message, StringComparison.Ordinal);
        Assert.Contains("SampleRate (sample_rate)", rate.Message, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Theory]
    [InlineData("2026-08-14", "model_not_found")]
    [InlineData("2025-04-16", null)]
    public async Task An_unknown_model_passes_the_open_type_and_the_service_error_is_typed_in_both_shapes(string version, string? errorCode)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });
        byte[] wav = await SttAudio.FileAsync(client, "Hi.", AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000));

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Stt.TranscribeAsync(wav, new SttTranscribeRequest { Model = "ink-whisper-2099-01-01" }));

        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal("Invalid model", error.Title);
        Assert.Contains("valid model ID", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("ink-whisper-2099-01-01", Text((await ReadPartsAsync(emulator.Journal.For("/stt")[^1]))[0]));
    }

    [Fact]
    public async Task A_seekable_upload_is_sent_again_on_a_retry_but_a_non_seekable_one_is_never_retried()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] wav = await SttAudio.FileAsync(client, "Once or twice.", AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000));
        emulator.Journal.Clear();
        emulator.Faults.Add("POST /stt", EmulatorFault.Status(429).WithRetryAfterMs(1));
        SttTranscription retried = await client.Stt.TranscribeAsync(new MemoryStream(wav), new SttTranscribeRequest { Model = SttModel.InkWhisper });
        emulator.Faults.Add("POST /stt", EmulatorFault.Status(429).WithRetryAfterMs(1));
        var once = await Assert.ThrowsAsync<CartesiaRateLimitException>(() => client.Stt.TranscribeAsync(new NonSeekableStream(wav), new SttTranscribeRequest { Model = SttModel.InkWhisper }));

        Assert.Equal("Once or twice.", retried.Text);
        Assert.Equal(2, retried.Response!.Attempts);
        Assert.Contains("cannot be sent again", once.Message, StringComparison.Ordinal);
        IReadOnlyList<EmulatorRequest> requests = emulator.Journal.For("/stt");
        Assert.Equal([429, 200, 429], requests.Select(r => r.StatusCode));
        Assert.All(requests, r => Assert.Equal(wav, ReadPartsAsync(r).Result.Single(p => p.Name == "file").Data));
    }

    [Fact]
    public async Task An_access_token_needs_the_stt_grant()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.State.AccessTokens["tok_tts"] = new AccessTokenGrant("tok_tts", Tts: true, Stt: false, Agent: false, DateTimeOffset.UtcNow.AddHours(1));
        emulator.State.AccessTokens["tok_stt"] = new AccessTokenGrant("tok_stt", Tts: false, Stt: true, Agent: false, DateTimeOffset.UtcNow.AddHours(1));
        var options = new CartesiaClientOptions { BaseUri = emulator.BaseUri };
        using var ttsOnly = new CartesiaClient(CartesiaCredential.FromAccessToken("tok_tts"), options);
        using var sttToken = new CartesiaClient(CartesiaCredential.FromAccessToken("tok_stt"), new CartesiaClientOptions { BaseUri = emulator.BaseUri });
        byte[] wav = [.. WavHeader.Create(AudioEncoding.PcmS16LE, 16000, 3200), .. new byte[3200]];

        await Assert.ThrowsAsync<CartesiaPermissionDeniedException>(() => ttsOnly.Stt.TranscribeAsync(wav, new SttTranscribeRequest { Model = SttModel.InkWhisper }));
        await Assert.ThrowsAsync<CartesiaPermissionDeniedException>(() => ttsOnly.Stt.ConnectAsync(SttAudio.Stream()));
        SttTranscription result = await sttToken.Stt.TranscribeAsync(wav, new SttTranscribeRequest { Model = SttModel.InkWhisper });
        Assert.Equal(string.Empty, result.Text);
    }

    private static string Text((string Name, string? FileName, string? ContentType, byte[] Data) part) => System.Text.Encoding.UTF8.GetString(part.Data);

    /// <summary>The parts of a multipart request as the emulator received it.</summary>
    private static async Task<List<(string Name, string? FileName, string? ContentType, byte[] Data)>> ReadPartsAsync(EmulatorRequest request)
    {
        var type = MediaTypeHeaderValue.Parse(request.Header("Content-Type"));
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, new MemoryStream(request.Body));
        var parts = new List<(string, string?, string?, byte[])>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var data = new MemoryStream();
            await section.Body.CopyToAsync(data);
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, data.ToArray()));
        }

        return parts;
    }
}
