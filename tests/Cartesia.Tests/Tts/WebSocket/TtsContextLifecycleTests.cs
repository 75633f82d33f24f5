using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Tts.WebSocket;

public class TtsContextLifecycleTests
{
    private const string Long = "This is a long sentence with enough words to need many audio chunks on the wire.";

    [Fact]
    public async Task Cancel_stops_reading_at_once_and_late_audio_is_discarded()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 0.5, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { AudioAfterCancel = true });
        using var logs = new LogCapture();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { LoggerFactory = logs.Factory });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext cancelled = socket.CreateContext(Requests.Context("cancel-me"));
        TtsContext other = socket.CreateContext(Requests.Context("keep-going"));
        await cancelled.SendAsync(Long);
        await cancelled.CompleteAsync();
        await other.SendAsync("The other context is fine.");
        await other.CompleteAsync();

        int chunks = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (TtsEvent e in cancelled.ReadEventsAsync())
            {
                if (e is TtsChunkEvent && ++chunks == 2)
                {
                    await cancelled.CancelAsync();
                }
            }
        });
        List<TtsEvent> otherEvents = await Speech.ReadAllAsync(other);

        Assert.Equal(2, chunks);
        Assert.Equal(TtsContextState.Cancelled, cancelled.State);
        Assert.True(cancelled.Completion.IsCanceled);
        Assert.Equal(Speech.WordsOf("The other context is fine."), Speech.Heard(otherEvents, AudioEncoding.PcmS16LE, 8000));
        var messages = emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Select(m => JsonDocument.Parse(m.Data).RootElement).ToList();
        Assert.Single(messages, m => m.TryGetProperty("cancel", out _) && m.GetProperty("context_id").GetString() == "cancel-me");
        await WaitUntil(() => logs.Records.Any(r => r.Message.Contains("Dropped a late chunk event of context cancel-me", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cancelling_the_readers_token_cancels_the_context_on_the_service()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 0.5, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context("ctx"));
        await context.SendAsync(Long);
        await context.CompleteAsync();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (TtsEvent e in context.ReadEventsAsync(cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Equal(TtsContextState.Cancelled, context.State);
        await WaitUntil(() => emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Any(m => m.Text.Contains("\"cancel\":true", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_context_that_never_sent_text_sends_nothing_on_cancel_or_dispose()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();

        TtsContext cancelled = socket.CreateContext(Requests.Context());
        await cancelled.CancelAsync();
        await using (TtsContext disposed = socket.CreateContext(Requests.Context()))
        {
        }

        Assert.Equal(TtsContextState.Cancelled, cancelled.State);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Speech.ReadAllAsync(cancelled));
        Assert.Empty(emulator.Journal.For("/tts/websocket").Single().WebSocketMessages);
    }

    [Fact]
    public async Task Misuse_is_a_local_error_with_nothing_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context("dup"));

        Assert.Throws<ArgumentException>(() => socket.CreateContext(Requests.Context("dup")));
        await Assert.ThrowsAsync<ArgumentException>(() => context.SendAsync(string.Empty).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.FlushAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.CompleteAsync().AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => context.CompleteAsync(string.Empty).AsTask());
        TtsContextOptions mp3 = Requests.Context();
        mp3.OutputFormat = AudioOutputFormat.Mp3(44100, 128000);
        var format = Assert.Throws<ArgumentException>(() => socket.CreateContext(mp3));
        TtsContextOptions delay = Requests.Context();
        delay.MaxBufferDelayMs = 6000;
        Assert.Throws<ArgumentOutOfRangeException>(() => socket.CreateContext(delay));
        Assert.Empty(emulator.Journal.For("/tts/websocket").Single().WebSocketMessages);
        Assert.Contains("raw", format.Message, StringComparison.Ordinal);

        await context.SendAsync("Finished now.");
        await context.CompleteAsync();
        await Speech.ReadAllAsync(context);
        var afterDone = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SendAsync("More?").AsTask());
        Assert.Contains("completed", afterDone.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.CompleteAsync("Again.").AsTask());
        Assert.Throws<InvalidOperationException>(() => context.ReadEventsAsync());
    }

    [Fact]
    public async Task Complete_with_text_sends_the_text_and_the_end_in_one_message()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context("one-go"));

        await context.CompleteAsync("Hello there.");
        List<TtsEvent> events = await Speech.ReadAllAsync(context);

        JsonElement message = JsonDocument.Parse(Assert.Single(emulator.Journal.For("/tts/websocket").Single().WebSocketMessages).Data).RootElement;
        Assert.Equal(("Hello there.", false), (message.GetProperty("transcript").GetString(), message.GetProperty("continue").GetBoolean()));
        Assert.Contains(events, e => e is TtsChunkEvent);
        Assert.IsType<TtsDoneEvent>(events[^1]);
        Assert.Equal(TtsContextState.Done, context.State);
    }

    [Fact]
    public async Task The_one_shot_generate_sends_one_message()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();

        int chunks = 0;
        await foreach (TtsEvent e in socket.GenerateAsync(Requests.Context(), "Just this."))
        {
            chunks += e is TtsChunkEvent ? 1 : 0;
        }

        JsonElement message = JsonDocument.Parse(Assert.Single(emulator.Journal.For("/tts/websocket").Single().WebSocketMessages).Data).RootElement;
        Assert.Equal(("Just this.", false), (message.GetProperty("transcript").GetString(), message.GetProperty("continue").GetBoolean()));
        Assert.True(chunks > 0);
    }

    [Fact]
    public async Task The_idle_close_is_not_an_error_and_the_next_context_reconnects()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TtsWebSocketIdleTimeout = TimeSpan.FromMilliseconds(300) });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        List<TtsEvent> first = await Collect(socket.GenerateAsync(Requests.Context(), "Before the idle close."));

        await WaitUntil(() => !socket.IsConnected);
        List<TtsEvent> second = await Collect(socket.GenerateAsync(Requests.Context(), "After the idle close."));

        Assert.IsType<TtsDoneEvent>(first[^1]);
        Assert.Equal(Speech.WordsOf("After the idle close."), Speech.Heard(second, AudioEncoding.PcmS16LE, 8000));
        Assert.Equal(2, socket.ConnectionCount);
        Assert.Equal(2, emulator.Journal.For("/tts/websocket").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_socket_fails_every_context_it_cut_saying_how_much_audio_arrived(bool closeFrame)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 0.2, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { DropAfterChunks = 6, DropCloseStatus = closeFrame ? 1011 : null });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext a = socket.CreateContext(Requests.Context("a"));
        TtsContext b = socket.CreateContext(Requests.Context("b"));
        Task<List<TtsEvent>> readA = Speech.ReadAllAsync(a);
        Task<List<TtsEvent>> readB = Speech.ReadAllAsync(b);
        await a.SendAsync(Long);
        await b.SendAsync(Long);
        await a.CompleteAsync();
        await b.CompleteAsync();

        var lostA = await Assert.ThrowsAsync<CartesiaConnectionLostException>(() => readA);
        var lostB = await Assert.ThrowsAsync<CartesiaConnectionLostException>(() => readB);

        Assert.Equal(6 * 800, lostA.AudioBytesReceived + lostB.AudioBytesReceived);
        Assert.Equal(lostA.AudioBytesReceived, a.Metrics.AudioBytes);
        Assert.Equal("a", lostA.ContextId);
        Assert.Equal(closeFrame ? System.Net.WebSockets.WebSocketCloseStatus.InternalServerError : null, lostA.CloseStatus);
        Assert.Contains("truncated", lostA.Message, StringComparison.Ordinal);
        Assert.Equal(TtsContextState.Failed, a.State);

        List<TtsEvent> after = await Collect(socket.GenerateAsync(Requests.Context(), "A new socket works."));
        Assert.Equal(Speech.WordsOf("A new socket works."), Speech.Heard(after, AudioEncoding.PcmS16LE, 8000));
        Assert.Equal(2, socket.ConnectionCount);
    }

    [Fact]
    public async Task A_silent_socket_trips_the_first_chunk_watchdog_and_is_recycled()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { SilenceAfterChunks = 0 });
        var clock = new FakeTimeProvider();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { FirstChunkTimeout = FakeClock.Hour });
        TtsContext context = socket.CreateContext(Requests.Context());

        await context.SendAsync("Anyone there?");
        await context.CompleteAsync();
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);
        clock.Advance(FakeClock.Hour - TimeSpan.FromSeconds(1));
        Assert.Equal(TtsContextState.Completing, context.State);
        clock.Advance(TimeSpan.FromSeconds(1)); // the watchdog was armed by the send, before this
        var timeout = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => reading.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(CartesiaTimeoutPhase.FirstChunk, timeout.Phase);
        Assert.Equal(FakeClock.Hour, timeout.Timeout);
        await WaitUntil(() => !socket.IsConnected);
        List<TtsEvent> after = await Collect(socket.GenerateAsync(Requests.Context(), "The recycled socket speaks."));
        Assert.IsType<TtsDoneEvent>(after[^1]);
        Assert.Equal(2, socket.ConnectionCount);
    }

    [Fact]
    public async Task A_failed_context_whose_completion_nobody_awaits_reports_no_unobserved_exception()
    {
        var unobserved = new List<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> handler = (_, e) =>
        {
            lock (unobserved)
            {
                unobserved.AddRange(e.Exception.InnerExceptions.Where(x => x.Message.Contains("unobserved-probe", StringComparison.Ordinal)));
            }
        };
        TaskScheduler.UnobservedTaskException += handler;
        try
        {
            await FailAContextNobodyAwaitsAsync();
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            lock (unobserved)
            {
                Assert.Empty(unobserved);
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= handler;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task FailAContextNobodyAwaitsAsync()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { SilenceAfterChunks = 0 });
        var clock = new FakeTimeProvider();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { FirstChunkTimeout = FakeClock.Hour });
        TtsContext context = socket.CreateContext(Requests.Context("unobserved-probe"));
        await context.CompleteAsync("Anyone there?");
        clock.Advance(FakeClock.Hour);
        await WaitUntil(() => context.State == TtsContextState.Failed);
    }

    [Fact]
    public async Task A_stalled_context_trips_the_between_chunks_watchdog()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { SilenceAfterChunks = 2 });
        var clock = new FakeTimeProvider();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { ChunkTimeout = FakeClock.Hour });
        TtsContext context = socket.CreateContext(Requests.Context());
        await context.SendAsync(Long);
        await context.CompleteAsync();
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        // The second chunk re-armed the watchdog (under the same lock that counts it): an hour later it fires.
        await WaitUntil(() => context.Metrics.Chunks == 2);
        clock.Advance(FakeClock.Hour - TimeSpan.FromSeconds(1));
        Assert.Equal(TtsContextState.Completing, context.State);
        clock.Advance(TimeSpan.FromSeconds(1));
        var timeout = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => reading.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(CartesiaTimeoutPhase.BetweenChunks, timeout.Phase);
        Assert.Equal(2 * 1600, context.Metrics.AudioBytes); // two 100 ms chunks of 8 kHz s16
    }

    [Fact]
    public async Task Dispose_during_activity_is_prompt_even_when_the_service_never_answers_the_close()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 1 },
        });
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { IgnoreClose = true, SilenceAfterChunks = 1 });
        var clock = new FakeTimeProvider();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { CloseTimeout = FakeClock.Hour });
        TtsContext context = socket.CreateContext(Requests.Context());
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);
        await context.SendAsync(Long);
        await context.CompleteAsync();

        // The service never answers the close: only CloseTimeout (on the client's clock) ends the wait.
        Task disposing = socket.DisposeAsync().AsTask();
        await FakeClock.AdvanceUntilAsync(clock, disposing, FakeClock.Hour);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Throws<ObjectDisposedException>(() => socket.CreateContext(Requests.Context()));
    }

    [Fact]
    public async Task A_slow_reader_overflows_its_own_buffer_without_stalling_others()
    {
        // Faster than real time, as the service sends, but not the whole generation at once.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 0.05, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        using CartesiaClient client = emulator.CreateClient();
        // "Hi." is under 8 KB of audio; the long sentence is far over the limit when nobody reads it.
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { MaxBufferedBytesPerContext = 10_000 });
        TtsContext slow = socket.CreateContext(Requests.Context("slow"));
        await slow.SendAsync(Long);
        await slow.CompleteAsync();

        List<TtsEvent> fast = await Collect(socket.GenerateAsync(Requests.Context("fast"), "Hi."));
        var overflow = await Assert.ThrowsAsync<CartesiaBufferOverflowException>(() => slow.Completion);

        Assert.Equal(10_000, overflow.LimitBytes);
        Assert.IsType<TtsDoneEvent>(fast[^1]);
        await Assert.ThrowsAsync<CartesiaBufferOverflowException>(() => Speech.ReadAllAsync(slow));
    }

    internal static async Task<List<TtsEvent>> Collect(IAsyncEnumerable<TtsEvent> events)
    {
        var list = new List<TtsEvent>();
        await foreach (TtsEvent e in events)
        {
            list.Add(e);
        }

        return list;
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "The condition did not become true in time.");
    }
}
