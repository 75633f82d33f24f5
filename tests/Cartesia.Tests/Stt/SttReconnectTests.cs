using System.Net.WebSockets;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Stt;

public class SttReconnectTests
{
    private static SttReconnectOptions Fast(List<SttReconnectingEvent>? seen = null, Func<SttReconnectingEvent, bool>? decide = null) => new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        OnReconnecting = e =>
        {
            lock (seen ?? [])
            {
                seen?.Add(e);
            }

            return decide?.Invoke(e) ?? true;
        },
    };

    /// <summary>Speech padded with silence to whole 100 ms frames of 16 kHz s16.</summary>
    private static async Task<byte[]> FramedSpeechAsync(CartesiaClient client, string text)
    {
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, text, AudioEncoding.PcmS16LE, 16000);
        return [.. audio, .. new byte[(3200 - (audio.Length % 3200)) % 3200]];
    }

    /// <summary>
    /// A session whose first connection drops after one frame, with a queue of two 3,200-byte frames, returned once it
    /// is reconnecting: the reconnect waits 600 ms on the client's clock, so nothing leaves the queue until the test
    /// advances it.
    /// </summary>
    private static async Task<(SttSession Session, Task<List<SttEvent>> Reading)> ReconnectingWithRoomForTwoFramesAsync(CartesiaEmulator emulator, CartesiaClient client)
    {
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 1 });
        var reconnecting = new TaskCompletionSource();
        SttSessionOptions options = SttAudio.Stream();
        options.MaxQueuedBytes = 6400;
        options.Reconnect = new SttReconnectOptions
        {
            InitialDelay = TimeSpan.FromMilliseconds(600),
            MaxDelay = TimeSpan.FromMilliseconds(600),
            OnReconnecting = _ => reconnecting.TrySetResult(),
        };

        SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);
        await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (session, reading);
    }

    [Theory]
    [InlineData(1011)]
    [InlineData(null)]
    public async Task A_dropped_connection_is_reconnected_and_the_audio_queued_meanwhile_goes_out_byte_exact_as_binary(int? closeStatus)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] first = await FramedSpeechAsync(client, "First sentence.");
        (byte[] second, TimedText[] secondWords) = await SttAudio.SpeakAsync(client, "Second sentence.", AudioEncoding.PcmS16LE, 16000);
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = first.Length / 3200, DropCloseStatus = closeStatus });
        var seen = new List<SttReconnectingEvent>();
        SttSessionOptions options = SttAudio.Stream();
        options.Reconnect = Fast(seen);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        var events = new List<SttEvent>();
        var reconnecting = new TaskCompletionSource();
        Task reading = Task.Run(async () =>
        {
            await foreach (SttEvent e in session.ReadEventsAsync())
            {
                events.Add(e);
                if (e is SttReconnectingEvent)
                {
                    reconnecting.TrySetResult();
                }
            }
        });

        await session.SendAudioAsync(first);
        await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await session.SendAudioAsync(second);
        await session.CompleteAsync();
        await reading;

        IReadOnlyList<EmulatorRequest> connections = emulator.Journal.For("/stt/websocket");
        Assert.Equal(2, connections.Count);
        Assert.Equal(first, connections[0].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data));
        Assert.Equal(second, connections[1].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data));
        Assert.Equal(["close"], connections[1].WebSocketMessages.Where(m => !m.IsBinary).Select(m => m.Text));
        Assert.Equal(connections[1].Query, connections[0].Query);
        Assert.Equal(connections[0].Credential.Kind, connections[1].Credential.Kind);
        Assert.Equal(connections[0].Credential.Fingerprint, connections[1].Credential.Fingerprint);

        SttReconnectingEvent attempt = Assert.Single(events.OfType<SttReconnectingEvent>());
        Assert.Same(attempt, Assert.Single(seen));
        Assert.Equal((1, 5), (attempt.Attempt, attempt.MaxAttempts));
        Assert.Equal(closeStatus is null ? null : (WebSocketCloseStatus)closeStatus, attempt.CloseStatus);
        SttReconnectedEvent reconnected = Assert.Single(events.OfType<SttReconnectedEvent>());
        Assert.True(events.IndexOf(attempt) < events.IndexOf(reconnected));
        Assert.Equal(first.Length / 32000.0, reconnected.TimeOffset.TotalSeconds, 6);
        Assert.True(reconnected.PartialTranscriptDiscarded, "The interim of the first sentence was lost with the connection.");
        Assert.NotNull(reconnected.RequestId);
        Assert.NotEqual(attempt.RequestId, reconnected.RequestId);
        Assert.Equal(reconnected.RequestId, session.RequestId);

        // The second connection's times continue the session's clock.
        SttTranscriptEvent final = events.OfType<SttTranscriptEvent>().Single(e => e.IsFinal);
        Assert.Equal("Second sentence.", final.Text);
        Assert.Equal(first.Length / 32000.0 + secondWords[0].Start.TotalSeconds, final.Words![0].Start, 2);
        var transcript = new SttTranscriptAccumulator();
        events.ForEach(e => transcript.Apply(e));
        Assert.Equal("Second sentence.", transcript.TextWithPartial);
    }

    [Fact]
    public async Task While_reconnecting_the_queue_is_bounded_in_bytes_and_a_push_that_waits_for_room_is_all_or_nothing()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        byte[] a = Enumerable.Repeat((byte)1, 3200).ToArray(), b = Enumerable.Repeat((byte)2, 3200).ToArray(), c = Enumerable.Repeat((byte)3, 3200).ToArray();
        (SttSession session, Task<List<SttEvent>> reading) = await ReconnectingWithRoomForTwoFramesAsync(emulator, client);
        await using SttSession _ = session;

        // The backoff waits on the client's clock, which stands still until the queue has been tried.
        await session.SendAudioAsync(a);
        await session.SendAudioAsync(b);
        using var patience = new CancellationTokenSource();
        Task pushing = session.SendAudioAsync(c, patience.Token).AsTask();
        Assert.False(pushing.IsCompleted, "A push beyond MaxQueuedBytes went through while reconnecting.");
        patience.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pushing);

        await clock.TimerStartedAsync(due => due > TimeSpan.FromMilliseconds(400) && due <= TimeSpan.FromMilliseconds(600), what: "the reconnect backoff");
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await session.CompleteAsync();
        await reading;

        IReadOnlyList<EmulatorRequest> connections = emulator.Journal.For("/stt/websocket");
        Assert.Equal([.. a, .. b], connections[1].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data));
    }

    [Fact]
    public async Task Pushes_waiting_behind_a_push_that_waits_for_room_keep_their_order_and_a_cancelled_one_is_left_out()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        byte[][] frames = [.. Enumerable.Range(1, 5).Select(i => Enumerable.Repeat((byte)i, 3200).ToArray())];
        (SttSession session, Task<List<SttEvent>> reading) = await ReconnectingWithRoomForTwoFramesAsync(emulator, client);
        await using SttSession _ = session;

        // Two frames fill the queue; the third waits for room, the fourth and fifth wait for their turn behind it.
        await session.SendAudioAsync(frames[0]);
        await session.SendAudioAsync(frames[1]);
        Task third = session.SendAudioAsync(frames[2]).AsTask();
        using var patience = new CancellationTokenSource();
        Task fourth = session.SendAudioAsync(frames[3], patience.Token).AsTask();
        Task fifth = session.SendAudioAsync(frames[4]).AsTask();
        Assert.False(third.IsCompleted || fourth.IsCompleted || fifth.IsCompleted, "A push went ahead of a full queue while reconnecting.");
        patience.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth);
        Assert.False(fifth.IsCompleted, "A push overtook the push waiting for room before it.");

        await clock.TimerStartedAsync(due => due > TimeSpan.FromMilliseconds(400) && due <= TimeSpan.FromMilliseconds(600), what: "the reconnect backoff");
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await Task.WhenAll(third, fifth).WaitAsync(TimeSpan.FromSeconds(20));
        await session.CompleteAsync();
        await reading;

        IReadOnlyList<EmulatorRequest> connections = emulator.Journal.For("/stt/websocket");
        Assert.Equal([.. frames[0], .. frames[1], .. frames[2], .. frames[4]], connections[1].WebSocketMessages.Where(m => m.IsBinary).SelectMany(m => m.Data));
    }

    [Fact]
    public async Task Without_reconnection_a_drop_ends_the_session_with_a_typed_error_counting_the_unsent_audio()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 2, DropCloseStatus = 1011 });

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[(3200 * 2) + 1000]);

        var lost = await Assert.ThrowsAsync<SttConnectionLostException>(() => reading);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, lost.CloseStatus);
        Assert.Equal(1000, lost.UnsentAudioBytes);
        Assert.Equal(0, lost.ReconnectAttempts);
        Assert.Contains("reconnection is off", lost.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CartesiaConnectionLostException>(lost);
        Assert.Same(lost, await Assert.ThrowsAsync<SttConnectionLostException>(async () => await session.SendAudioAsync(new byte[2])));
        Assert.Same(lost, await Assert.ThrowsAsync<SttConnectionLostException>(() => session.CompleteAsync()));
        Assert.Single(emulator.Journal.For("/stt/websocket"));
    }

    [Fact]
    public async Task A_close_code_that_is_not_recoverable_is_not_reconnected()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 1, DropCloseStatus = 1008 });
        var seen = new List<SttReconnectingEvent>();
        SttSessionOptions options = SttAudio.Stream();
        options.Reconnect = Fast(seen);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);

        var lost = await Assert.ThrowsAsync<SttConnectionLostException>(() => reading);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, lost.CloseStatus);
        Assert.Contains("not one to reconnect after", lost.Message, StringComparison.Ordinal);
        Assert.Empty(seen);
        Assert.Single(emulator.Journal.For("/stt/websocket"));
    }

    [Fact]
    public async Task The_callback_can_stop_reconnecting()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 1 });
        SttSessionOptions options = SttAudio.Stream();
        options.Reconnect = Fast(decide: _ => false);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);

        var lost = await Assert.ThrowsAsync<SttConnectionLostException>(() => reading);
        Assert.Null(lost.CloseStatus);
        Assert.Contains("OnReconnecting callback stopped", lost.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Journal.For("/stt/websocket"));
    }

    [Fact]
    public async Task Giving_up_after_the_last_attempt_reports_the_audio_never_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 1, DropCloseStatus = 1012 });
        emulator.Faults.Add("GET /stt/websocket", EmulatorFault.Status(503).ForRequests(5));
        var attempts = new List<SttReconnectingEvent>();
        var firstAttempt = new TaskCompletionSource();
        SttSessionOptions options = SttAudio.Stream();
        options.Reconnect = Fast(attempts, _ =>
        {
            firstAttempt.TrySetResult();
            return true;
        });
        options.Reconnect.MaxRetries = 2;

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);
        await firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await session.SendAudioAsync(new byte[3200 * 4]);

        var lost = await Assert.ThrowsAsync<SttConnectionLostException>(() => reading);
        Assert.Equal((WebSocketCloseStatus)1012, lost.CloseStatus);
        Assert.Equal(2, lost.ReconnectAttempts);
        Assert.Equal(3, lost.Attempts);
        Assert.Equal(3200 * 4, lost.UnsentAudioBytes);
        Assert.Equal(4, lost.UnsentMessages);
        Assert.IsType<CartesiaServerException>(lost.InnerException);
        Assert.Equal([1, 2], attempts.Select(a => a.Attempt));
        Assert.Equal([101, 503, 503], emulator.Journal.For("/stt/websocket").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_finalize_whose_answer_was_lost_with_the_connection_is_sent_again_and_answered()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 3, DropCloseStatus = 1011 });
        SttSessionOptions options = SttAudio.Stream();
        options.Reconnect = Fast();

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200 * 3]);
        await session.FinalizeAsync();
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        IReadOnlyList<EmulatorRequest> connections = emulator.Journal.For("/stt/websocket");
        Assert.Equal(2, connections.Count);
        Assert.Equal(["finalize", "close"], connections[1].WebSocketMessages.Select(m => m.Text));
        Assert.Single(events.OfType<SttFlushDoneEvent>());
        Assert.IsType<SttDoneEvent>(events[^1]);
    }

    [Fact]
    public async Task A_turns_session_reconnected_mid_turn_drops_the_turn_and_sends_its_turn_configuration_again_first()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        byte[] speech = await FramedSpeechAsync(client, "This turn is cut short by a drop.");
        emulator.Faults.Add("GET /stt/turns/websocket", new EmulatorFault { DropAfterChunks = 6, DropCloseStatus = 1001 });
        SttTurnsSessionOptions options = SttAudio.Turns();
        options.Reconnect = Fast();

        await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(options);
        await session.ConfigureTurnsAsync(new SttTurnConfig { EndThreshold = 0.3 });
        await session.SendAudioAsync(speech.AsMemory(0, 3200 * 6));
        var transcript = new SttTranscriptAccumulator();
        List<SttEvent> events = [];
        await foreach (SttEvent e in session.ReadEventsAsync())
        {
            events.Add(e);
            transcript.Apply(e);
            if (e is SttReconnectedEvent)
            {
                break;
            }
        }

        await session.CompleteAsync();

        Assert.Contains(events, e => e is SttTurnStartEvent);
        Assert.Equal(string.Empty, transcript.Partial);
        Assert.True(((SttReconnectedEvent)events[^1]).PartialTranscriptDiscarded);
        IReadOnlyList<EmulatorRequest> connections = emulator.Journal.For("/stt/turns/websocket");
        Assert.Equal("""{"type":"config","turn":{"end_threshold":0.3}}""", connections[1].WebSocketMessages[0].Text);
        Assert.Equal("""{"type":"close"}""", connections[1].WebSocketMessages[^1].Text);
    }
}
