using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Stt;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Stt;

/// <summary>How a session ends: close timeouts say what was missing; every disposal waits for the end.</summary>
public class SttCloseTests
{
    [Fact]
    public async Task A_close_timeout_without_done_says_done_never_arrived()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var clock = new TimerWatchingClock();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { LastTranscriptDelay = TimeSpan.FromSeconds(60) });
        SttSessionOptions options = SttAudio.Stream();
        options.CloseTimeout = TimeSpan.FromMilliseconds(300);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200]);

        Task completing = session.CompleteAsync();
        await clock.TimerStartedAsync(options.CloseTimeout);
        Assert.False(completing.IsCompleted);
        clock.Advance(options.CloseTimeout);
        var timeout = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => completing);
        Assert.Contains("never sent done", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("last transcripts may be missing", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("CloseTimeout", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CartesiaTimeoutException>(() => reading);
    }

    [Fact]
    public async Task When_done_arrived_and_only_the_close_is_late_the_session_completes_with_every_transcript()
    {
        // The service sends the last transcript and done, then never closes the socket.
        await using var server = new BurstWebSocketServer(
            ["""{"type":"transcript","text":"All of it.","is_final":true,"request_id":"r-1"}""", """{"type":"done","request_id":"r-1"}"""],
            closeStatus: null,
            holdOpen: true);
        var clock = new TimerWatchingClock();
        using var client = new CartesiaClient(new CartesiaClientOptions { ApiKey = "sk_test_close", BaseUri = server.BaseUri, TimeProvider = clock });
        SttSessionOptions options = SttAudio.Stream();
        options.CloseTimeout = TimeSpan.FromMilliseconds(300);

        await using SttSession session = await client.Stt.ConnectAsync(options);
        var doneSeen = new TaskCompletionSource();
        var events = new List<SttEvent>();
        Task reading = Task.Run(async () =>
        {
            await foreach (SttEvent e in session.ReadEventsAsync())
            {
                events.Add(e);
                if (e is SttDoneEvent)
                {
                    doneSeen.TrySetResult();
                }
            }
        });
        await session.SendAudioAsync(new byte[3200]);
        Task completing = session.CompleteAsync();
        await doneSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await clock.TimerStartedAsync(options.CloseTimeout);
        clock.Advance(options.CloseTimeout);
        await completing;

        await reading;
        Assert.Equal("All of it.", events.OfType<SttTranscriptEvent>().Single().Text);
        Assert.IsType<SttDoneEvent>(events[^1]);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_disposals_waits_for_the_session_to_end()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { SilenceAfterChunks = 1 });
        SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(new byte[3200 * 5]);

        Task first = session.DisposeAsync().AsTask();
        Task second = session.DisposeAsync().AsTask();
        await second;

        Assert.True(first.IsCompleted, "The second DisposeAsync returned while the first was still ending the session.");
        await first;
    }
}
