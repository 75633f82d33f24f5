using System.IO.Pipelines;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Extensions.AI;
using Cartesia.Stt;
using Cartesia.Tests.Stt;
using Cartesia.Tests.Support;
using Microsoft.Extensions.AI;

namespace Cartesia.Tests.Extensions.AI;

public class SpeechToTextClientTests
{
    private const string Sentence = "Transcribed through the abstraction.";

    [Fact]
    public async Task GetTextAsync_uploads_a_wav_and_maps_the_response()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        using var audio = new MemoryStream(Clips.Wav(Sentence));

        SpeechToTextResponse response = await stt.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en-US", TextLanguage = "en" });

        Assert.Equal(Sentence, response.Text);
        Assert.Equal("ink-whisper", response.ModelId);
        Assert.NotNull(response.ResponseId);
        SttTranscription raw = Assert.IsType<SttTranscription>(response.RawRepresentation);
        Assert.Equal(TimeSpan.FromSeconds(raw.Duration!.Value), response.EndTime);
        var words = Assert.IsAssignableFrom<IReadOnlyList<SttWord>>(response.AdditionalProperties![CartesiaAdditionalProperties.Words]);
        Assert.Equal(Speech.WordsOf(Sentence), words.Select(w => w.Word));
        Assert.Equal(words[0].StartTime, response.StartTime);
        Assert.True(audio.CanRead, "the caller's stream must stay open");
        EmulatorRequest request = Assert.Single(emulator.Journal.For("/stt"));
        Assert.Equal("en", request.FormPart("language")!.Text);
        Assert.Equal("ink-whisper", request.FormPart("model")!.Text);
        Assert.DoesNotContain("encoding", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTextAsync_takes_raw_pcm_from_a_non_seekable_stream_with_its_rate_and_encoding()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = new CartesiaSpeechToTextClient(client);
        (byte[] pcm, _) = await SttAudio.SpeakAsync(client, Sentence, AudioEncoding.PcmF32LE, 22050);

        SpeechToTextResponse response = await stt.GetTextAsync(new NonSeekableStream(pcm), new SpeechToTextOptions
        {
            SpeechSampleRate = 22050,
            AdditionalProperties = new() { [CartesiaAdditionalProperties.InputEncoding] = "pcm_f32le" },
        });

        Assert.Equal(Sentence, response.Text);
        EmulatorRequest request = Assert.Single(emulator.Journal.For("/stt"));
        Assert.Contains("encoding=pcm_f32le", request.Query, StringComparison.Ordinal);
        Assert.Contains("sample_rate=22050", request.Query, StringComparison.Ordinal);
        Assert.Equal(pcm.Length, request.FormPart("file")!.Content.Length);
    }

    [Fact]
    public async Task GetStreamingTextAsync_streams_through_a_session_and_merges_to_the_final_text()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        using var audio = new NonSeekableStream(Clips.Wav(Sentence));

        List<SpeechToTextResponseUpdate> updates = [];
        await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" }))
        {
            updates.Add(update);
        }

        Assert.Equal(SpeechToTextResponseUpdateKind.SessionOpen, updates[0].Kind);
        Assert.Equal(SpeechToTextResponseUpdateKind.SessionClose, updates[^1].Kind);
        List<SpeechToTextResponseUpdate> interim = [.. updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating)];
        Assert.NotEmpty(interim);
        Assert.All(interim, u => Assert.Empty(u.Text));
        Assert.Equal("Transcribed", interim[0].AdditionalProperties![CartesiaAdditionalProperties.InterimText]);
        SpeechToTextResponseUpdate final = Assert.Single(updates, u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated);
        Assert.Equal(Sentence, final.Text);
        Assert.NotNull(final.EndTime);
        Assert.IsType<SttTranscriptEvent>(final.RawRepresentation);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.NotNull(updates[0].ResponseId);
        Assert.All(updates, u => Assert.Equal("ink-2", u.ModelId));

        SpeechToTextResponse merged = updates.ToSpeechToTextResponse();
        Assert.Equal(Sentence, merged.Text);
        EmulatorRequest socket = Assert.Single(emulator.Journal.For("/stt/websocket"));
        Assert.Contains("encoding=pcm_s16le", socket.Query, StringComparison.Ordinal);
        Assert.Contains("sample_rate=16000", socket.Query, StringComparison.Ordinal);
        Assert.Contains("language=en", socket.Query, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.For("/stt"));
        Assert.True(audio.CanRead, "the caller's stream must stay open");
    }

    [Fact]
    public async Task Streaming_transcripts_arrive_while_the_audio_is_still_being_written()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        (byte[] first, _) = await SttAudio.SpeakAsync(client, "First words here.", AudioEncoding.PcmS16LE, 16000);
        (byte[] second, _) = await SttAudio.SpeakAsync(client, "And then more.", AudioEncoding.PcmS16LE, 16000);
        byte[] pause = SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.5);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(first.Concat(pause).ToArray());

        var updates = new List<SpeechToTextResponseUpdate>();
        bool restWritten = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(pipe.Reader.AsStream(), new SpeechToTextOptions { SpeechSampleRate = 16000 }, timeout.Token))
        {
            updates.Add(update);
            if (!restWritten && update.Kind == SpeechToTextResponseUpdateKind.TextUpdating)
            {
                // The first words were heard before the rest of the audio exists: a real stream, not a batch upload.
                restWritten = true;
                await pipe.Writer.WriteAsync(second);
                await pipe.Writer.CompleteAsync();
            }
        }

        Assert.True(restWritten);
        Assert.Equal("First words here. And then more.", updates.ToSpeechToTextResponse().Text.Replace("  ", " ", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task Stopping_early_ends_the_session_even_when_the_source_never_ends()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "Never ending story.", AudioEncoding.PcmS16LE, 16000);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(speech);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(pipe.Reader.AsStream(), new SpeechToTextOptions { SpeechSampleRate = 16000 }, timeout.Token))
        {
            if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdating)
            {
                break;
            }
        }

        Assert.False(timeout.IsCancellationRequested);
        EmulatorRequest socket = Assert.Single(emulator.Journal.For("/stt/websocket"));
        await emulator.Journal.WaitForAsync(r => r == socket && r.Completed, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_a_live_source_ends_the_stream_and_the_session()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "Hold on.", AudioEncoding.PcmS16LE, 16000);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(speech);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(pipe.Reader.AsStream(), new SpeechToTextOptions { SpeechSampleRate = 16000 }, cts.Token))
            {
                if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdating)
                {
                    await cts.CancelAsync(); // the source has more to say but nothing arrives: cancel
                }
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));

        EmulatorRequest socket = Assert.Single(emulator.Journal.For("/stt/websocket"));
        await emulator.Journal.WaitForAsync(r => r == socket && r.Completed, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stopping_right_after_the_session_opens_ends_it_and_stops_sending()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.2));

        await using (IAsyncEnumerator<SpeechToTextResponseUpdate> updates = stt.GetStreamingTextAsync(pipe.Reader.AsStream(), new SpeechToTextOptions { SpeechSampleRate = 16000 }).GetAsyncEnumerator())
        {
            Assert.True(await updates.MoveNextAsync());
            Assert.Equal(SpeechToTextResponseUpdateKind.SessionOpen, updates.Current.Kind);
        }

        EmulatorRequest socket = Assert.Single(emulator.Journal.For("/stt/websocket"));
        await emulator.Journal.WaitForAsync(r => r == socket && r.Completed, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_failing_source_ends_the_stream_with_its_exception()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "Cut short.", AudioEncoding.PcmS16LE, 16000);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(speech);
        await pipe.Writer.CompleteAsync(new IOException("microphone unplugged"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IOException failure = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(pipe.Reader.AsStream(), new SpeechToTextOptions { SpeechSampleRate = 16000 }, timeout.Token))
            {
                Assert.NotEqual(SpeechToTextResponseUpdateKind.SessionClose, update.Kind);
            }
        });

        Assert.Equal("microphone unplugged", failure.Message);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task A_service_error_ends_the_stream_with_a_cartesia_exception()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();

        await Assert.ThrowsAnyAsync<CartesiaException>(async () =>
        {
            await foreach (SpeechToTextResponseUpdate update in stt.GetStreamingTextAsync(new MemoryStream(Clips.Wav(Sentence)), new SpeechToTextOptions { ModelId = "ink-nonexistent" }))
            {
                Assert.NotEqual(SpeechToTextResponseUpdateKind.SessionClose, update.Kind);
            }
        });
    }

    [Fact]
    public async Task What_cartesia_cannot_honour_is_refused_before_anything_is_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();
        byte[] wav = Clips.Wav(Sentence);
        byte[] mp3 = await SttAudio.FileAsync(client, Sentence, AudioOutputFormat.Mp3(44100, 128000));
        emulator.Journal.Clear();

        await Assert.ThrowsAsync<NotSupportedException>(() => stt.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = "fr", TextLanguage = "en" }));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => stt.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { AdditionalProperties = new() { ["diarize"] = true } }));
        Assert.Contains("diarize", unknown.Message, StringComparison.Ordinal);
        var noRate = await Assert.ThrowsAsync<ArgumentException>(() => stt.GetTextAsync(new MemoryStream(new byte[3200])));
        Assert.Contains("SpeechSampleRate", noRate.Message, StringComparison.Ordinal);
        var disagree = await Assert.ThrowsAsync<ArgumentException>(() => stt.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechSampleRate = 8000 }));
        Assert.Contains("8000", disagree.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => stt.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = "not a language" }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => stt.GetTextAsync(null!));

        var container = await Assert.ThrowsAsync<ArgumentException>(() => stt.GetStreamingTextAsync(new MemoryStream(mp3)).ToSpeechToTextResponseAsync());
        Assert.Contains("MP3", container.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<ArgumentException>(() => stt.GetStreamingTextAsync(new MemoryStream(new byte[3200])).ToSpeechToTextResponseAsync());
        await Assert.ThrowsAsync<NotSupportedException>(() => stt.GetStreamingTextAsync(new MemoryStream(wav), new SpeechToTextOptions { TextLanguage = "de" }).ToSpeechToTextResponseAsync());

        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task It_works_with_the_builders_logging_and_telemetry_and_reports_metadata()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using var logs = new LogCapture();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient()
            .AsBuilder()
            .UseLogging(logs.Factory)
            .UseOpenTelemetry()
            .ConfigureOptions(o => o.SpeechLanguage ??= "en")
            .Build();

        SpeechToTextResponse whole = await stt.GetTextAsync(new MemoryStream(Clips.Wav(Sentence)));
        SpeechToTextResponse streamed = await stt.GetStreamingTextAsync(new MemoryStream(Clips.Wav(Sentence))).ToSpeechToTextResponseAsync();

        Assert.Equal(Sentence, whole.Text);
        Assert.Equal(Sentence, streamed.Text);
        Assert.Equal("en", Assert.Single(emulator.Journal.For("/stt")).FormPart("language")!.Text);
        SpeechToTextClientMetadata metadata = stt.GetService<SpeechToTextClientMetadata>()!;
        Assert.Equal("cartesia", metadata.ProviderName);
        Assert.Equal(emulator.BaseUri, metadata.ProviderUri);
        Assert.Equal("ink-whisper", metadata.DefaultModelId);
        Assert.Same(client, stt.GetService<CartesiaClient>());
        Assert.Same(client.Stt, stt.GetService<SttClient>());
        Assert.NotNull(stt.GetService<CartesiaSpeechToTextClient>());
        Assert.Null(stt.GetService<CartesiaClient>("some key"));
        Assert.Contains(logs.Records, r => r.Message.Contains("GetTextAsync", StringComparison.Ordinal) || r.Category?.Contains("SpeechToText", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_raw_representation_factory_supplies_the_whole_request()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using ISpeechToTextClient stt = client.AsISpeechToTextClient();

        SpeechToTextResponse response = await stt.GetTextAsync(new MemoryStream(Clips.Wav(Sentence)), new SpeechToTextOptions
        {
            RawRepresentationFactory = _ => new SttTranscribeRequest { Model = SttModel.InkWhisper_2025_06_04, Language = Language.English },
        });
        (byte[] pcm, _) = await SttAudio.SpeakAsync(client, Sentence, AudioEncoding.PcmS16LE, 16000);
        string streamed = (await stt.GetStreamingTextAsync(new MemoryStream(pcm), new SpeechToTextOptions
        {
            RawRepresentationFactory = _ => new SttSessionOptions { Model = SttModel.InkWhisper, Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 },
        }).ToSpeechToTextResponseAsync()).Text;

        Assert.Equal(Sentence, response.Text);
        Assert.Equal("ink-whisper-2025-06-04", response.ModelId);
        Assert.Equal(Sentence, streamed.Trim());
        Assert.Contains("model=ink-whisper", Assert.Single(emulator.Journal.For("/stt/websocket")).Query, StringComparison.Ordinal);
    }
}
