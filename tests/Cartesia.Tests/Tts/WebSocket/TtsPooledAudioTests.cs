using System.Runtime.InteropServices;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

/// <summary>
/// The receive loop decodes audio into pooled buffers: <see cref="TtsContext.ReadPooledEventsAsync"/> lends them
/// for one loop iteration, <see cref="TtsContext.ReadEventsAsync"/> copies each chunk into an array of its own; events
/// held for a burst of frames reach their readers however the socket ends.
/// </summary>
public class TtsPooledAudioTests
{
    private const string Sentence = "Pooled buffers carry the same words as arrays of their own.";

    [Fact]
    public async Task Pooled_reading_gives_the_same_audio_as_owned_reading()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext owned = socket.CreateContext(Requests.Context("owned"));
        TtsContext pooled = socket.CreateContext(Requests.Context("pooled"));
        foreach (TtsContext context in new[] { owned, pooled })
        {
            await context.SendAsync(Sentence);
            await context.CompleteAsync();
        }

        Task<List<TtsEvent>> ownedEvents = Speech.ReadAllAsync(owned);
        var copied = new List<byte>();
        var types = new List<string>();
        await foreach (TtsEvent e in pooled.ReadPooledEventsAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            types.Add(e.Type);
            if (e is TtsChunkEvent chunk)
            {
                copied.AddRange(chunk.Audio.ToArray());
            }
        }

        List<TtsEvent> ownedList = await ownedEvents.WaitAsync(TimeSpan.FromSeconds(30));
        byte[] ownedAudio = [.. ownedList.OfType<TtsChunkEvent>().SelectMany(c => c.Audio.ToArray())];
        Assert.NotEmpty(ownedAudio);
        Assert.Equal(ownedAudio, copied.ToArray());
        Assert.Equal(ownedList.Select(e => e.Type), types);
        Assert.Equal("done", types[^1]);
        Assert.Equal(Speech.WordsOf(Sentence), Speech.Heard(ownedList, AudioEncoding.PcmS16LE, 8000));
    }

    [Fact]
    public async Task Owned_chunks_keep_exact_arrays_of_their_own_and_pooled_chunks_are_emptied_once_moved_past()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext owned = socket.CreateContext(Requests.Context("owned"));
        TtsContext pooled = socket.CreateContext(Requests.Context("pooled"));
        IAsyncEnumerable<TtsEvent> pooledEvents = pooled.ReadPooledEventsAsync();
        foreach (TtsContext context in new[] { owned, pooled })
        {
            await context.SendAsync(Sentence);
            await context.CompleteAsync();
        }

        List<TtsChunkEvent> ownedChunks = [.. (await Speech.ReadAllAsync(owned).WaitAsync(TimeSpan.FromSeconds(30))).OfType<TtsChunkEvent>()];
        var pooledChunks = new List<TtsChunkEvent>();
        int lengthInsideTheLoop = 0, rented = 0;
        await foreach (TtsEvent e in pooledEvents)
        {
            if (e is TtsChunkEvent chunk)
            {
                lengthInsideTheLoop += chunk.Audio.Length;
                pooledChunks.Add(chunk);
                Assert.True(MemoryMarshal.TryGetArray(chunk.Audio, out ArraySegment<byte> lent));
                rented += lent.Array!.Length > chunk.Audio.Length ? 1 : 0; // the pool's arrays come in powers of two
            }
        }

        Assert.True(rented > 0, "no chunk was decoded into a rented array");
        Assert.True(ownedChunks.Count > 1);
        Assert.All(ownedChunks, c =>
        {
            Assert.True(MemoryMarshal.TryGetArray(c.Audio, out ArraySegment<byte> segment));
            Assert.Equal(0, segment.Offset);
            Assert.Equal(segment.Array!.Length, c.Audio.Length); // not a rented array, which is larger than asked for
        });
        Assert.Equal(ownedChunks.Sum(c => c.Audio.Length), lengthInsideTheLoop);
        Assert.All(pooledChunks, c => Assert.True(c.Audio.IsEmpty)); // given back to the pool, not left pointing at reused memory
    }

    [Fact]
    public async Task Leaving_a_pooled_loop_early_gives_the_buffer_back_and_the_context_can_be_cancelled()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            Pacing = new EmulatorPacing { RealTimeFactor = 0.2, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        await using TtsContext context = socket.CreateContext(Requests.Context("early"));
        await context.SendAsync(Sentence);
        await context.CompleteAsync();

        TtsChunkEvent? first = null;
        await foreach (TtsEvent e in context.ReadPooledEventsAsync())
        {
            if (e is TtsChunkEvent chunk)
            {
                Assert.False(chunk.Audio.IsEmpty);
                first = chunk;
                break;
            }
        }

        Assert.NotNull(first);
        Assert.True(first.Audio.IsEmpty);
        await context.DisposeAsync();
        Assert.Equal(TtsContextState.Cancelled, context.State);
    }

    [Fact]
    public async Task Pooled_and_owned_readers_are_one_reader()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        await using TtsContext context = socket.CreateContext(Requests.Context("once"));
        _ = context.ReadPooledEventsAsync();

        var twice = Assert.Throws<InvalidOperationException>(() => context.ReadEventsAsync());
        Assert.Contains("read once", twice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "close")]
    [InlineData(true, "close")]
    [InlineData(false, "reset")]
    [InlineData(true, "reset")]
    [InlineData(false, "done")]
    [InlineData(true, "done")]
    public async Task Every_event_of_a_burst_reaches_the_reader_in_order_however_the_burst_ends(bool pooled, string end)
    {
        // Six chunks and the end arrive in one socket write: the receive loop reads them back to back, holding the
        // events until the burst is over, and must hand every one over before the context ends.
        byte[][] audio = [.. Enumerable.Range(1, 6).Select(i => Enumerable.Repeat((byte)i, 800 + i).ToArray())];
        List<string> frames = [.. audio.Select(a => $$"""{"type":"chunk","context_id":"burst","status_code":206,"done":false,"data":"{{Convert.ToBase64String(a)}}","step_time":1}""")];
        if (end == "done")
        {
            frames.Add("""{"type":"done","context_id":"burst","status_code":200,"done":true}""");
        }

        await using var server = new BurstWebSocketServer(frames, end == "close" ? (ushort)1011 : null);
        using var client = new CartesiaClient(new CartesiaClientOptions { ApiKey = "sk_test_burst", BaseUri = server.BaseUri });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context("burst"));
        await context.SendAsync("Six chunks in one burst.");

        var read = new List<byte[]>();
        var types = new List<string>();
        Exception? ended = null;
        try
        {
            await foreach (TtsEvent e in (pooled ? context.ReadPooledEventsAsync() : context.ReadEventsAsync()).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
            {
                types.Add(e.Type);
                if (e is TtsChunkEvent chunk)
                {
                    read.Add(chunk.Audio.ToArray());
                }
            }
        }
        catch (CartesiaConnectionLostException lost)
        {
            ended = lost;
        }

        Assert.Equal(audio, read);
        if (end == "done")
        {
            Assert.Null(ended);
            Assert.Equal("done", types[^1]);
            Assert.Equal(TtsContextState.Done, context.State);
        }
        else
        {
            var lost = Assert.IsType<CartesiaConnectionLostException>(ended);
            Assert.Equal(audio.Sum(a => a.Length), lost.AudioBytesReceived);
            Assert.Equal(TtsContextState.Failed, context.State);
        }
    }
}
