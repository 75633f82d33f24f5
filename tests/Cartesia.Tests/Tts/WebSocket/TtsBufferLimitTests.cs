using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

/// <summary>MaxBufferedBytesPerContext measures what the reader was offered and has not taken, and nothing else.</summary>
public class TtsBufferLimitTests
{
    private const int ChunkBytes = 512;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reader_that_keeps_up_never_overflows_however_large_the_burst(bool pooled)
    {
        // 2000 chunks (1 MB) in one socket write against a limit of 64 chunks: the receive loop could hold far more
        // than the limit for one hand-off, which the reader could not have seen, so it must not count.
        await using var server = new BurstWebSocketServer(Frames("keep-up", 2000, done: true), closeStatus: 1000);
        using var client = new CartesiaClient(new CartesiaClientOptions { ApiKey = "sk_test_burst", BaseUri = server.BaseUri });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { MaxBufferedBytesPerContext = 64 * ChunkBytes });
        TtsContext context = socket.CreateContext(Requests.Context("keep-up"));
        Task<int> reading = CountChunksAsync(context, pooled);

        await context.SendAsync("A long burst.");

        Assert.Equal(2000, await reading.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(TtsContextState.Done, context.State);
    }

    [Fact]
    public async Task A_reader_that_fell_behind_learns_of_the_overflow_at_its_next_read_and_the_queue_is_dropped()
    {
        // Paced like the service: the audio arrives frame by frame, faster than real time.
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 0.05, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { MaxBufferedBytesPerContext = 10_000 });
        TtsContext context = socket.CreateContext(Requests.Context("behind"));
        await using IAsyncEnumerator<TtsEvent> events = context.ReadEventsAsync().GetAsyncEnumerator();
        await context.SendAsync("This is a long sentence with enough words to need many audio chunks on the wire.");
        await context.CompleteAsync();

        // The reader does not read while the audio arrives: the context fails as soon as it is over the limit.
        var overflow = await Assert.ThrowsAsync<CartesiaBufferOverflowException>(() => context.Completion.WaitAsync(TimeSpan.FromSeconds(30)));

        // More than the limit was queued when it failed: the very next read throws, it does not return that audio first.
        Assert.Same(overflow, await Assert.ThrowsAsync<CartesiaBufferOverflowException>(async () => await events.MoveNextAsync()));
        Assert.Equal(10_000, overflow.LimitBytes);
        Assert.Contains("not yet read", overflow.Message, StringComparison.Ordinal);
        Assert.Equal(TtsContextState.Failed, context.State);
    }

    private static async Task<int> CountChunksAsync(TtsContext context, bool pooled)
    {
        int chunks = 0;
        await foreach (TtsEvent e in pooled ? context.ReadPooledEventsAsync() : context.ReadEventsAsync())
        {
            if (e is TtsChunkEvent chunk)
            {
                Assert.Equal(ChunkBytes, chunk.Audio.Length);
                chunks++;
            }
        }

        return chunks;
    }

    private static List<string> Frames(string contextId, int chunks, bool done)
    {
        string data = Convert.ToBase64String(new byte[ChunkBytes]);
        List<string> frames = [.. Enumerable.Range(0, chunks).Select(_ => $$"""{"type":"chunk","context_id":"{{contextId}}","status_code":206,"done":false,"data":"{{data}}","step_time":1}""")];
        if (done)
        {
            frames.Add($$"""{"type":"done","context_id":"{{contextId}}","status_code":200,"done":true}""");
        }

        return frames;
    }
}
