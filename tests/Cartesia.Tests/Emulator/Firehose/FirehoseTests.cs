using System.Net.Http.Json;
using Cartesia.Emulator;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Emulator.Firehose;

/// <summary>The emulator's firehose mode (pre-built frames for benchmarks), through the SDK.</summary>
public class FirehoseTests
{
    [Fact]
    public async Task Each_context_gets_its_chunks_then_done_none_misrouted()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Firehose = new EmulatorFirehose { ChunksPerContext = 7, ChunkBytes = 1000 },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();

        async Task<(string Id, int Chunks, long Bytes, bool Routed, bool DoneLast)> RunAsync(int i)
        {
            TtsContext context = socket.CreateContext(Requests.Context(contextId: $"ctx-{i}"));
            await context.SendAsync("Anything.");
            await context.CompleteAsync();
            List<TtsEvent> events = await Support.Speech.ReadAllAsync(context);
            TtsChunkEvent[] chunks = [.. events.OfType<TtsChunkEvent>()];
            return (context.ContextId, chunks.Length, chunks.Sum(c => (long)c.Audio.Length), events.All(e => e.ContextId == context.ContextId), events[^1] is TtsDoneEvent);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(RunAsync));

        Assert.All(results, r => Assert.Equal((7, 7000L, true, true), (r.Chunks, r.Bytes, r.Routed, r.DoneLast)));
    }

    [Fact]
    public async Task Chunks_carry_the_emulators_clock_when_they_were_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Firehose = new EmulatorFirehose { ChunksPerContext = 50, ChunkBytes = 4000 },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        double before = NowMicros();

        TtsContext context = socket.CreateContext(Requests.Context());
        await context.SendAsync("Anything.");
        await context.CompleteAsync();
        double[] stamps = [.. (await Support.Speech.ReadAllAsync(context)).OfType<TtsChunkEvent>().Select(c => c.StepTime ?? double.NaN)];
        double after = NowMicros();

        Assert.Equal(50, stamps.Length);
        Assert.All(stamps, t => Assert.InRange(t, before, after));
        Assert.Equal(stamps.Order(), stamps);

        static double NowMicros() => System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000.0 / System.Diagnostics.Stopwatch.Frequency);
    }

    [Fact]
    public async Task A_paced_firehose_sends_each_chunk_when_it_is_due_on_the_emulators_clock()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            TimeProvider = clock,
            Firehose = new EmulatorFirehose { ChunksPerContext = 3, ChunkBytes = 100, ChunksPerSecond = 10 },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        await context.SendAsync("Anything.");
        await context.CompleteAsync();
        await using IAsyncEnumerator<TtsEvent> events = context.ReadEventsAsync().GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync()); // the first chunk is due at once
        Assert.IsType<TtsChunkEvent>(events.Current);
        ValueTask<bool> second = events.MoveNextAsync();
        await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(100)); // the writer waits for the second's time (1/10 s)
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await second);
        Assert.IsType<TtsChunkEvent>(events.Current);
        ValueTask<bool> third = events.MoveNextAsync();
        await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(100), count: 2);
        Assert.False(third.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await third);
        Assert.IsType<TtsChunkEvent>(events.Current);
        Assert.True(await events.MoveNextAsync()); // done follows the last chunk at once: only chunks are paced
        Assert.IsType<TtsDoneEvent>(events.Current);
    }

    [Fact]
    public async Task Bytes_streams_the_configured_length_and_can_be_switched_over_the_control_api()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        using HttpClient http = ControlClient.Create(emulator);

        using (HttpResponseMessage put = await http.PutAsJsonAsync("/_emulator/firehose", new { bytes_length = 300_000, chunks_per_context = 2 }))
        {
            put.EnsureSuccessStatusCode();
        }

        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes(format: AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000)));
        Assert.Equal(300_000, audio.Length);
        Assert.Equal(2, emulator.Firehose?.ChunksPerContext);

        using (HttpResponseMessage bad = await http.PutAsJsonAsync("/_emulator/firehose", new { chunks_per_second = 0 }))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
            string message = await bad.Content.ReadAsStringAsync();
            Assert.Contains("chunks_per_second must be positive", message, StringComparison.Ordinal);
            Assert.DoesNotContain("ChunksPerSecond", message, StringComparison.Ordinal);
        }

        (await http.DeleteAsync("/_emulator/firehose")).EnsureSuccessStatusCode();
        Assert.Null(emulator.Firehose);
    }

    [Fact]
    public async Task Stt_audio_is_discarded_and_close_answered_at_once()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        using CartesiaClient client = emulator.CreateClient();
        await using SttStreamingSession session = await client.Stt.ConnectAsync(Cartesia.Tests.Stt.SttAudio.Stream());
        Task<List<SttEvent>> events = Cartesia.Tests.Stt.SttAudio.ReadAllAsync(session);

        for (int i = 0; i < 10; i++)
        {
            await session.SendAudioAsync(new byte[3200]);
        }

        await session.CompleteAsync();
        List<SttEvent> received = await events;

        Assert.Contains(received, e => e is SttTranscriptEvent { Text: "32000 bytes" });
    }

    [Fact]
    public async Task Stt_audio_pushed_as_fast_as_the_socket_takes_it_arrives_whole_none_twice()
    {
        // Each push finds the session's sender idle and sends on the caller's thread; when the socket is full the
        // write is handed to the sender in the background. Either way every byte arrives once.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        using CartesiaClient client = emulator.CreateClient();
        await using SttStreamingSession session = await client.Stt.ConnectAsync(Cartesia.Tests.Stt.SttAudio.Stream());
        Task<List<SttEvent>> events = Cartesia.Tests.Stt.SttAudio.ReadAllAsync(session);

        byte[] frame = new byte[3200];
        const int Frames = 30_000;
        for (int i = 0; i < Frames; i++)
        {
            await session.SendAudioAsync(frame);
        }

        await session.CompleteAsync();
        List<SttEvent> received = await events;

        Assert.Equal("96000000 bytes", Assert.Single(received.OfType<SttTranscriptEvent>()).Text);
    }

    [Fact]
    public async Task A_push_whose_wait_for_the_socket_is_cancelled_is_still_sent_whole_and_once()
    {
        // A push of 32 MB sends on the caller's task and waits whenever the socket is full; its token ends that wait
        // part of the way through, the write in flight goes to the session's sender, and the push returns normally
        // (it was accepted whole): every byte still arrives, once. A push cancelled before it was taken sends nothing.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        using CartesiaClient client = emulator.CreateClient();
        await using SttStreamingSession session = await client.Stt.ConnectAsync(Cartesia.Tests.Stt.SttAudio.Stream());
        Task<List<SttEvent>> events = Cartesia.Tests.Stt.SttAudio.ReadAllAsync(session);
        byte[] audio = new byte[32_000_000];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(2));

        bool accepted = true;
        try
        {
            await session.SendAudioAsync(audio, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            accepted = false; // cancelled before the push was taken (a slow machine): then none of it may be sent
        }

        await session.CompleteAsync();

        Assert.Equal(accepted ? "32000000 bytes" : "0 bytes", Assert.Single((await events).OfType<SttTranscriptEvent>()).Text);
    }
}
