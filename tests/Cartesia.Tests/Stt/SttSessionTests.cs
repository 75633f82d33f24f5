using System.Net.WebSockets;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Stt;
using Cartesia.Tts;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Stt;

public class SttSessionTests
{
    [Fact]
    public async Task Interim_then_final_transcripts_and_done_give_back_the_spoken_words_with_their_times()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] audio, TimedText[] spoken) = await SttAudio.SpeakAsync(client, SttAudio.Sentence, AudioEncoding.PcmS16LE, 16000);

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(audio);
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        var transcript = new SttTranscriptAccumulator();
        events.ForEach(e => transcript.Apply(e));
        Assert.Equal(SttAudio.Sentence, transcript.Text);
        Assert.Equal(string.Empty, transcript.Partial);
        List<SttTranscriptEvent> interims = [.. events.OfType<SttTranscriptEvent>().Where(t => !t.IsFinal)];
        Assert.Equal(spoken.Length, interims.Count);
        Assert.Equal("Hello", interims[0].Text);
        SttTranscriptEvent final = Assert.Single(events.OfType<SttTranscriptEvent>(), t => t.IsFinal);
        Assert.Equal(spoken.Select(w => w.Text), final.Words!.Select(w => w.Word));
        for (int i = 0; i < spoken.Length; i++)
        {
            Assert.InRange(final.Words![i].Start, spoken[i].Start.TotalSeconds - 0.01, spoken[i].Start.TotalSeconds + 0.01);
        }

        Assert.Equal(audio.Length / 32000.0, final.Duration!.Value, 2);
        Assert.Equal("en", final.Language);
        Assert.IsType<SttDoneEvent>(events[^1]);
        Assert.All(events, e => Assert.Equal(events[0].RequestId, e.RequestId));
        Assert.Equal(events[0].RequestId, session.RequestId);
    }

    [Fact]
    public async Task Finalize_returns_after_flush_done_with_the_final_transcript_already_delivered()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] first, _) = await SttAudio.SpeakAsync(client, "First part.", AudioEncoding.PcmS16LE, 16000);
        (byte[] second, _) = await SttAudio.SpeakAsync(client, "Second part.", AudioEncoding.PcmS16LE, 16000);

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        var events = new List<SttEvent>();
        var flushed = new TaskCompletionSource();
        Task reading = Task.Run(async () =>
        {
            await foreach (SttEvent e in session.ReadEventsAsync())
            {
                lock (events)
                {
                    events.Add(e);
                }

                if (e is SttFlushDoneEvent)
                {
                    flushed.TrySetResult();
                }
            }
        });

        await session.SendAudioAsync(first);
        await session.FinalizeAsync();
        await flushed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        SttEvent[] afterFirst;
        lock (events)
        {
            afterFirst = [.. events];
        }

        await session.FinalizeAsync(); // nothing new: flush_done only
        await session.SendAudioAsync(second);
        await session.CompleteAsync();
        await reading;

        Assert.IsType<SttFlushDoneEvent>(afterFirst[^1]);
        Assert.Equal("First part.", Assert.IsType<SttTranscriptEvent>(afterFirst[^2]).Text);
        Assert.True(((SttTranscriptEvent)afterFirst[^2]).IsFinal);
        var transcript = new SttTranscriptAccumulator();
        events.ForEach(e => transcript.Apply(e));
        Assert.Equal("First part. Second part.", transcript.Text);
        Assert.Equal(2, transcript.Segments);
        Assert.Equal(2, events.OfType<SttFlushDoneEvent>().Count());
    }

    [Fact]
    public async Task Audio_is_framed_to_100_ms_and_the_remainder_goes_with_finalize_with_no_byte_lost_or_repeated()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] audio = new byte[1 + 31_999 + 3_201];
        new Random(5).NextBytes(audio);

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(audio.AsMemory(0, 1));
        await session.SendAudioAsync(audio.AsMemory(1, 31_999));
        await session.SendAudioAsync(audio.AsMemory(32_000, 3_201));
        await session.FinalizeAsync();
        await session.CompleteAsync();
        await reading;

        IReadOnlyList<EmulatorWebSocketMessage> messages = Assert.Single(emulator.Journal.For("/stt/websocket")).WebSocketMessages;
        Assert.Equal([.. Enumerable.Repeat(3200, 11), 1], messages.Where(m => m.IsBinary).Select(m => m.Data.Length));
        Assert.Equal(audio, messages.Where(m => m.IsBinary).SelectMany(m => m.Data));
        Assert.Equal(["finalize", "close"], messages.Where(m => !m.IsBinary).Select(m => m.Text));
        Assert.Equal(WebSocketMessageType.Text, messages[^2].Type);
        Assert.True(messages[^3].IsBinary && messages[^3].Data.Length == 1, "The remainder must go right before finalize.");
    }

    [Theory]
    [InlineData(40, 1280)]
    [InlineData(20, 320)]
    public async Task The_frame_duration_sets_the_frame_size_for_the_encoding(int milliseconds, int expectedBytes)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        SttSessionOptions options = milliseconds == 40
            ? SttAudio.Stream()
            : SttAudio.Stream(AudioEncoding.PcmMulaw, 16000);
        options.FrameDuration = TimeSpan.FromMilliseconds(milliseconds);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[expectedBytes * 3]);
        await session.CompleteAsync();
        await reading;

        Assert.Equal([expectedBytes, expectedBytes, expectedBytes], emulator.Journal.For("/stt/websocket")[0].WebSocketMessages.Where(m => m.IsBinary).Select(m => m.Data.Length));
    }

    [Fact]
    public async Task Closing_right_after_the_last_audio_still_delivers_the_last_transcript_before_CompleteAsync_returns()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, "The tail must not be lost.", AudioEncoding.PcmS16LE, 16000);
        byte[] cut = audio[..(audio.Length - 1000)]; // the last word ends just before the audio does: no silence after it

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        await session.SendAudioAsync(cut);
        await session.CompleteAsync();

        List<SttEvent> events = await SttAudio.ReadAllAsync(session);
        SttTranscriptEvent final = Assert.Single(events.OfType<SttTranscriptEvent>(), e => e.IsFinal);
        Assert.Equal("The tail must not be lost.", final.Text);
        Assert.IsType<SttDoneEvent>(events[^1]);
    }

    [Fact]
    public async Task A_last_transcript_delayed_within_the_close_timeout_arrives()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        // The client's clock stands still: however slow the machine, the close timeout cannot pass.
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = new TimerWatchingClock() });
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, "Worth the wait.", AudioEncoding.PcmS16LE, 16000);
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { LastTranscriptDelay = TimeSpan.FromMilliseconds(400) });
        SttSessionOptions options = SttAudio.Stream();
        options.CloseTimeout = TimeSpan.FromSeconds(3);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        await session.SendAudioAsync(audio);
        await session.CompleteAsync();

        List<SttEvent> events = await SttAudio.ReadAllAsync(session);
        Assert.Equal("Worth the wait.", events.OfType<SttTranscriptEvent>().Single(e => e.IsFinal).Text);
    }

    [Fact]
    public async Task A_last_transcript_later_than_the_close_timeout_is_a_typed_close_timeout_not_a_silent_end()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, "Too late.", AudioEncoding.PcmS16LE, 16000);
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { LastTranscriptDelay = TimeSpan.FromSeconds(60) });
        SttSessionOptions options = SttAudio.Stream();
        options.CloseTimeout = TimeSpan.FromMilliseconds(300);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(audio);

        Task completing = session.CompleteAsync();
        await clock.TimerStartedAsync(options.CloseTimeout);
        Assert.False(completing.IsCompleted);
        clock.Advance(options.CloseTimeout);
        var timeout = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => completing);
        Assert.Equal(CartesiaTimeoutPhase.Close, timeout.Phase);
        Assert.Equal(TimeSpan.FromMilliseconds(300), timeout.Timeout);
        Assert.Contains("CloseTimeout", timeout.Message, StringComparison.Ordinal);
        Assert.Same(timeout, await Assert.ThrowsAsync<CartesiaTimeoutException>(() => reading));
        Assert.Same(timeout, await Assert.ThrowsAsync<CartesiaTimeoutException>(() => session.CompleteAsync()));
    }

    [Fact]
    public async Task A_finalize_the_service_does_not_answer_in_time_is_a_typed_flush_timeout()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { LastTranscriptDelay = TimeSpan.FromSeconds(60) });
        SttSessionOptions options = SttAudio.Stream();
        options.FinalizeTimeout = TimeSpan.FromMilliseconds(200);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        await session.SendAudioAsync(new byte[3200]);

        Task finalizing = session.FinalizeAsync();
        await clock.TimerStartedAsync(options.FinalizeTimeout);
        Assert.False(finalizing.IsCompleted);
        clock.Advance(options.FinalizeTimeout);
        var timeout = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => finalizing);
        Assert.Equal(CartesiaTimeoutPhase.Flush, timeout.Phase);
        Assert.Contains("flush_done", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wav_stream_is_checked_and_its_header_skipped_and_a_mismatch_is_refused_with_no_audio_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] wav16 = await SttAudio.FileAsync(client, "A file streamed.", AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000));
        byte[] wav44 = await SttAudio.FileAsync(client, "Wrong rate.", AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100));

        await using SttSession mismatched = await client.Stt.ConnectAsync(SttAudio.Stream());
        var error = await Assert.ThrowsAsync<ArgumentException>(() => mismatched.SendAudioAsync(new MemoryStream(wav44)));
        Assert.Contains("sample rate is 44100 Hz but SttSessionOptions.SampleRate is 16000 Hz", error.Message, StringComparison.Ordinal);
        Assert.Equal("audio", error.ParamName);
        await mismatched.DisposeAsync();

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new MemoryStream(wav16));
        await session.CompleteAsync();
        var transcript = new SttTranscriptAccumulator();
        (await reading).ForEach(e => transcript.Apply(e));

        Assert.Equal("A file streamed.", transcript.Text);
        IReadOnlyList<EmulatorRequest> requests = emulator.Journal.For("/stt/websocket");
        Assert.DoesNotContain(requests[0].WebSocketMessages, m => m.IsBinary);
        WavFormat format = WavHeader.Read(wav16);
        Assert.Equal(wav16[(int)format.DataOffset..], requests[1].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data));
    }

    [Fact]
    public async Task An_event_of_an_unknown_type_is_delivered_and_the_session_goes_on()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { UnknownEvent = true });

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[6400]);
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        SttUnknownEvent unknown = Assert.Single(events.OfType<SttUnknownEvent>());
        Assert.Equal("emulator_notice", unknown.Type);
        Assert.Equal("emulator_notice", unknown.Json.GetProperty("type").GetString());
        Assert.IsType<SttDoneEvent>(events[^1]);
    }

    [Theory]
    [InlineData("2026-08-14", "model_not_found", 400)]
    [InlineData("2025-04-16", null, null)]
    public async Task An_unknown_model_passes_the_open_type_and_the_error_event_ends_the_session_typed_in_both_shapes(string version, string? errorCode, int? status)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });
        SttSessionOptions options = SttAudio.Stream();
        options.Model = "ink-9";

        await using SttSession session = await client.Stt.ConnectAsync(options);
        var error = await Assert.ThrowsAsync<CartesiaStreamException>(() => SttAudio.ReadAllAsync(session));

        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("Invalid model", error.Title);
        Assert.Contains("valid model ID", error.ErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
        Assert.Same(error, await Assert.ThrowsAsync<CartesiaStreamException>(async () => await session.SendAudioAsync(new byte[10])));
        Assert.Contains("model=ink-9", emulator.Journal.For("/stt/websocket")[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_encoding_passes_the_open_type_unframed_and_the_service_decides()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        SttSessionOptions options = SttAudio.Stream();
        options.Encoding = "pcm_s24le";

        await using SttSession session = await client.Stt.ConnectAsync(options);
        var error = await Assert.ThrowsAsync<CartesiaStreamException>(() => SttAudio.ReadAllAsync(session));

        Assert.Equal("Invalid encoding", error.Title);
        Assert.Contains("encoding=pcm_s24le", emulator.Journal.For("/stt/websocket")[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_event_mid_session_ends_the_events_with_a_stream_exception()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { ErrorEventAfterChunks = 2, ErrorEventStatus = 503, ErrorCode = "overloaded", Title = "Busy", Message = "Try later." });

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200 * 3]);

        var error = await Assert.ThrowsAsync<CartesiaStreamException>(() => reading);
        Assert.Equal((503, "overloaded", "Busy", "Try later."), (error.StatusCode!.Value, error.ErrorCode, error.Title, error.ErrorMessage));
        await Assert.ThrowsAsync<CartesiaStreamException>(() => session.CompleteAsync());
    }

    [Fact]
    public async Task A_malformed_event_is_a_protocol_error_with_the_payload()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { MalformedEvent = true });

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(() => reading);
        Assert.Contains("unterminated", error.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushes_from_several_tasks_at_once_each_arrive_whole_and_in_order_per_task()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        const int Tasks = 8, PushesPerTask = 20;
        var lengths = new int[Tasks * PushesPerTask];
        var random = new Random(11);
        for (int i = 0; i < lengths.Length; i++)
        {
            lengths[i] = random.Next(1, 5000);
        }

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (int p = 0; p < PushesPerTask; p++)
            {
                int id = (t * PushesPerTask) + p;
                byte[] push = new byte[lengths[id]];
                Array.Fill(push, (byte)id);
                await session.SendAudioAsync(push);
            }
        })));
        await session.CompleteAsync();
        await reading;

        byte[] received = [.. emulator.Journal.For("/stt/websocket")[0].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data)];
        Assert.Equal(lengths.Sum(), received.Length);
        var runs = new List<(byte Value, int Length)>();
        foreach (byte b in received)
        {
            if (runs.Count > 0 && runs[^1].Value == b)
            {
                runs[^1] = (b, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((b, 1));
            }
        }

        Assert.Equal(lengths.Length, runs.Count);
        Assert.All(runs, r => Assert.Equal(lengths[r.Value], r.Length));
        for (int t = 0; t < Tasks; t++)
        {
            int[] order = [.. runs.Select(r => (int)r.Value).Where(v => v / PushesPerTask == t)];
            Assert.Equal(Enumerable.Range(t * PushesPerTask, PushesPerTask), order);
        }
    }

    [Fact]
    public async Task Pushes_into_a_full_queue_wait_for_room_and_go_on_as_it_drains_with_every_byte_in_order()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        SttSessionOptions options = SttAudio.Stream();
        options.MaxQueuedBytes = 3 * 3200; // three frames: nearly every push waits for the queue to drain
        const int Frames = 300;

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        byte[] expected = new byte[Frames * 3200];
        for (int i = 0; i < Frames; i++)
        {
            byte[] frame = new byte[3200];
            Array.Fill(frame, (byte)(i % 251));
            frame.CopyTo(expected, i * 3200);
            await session.SendAudioAsync(frame).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        }

        await session.CompleteAsync();
        await reading;

        Assert.Equal(expected, emulator.Journal.For("/stt/websocket")[0].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data));
    }

    [Fact]
    public async Task Disposing_while_the_service_is_silent_is_prompt_and_ends_pending_calls()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { SilenceAfterChunks = 1 });

        SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200 * 5]);
        Task completing = session.CompleteAsync();
        await clock.TimerStartedAsync(SttAudio.Stream().CloseTimeout); // close is sent; the session waits for the service
        Assert.False(completing.IsCompleted);

        // Prompt: disposal ends the session without waiting on any timer (the client's clock never moves).
        await session.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => completing);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => reading);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.SendAudioAsync(new byte[2]));
        await session.DisposeAsync();
    }

    [Fact]
    public async Task After_CompleteAsync_no_more_audio_is_taken_and_events_are_read_once()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await session.SendAudioAsync(new byte[2]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.FinalizeAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => SttAudio.ReadAllAsync(session));
        Assert.IsType<SttDoneEvent>(Assert.Single(await reading));
        await session.CompleteAsync();
    }

    [Fact]
    public async Task The_close_command_is_done_for_api_versions_before_2025_11_04()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = CartesiaApiVersion.V2025_04_16 });

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);
        await session.CompleteAsync();
        await reading;

        EmulatorRequest request = emulator.Journal.For("/stt/websocket")[0];
        Assert.Equal("done", request.WebSocketMessages[^1].Text);
        Assert.Equal("2025-04-16", request.Header("Cartesia-Version"));
    }

    [Fact]
    public async Task Parameters_go_in_the_query_and_credentials_in_the_headers()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var options = new SttSessionOptions
        {
            Model = SttModel.InkWhisper,
            Encoding = AudioEncoding.PcmMulaw,
            SampleRate = 8000,
            Language = Language.English,
            MinVolume = 0.25,
            MaxSilenceDuration = TimeSpan.FromSeconds(1.5),
            Keyterms = ["Cartesia", "Sonic three"],
        };
        options.AdditionalQuery["future_flag"] = "on";

        await using SttSession session = await client.Stt.ConnectAsync(options);
        await session.CompleteAsync();

        EmulatorRequest request = emulator.Journal.For("/stt/websocket")[0];
        Assert.Equal("?model=ink-whisper&encoding=pcm_mulaw&sample_rate=8000&language=en&min_volume=0.25&max_silence_duration_secs=1.5&keyterm=Cartesia&keyterm=Sonic%20three&future_flag=on", request.Query);
        CredentialAssert.Bearer(CartesiaEmulator.AnyKeyPlaceholder, request);
        Assert.Equal("2026-08-14", request.Header("Cartesia-Version"));
        Assert.DoesNotContain("api_key", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ink_whisper_finalizes_on_silence_by_itself()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, "One sentence. Another one.", AudioEncoding.PcmS16LE, 16000);
        SttSessionOptions options = SttAudio.Stream();
        options.Model = SttModel.InkWhisper;

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(audio);
        await session.SendAudioAsync(SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.5));
        await session.CompleteAsync();

        Assert.Equal(["One sentence.", " Another one."], (await reading).OfType<SttTranscriptEvent>().Where(e => e.IsFinal).Select(e => e.Text));
    }

    [Fact]
    public async Task Noise_gives_an_empty_final_transcript_not_an_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(SttAudio.Noise(AudioEncoding.PcmS16LE, 16000, 1));
        await session.FinalizeAsync();
        await session.CompleteAsync();

        SttTranscriptEvent final = Assert.Single((await reading).OfType<SttTranscriptEvent>());
        Assert.True(final.IsFinal);
        Assert.Equal(string.Empty, final.Text);
        Assert.Equal(1, final.Duration!.Value, 2);
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_connecting_naming_the_field()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        async Task<ArgumentException> Refused(Action<SttSessionOptions> change)
        {
            SttSessionOptions options = SttAudio.Stream();
            change(options);
            return await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Stt.ConnectAsync(options));
        }

        Assert.Contains("SampleRate (sample_rate)", (await Refused(o => o.SampleRate = 0)).Message, StringComparison.Ordinal);
        Assert.Contains("Model (model)", (await Refused(o => o.Model = default)).Message, StringComparison.Ordinal);
        Assert.Contains("Encoding (encoding)", (await Refused(o => o.Encoding = default)).Message, StringComparison.Ordinal);
        Assert.Contains("at most 100", (await Refused(o => o.Keyterms = [.. Enumerable.Range(0, 101).Select(i => $"k{i}")])).Message, StringComparison.Ordinal);
        Assert.Contains("1200 characters", (await Refused(o => o.Keyterms = [new string('a', 700), new string('b', 501)])).Message, StringComparison.Ordinal);
        Assert.Contains("empty value", (await Refused(o => o.Keyterms = [" "])).Message, StringComparison.Ordinal);
        Assert.Contains("MinVolume (min_volume)", (await Refused(o => o.MinVolume = 1.5)).Message, StringComparison.Ordinal);
        Assert.Contains("MaxSilenceDuration", (await Refused(o => o.MaxSilenceDuration = TimeSpan.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("FrameDuration", (await Refused(o => o.FrameDuration = TimeSpan.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("CloseTimeout", (await Refused(o => o.CloseTimeout = TimeSpan.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("MaxQueuedBytes", (await Refused(o => o.MaxQueuedBytes = 0)).Message, StringComparison.Ordinal);
        Assert.Contains("Reconnect.MaxRetries", (await Refused(o => o.Reconnect = new SttReconnectOptions { MaxRetries = -1 })).Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task Real_time_pacing_sends_a_file_no_faster_than_it_plays()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        byte[] audio = new byte[3200 * 5]; // 500 ms

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        DateTimeOffset start = clock.GetUtcNow();
        Task sending = session.SendAudioAsync(new MemoryStream(audio), SttPacing.RealTime);

        // Each piece waits on the client's clock until the audio before it has had time to play: move the clock
        // on by each wait until the whole stream is sent.
        for (int waits = 0; ; waits++)
        {
            Task started = clock.TimerStartedAsync(_ => true, waits + 1, "the pacer");
            if (await Task.WhenAny(sending, started) == sending)
            {
                break;
            }

            clock.Advance(clock.DueTimes[waits]);
        }

        await sending;

        // The fifth frame may go out only once the first four have had 400 ms to play.
        Assert.True(clock.GetUtcNow() - start >= TimeSpan.FromMilliseconds(400), $"Sent after {clock.GetUtcNow() - start} of audio time.");
        await session.CompleteAsync();
        await reading;

        IReadOnlyList<EmulatorWebSocketMessage> frames = [.. emulator.Journal.For("/stt/websocket")[0].WebSocketMessages.Where(m => m.IsBinary)];
        Assert.Equal(5, frames.Count);
    }
}
