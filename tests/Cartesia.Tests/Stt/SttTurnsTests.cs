using System.Runtime.CompilerServices;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Stt;
using Cartesia.Tts;

namespace Cartesia.Tests.Stt;

public class SttTurnsTests
{
    /// <summary>
    /// A voice agent's loop, offline: the user's sentence (spoken by TTS) streams in real-time-sized frames through
    /// a turns session, like a microphone; the agent takes the turn's words from turn.end, answers with TTS, and the
    /// answer transcribes back to what the agent said.
    /// </summary>
    [Fact]
    public async Task Voice_agent_loop_speaks_streams_in_real_time_frames_and_gets_the_turn_end_with_the_right_words()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        const string User = "Book a table for two.";
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, User, AudioEncoding.PcmS16LE, 16000);

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(SttAudio.Turns());
        var microphone = new Microphone(speech, trailingSilenceSeconds: 0.6);
        Task sending = session.SendAudioAsync(microphone.FramesAsync(), SttPacing.RealTime);

        string? heard = null;
        bool startedWhileSpeaking = false;
        await foreach (SttEvent e in session.ReadEventsAsync())
        {
            if (e is SttTurnStartEvent)
            {
                startedWhileSpeaking = !microphone.Finished;
            }

            if (e is SttTurnEndEvent end)
            {
                heard = end.Transcript;
                break;
            }
        }

        Assert.True(startedWhileSpeaking, "turn.start must come while the user is still speaking.");
        Assert.Equal(User, heard);
        Assert.False(sending.IsFaulted);

        // The agent answers; its speech transcribes back to its words.
        const string Agent = "Done, a table for two at eight.";
        byte[] answer = await SttAudio.FileAsync(client, Agent, AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 24000));
        SttTranscription check = await client.Stt.TranscribeAsync(answer, new SttTranscribeRequest { Model = SttModel.InkWhisper });
        Assert.Equal(Agent, check.Text);

        await sending;
        await session.CompleteAsync();
        IReadOnlyList<EmulatorWebSocketMessage> frames = [.. emulator.Journal.For("/stt/turns/websocket")[0].WebSocketMessages.Where(m => m.IsBinary)];
        Assert.All(frames.Take(frames.Count - 1), f => Assert.Equal(3200, f.Data.Length));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(70)]
    public async Task Each_sentence_is_a_turn_with_cumulative_updates_an_eager_end_and_the_session_text_joins_verbatim(int shiftMs)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "Hey can you help me? Sure thing.", AudioEncoding.PcmS16LE, 16000);

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(SttAudio.Turns());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, shiftMs / 1000.0)); // moves the 100 ms frame boundaries
        await session.SendAudioAsync(speech);
        await session.SendAudioAsync(SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.5));
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        Assert.Equal(
            ["connected", "turn.start", "turn.update", "turn.update", "turn.update", "turn.update", "turn.update", "turn.eager_end", "turn.end",
             "turn.start", "turn.update", "turn.update", "turn.eager_end", "turn.end"],
            events.Select(e => e.Type));
        Assert.Equal(["Hey", "Hey can", "Hey can you", "Hey can you help", "Hey can you help me?"], events.OfType<SttTurnUpdateEvent>().Take(5).Select(u => u.Transcript));
        Assert.Equal(["Hey can you help me?", " Sure thing."], events.OfType<SttTurnEndEvent>().Select(e => e.Transcript));
        var transcript = new SttTranscriptAccumulator();
        events.ForEach(e => transcript.Apply(e));
        Assert.Equal("Hey can you help me? Sure thing.", transcript.Text);
        Assert.NotNull(Assert.IsType<SttConnectedEvent>(events[0]).RequestId);
    }

    [Fact]
    public async Task A_long_pause_gives_an_eager_end_then_a_resume_when_speech_goes_on()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "Well, maybe.", AudioEncoding.PcmS16LE, 16000, speed: 0.6); // the comma pauses 250 ms

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(SttAudio.Turns());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(speech);
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        Assert.Equal(["connected", "turn.start", "turn.update", "turn.eager_end", "turn.resume", "turn.update", "turn.end"], events.Select(e => e.Type));
        Assert.Equal("Well,", ((SttTurnEagerEndEvent)events[3]).Transcript);
        Assert.Equal("Well, maybe.", ((SttTurnEndEvent)events[^1]).Transcript);
    }

    [Fact]
    public async Task Close_ends_the_open_turn_and_the_service_closes_normally()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "No silence after this", AudioEncoding.PcmS16LE, 16000);

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(SttAudio.Turns());
        await session.SendAudioAsync(speech.AsMemory(0, speech.Length - 200));
        await session.CompleteAsync();

        List<SttEvent> events = await SttAudio.ReadAllAsync(session);
        Assert.Equal("No silence after this", Assert.IsType<SttTurnEndEvent>(events[^1]).Transcript);
        EmulatorRequest request = emulator.Journal.For("/stt/turns/websocket")[0];
        Assert.Equal("""{"type":"close"}""", request.WebSocketMessages[^1].Text);
        Assert.False(request.ClientDisconnected);
    }

    [Fact]
    public async Task Turn_detection_is_configured_by_query_and_by_a_config_message_after_the_audio_before_it()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        SttTurnsSessionOptions options = SttAudio.Turns();
        options.Keyterms = ["Cartesia"];
        options.Turn = new SttTurnConfig { StartThreshold = 0.7, EndTimeout = TimeSpan.FromSeconds(2) };

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3201]);
        await session.ConfigureTurnsAsync(new SttTurnConfig { EagerEndThreshold = 0.5, EndThreshold = 0.3 });
        var order = await Assert.ThrowsAsync<ArgumentException>(() => session.ConfigureTurnsAsync(new SttTurnConfig { EagerEndThreshold = 0.3 }));
        var range = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.ConfigureTurnsAsync(new SttTurnConfig { EndThreshold = 0.9 }));
        await Assert.ThrowsAsync<ArgumentException>(() => session.ConfigureTurnsAsync(new SttTurnConfig()));
        await session.CompleteAsync();
        await reading;

        EmulatorRequest request = emulator.Journal.For("/stt/turns/websocket")[0];
        Assert.Equal("?model=ink-2&encoding=pcm_s16le&sample_rate=16000&turn_start_threshold=0.7&turn_end_timeout_ms=2000&keyterm=Cartesia", request.Query);
        Assert.Equal(
            ["binary 3200 B", "binary 1 B", """text {"type":"config","turn":{"eager_end_threshold":0.5,"end_threshold":0.3}}""", """text {"type":"close"}"""],
            request.WebSocketMessages.Select(m => m.ToString()));
        Assert.Contains("must be above", order.Message, StringComparison.Ordinal);
        Assert.Contains("EndThreshold (end_threshold)", range.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_turn_options_are_refused_before_connecting()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        SttTurnsSessionOptions options = SttAudio.Turns();
        options.Turn = new SttTurnConfig { StartThreshold = 0.95 };
        SttTurnsSessionOptions order = SttAudio.Turns();
        order.Turn = new SttTurnConfig { StartThreshold = 0.5, EagerEndThreshold = 0.6 };
        SttTurnsSessionOptions timeout = SttAudio.Turns();
        timeout.Turn = new SttTurnConfig { EndTimeout = TimeSpan.FromMilliseconds(100) };

        Assert.Contains("Turn.StartThreshold (start_threshold)", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Stt.ConnectTurnsAsync(options))).Message, StringComparison.Ordinal);
        Assert.Contains("must be above", (await Assert.ThrowsAsync<ArgumentException>(() => client.Stt.ConnectTurnsAsync(order))).Message, StringComparison.Ordinal);
        Assert.Contains("EndTimeout (end_timeout_ms)", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Stt.ConnectTurnsAsync(timeout))).Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Theory]
    [InlineData("2026-08-14", "model_not_found")]
    [InlineData("2025-11-04", null)]
    public async Task A_model_the_turns_endpoint_does_not_serve_is_an_error_event_in_the_version_shape(string version, string? errorCode)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });
        SttTurnsSessionOptions options = SttAudio.Turns();
        options.Model = SttModel.InkWhisper;

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(options);
        var error = await Assert.ThrowsAsync<CartesiaStreamException>(() => SttAudio.ReadAllAsync(session));

        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal("Invalid model", error.Title);
    }

    /// <summary>A microphone: 100 ms frames of the audio, then silence, as an asynchronous sequence.</summary>
    private sealed class Microphone(byte[] speech, double trailingSilenceSeconds)
    {
        private volatile bool _finished;

        public bool Finished => _finished;

        public async IAsyncEnumerable<ReadOnlyMemory<byte>> FramesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            byte[] all = [.. speech, .. SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, trailingSilenceSeconds)];
            for (int offset = 0; offset < all.Length; offset += 3200)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _finished = offset + 3200 >= speech.Length;
                yield return all.AsMemory(offset, Math.Min(3200, all.Length - offset));
                await Task.Yield();
            }
        }
    }
}
