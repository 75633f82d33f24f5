using Cartesia.Audio;

namespace Cartesia.Tests.Audio;

public class AudioPlaybackBufferTests
{
    private static byte[] Bytes(int start, int count) => Enumerable.Range(start, count).Select(i => (byte)i).ToArray();

    [Fact]
    public void Audio_comes_out_in_order_across_the_ring_boundary_and_the_counters_add_up()
    {
        var buffer = new AudioPlaybackBuffer(10);
        var heard = new List<byte>();
        var chunk = new byte[4];
        int next = 0;
        for (int round = 0; round < 20; round++)
        {
            buffer.Write(Bytes(next, 3));
            next += 3;
            int read = buffer.Read(chunk);
            heard.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        int rest;
        while ((rest = buffer.Read(chunk)) > 0)
        {
            heard.AddRange(chunk.AsSpan(0, rest).ToArray());
        }

        Assert.Equal(Bytes(0, 60), heard);
        Assert.Equal(60, buffer.BytesWritten);
        Assert.Equal(60, buffer.BytesPlayed);
        Assert.Equal(0, buffer.BufferedBytes);
        Assert.Equal(0, buffer.Read(chunk));
    }

    [Fact]
    public void A_write_that_does_not_fit_throws_naming_the_capacity_and_writes_nothing()
    {
        var buffer = new AudioPlaybackBuffer(8);
        buffer.Write(Bytes(0, 6));

        var ex = Assert.Throws<CartesiaBufferOverflowException>(() => buffer.Write(Bytes(6, 3)));

        Assert.Contains("capacity of 8 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(8, ex.LimitBytes);
        Assert.Equal(6, buffer.BufferedBytes);
        Assert.Equal(6, buffer.BytesWritten);
    }

    [Fact]
    public void Drop_oldest_keeps_the_newest_audio_and_counts_what_it_dropped()
    {
        var buffer = new AudioPlaybackBuffer(8, AudioPlaybackOverflow.DropOldest);
        buffer.Write(Bytes(0, 6));
        buffer.Write(Bytes(6, 4));

        var all = new byte[8];
        int read = buffer.Read(all);

        Assert.Equal(Bytes(2, 8), all.AsSpan(0, read).ToArray());
        Assert.Equal(2, buffer.BytesDropped);

        // A piece larger than the whole buffer: only its newest capacity's worth stays.
        buffer.Write(Bytes(100, 20));
        read = buffer.Read(all);
        Assert.Equal(Bytes(112, 8), all.AsSpan(0, read).ToArray());
        Assert.Equal(14, buffer.BytesDropped);
        Assert.Equal(30, buffer.BytesWritten);
    }

    [Fact]
    public void Clear_drops_everything_queued_and_returns_how_much_while_what_was_played_stays_counted()
    {
        var buffer = new AudioPlaybackBuffer(100);
        buffer.Write(Bytes(0, 50));
        buffer.Read(new byte[20]);

        long dropped = buffer.Clear();

        Assert.Equal(30, dropped);
        Assert.Equal(0, buffer.BufferedBytes);
        Assert.Equal(20, buffer.BytesPlayed);
        Assert.Equal(30, buffer.BytesDropped);
        Assert.Equal(0, buffer.Read(new byte[10]));

        // Audio after the barge-in plays from the start of what came next.
        buffer.Write(Bytes(200, 4));
        var after = new byte[10];
        Assert.Equal(4, buffer.Read(after));
        Assert.Equal(Bytes(200, 4), after.AsSpan(0, 4).ToArray());
    }

    [Fact]
    public void Reads_return_whole_samples_and_the_last_partial_one_only_after_complete()
    {
        var buffer = new AudioPlaybackBuffer(64, blockAlign: 2);
        buffer.Write(Bytes(0, 5));

        var odd = new byte[3];
        Assert.Equal(2, buffer.Read(odd));
        Assert.Equal(2, buffer.Read(new byte[10]));
        Assert.Equal(0, buffer.Read(new byte[10])); // half a sample waits for its other half
        buffer.Write(Bytes(5, 1));
        Assert.Equal(2, buffer.Read(new byte[10]));

        buffer.Write(Bytes(6, 1));
        buffer.Complete();
        Assert.Equal(1, buffer.Read(new byte[10]));
        Assert.Throws<InvalidOperationException>(() => buffer.Write(Bytes(0, 2)));
    }

    [Fact]
    public void Capacity_from_a_duration_is_the_bytes_of_that_much_audio_in_whole_samples()
    {
        var buffer = new AudioPlaybackBuffer(TimeSpan.FromMilliseconds(500), bytesPerSecond: 32_000, blockAlign: 2);

        Assert.Equal(16_000, buffer.CapacityBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioPlaybackBuffer(7, blockAlign: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioPlaybackBuffer(TimeSpan.Zero, 8000));
    }

    [Fact]
    public async Task ReadAsync_waits_for_audio_and_returns_zero_once_completed_and_drained()
    {
        var buffer = new AudioPlaybackBuffer(100);
        var destination = new byte[10];

        ValueTask<int> pending = buffer.ReadAsync(destination);
        Assert.False(pending.IsCompleted);
        buffer.Write(Bytes(1, 3));
        Assert.Equal(3, await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        ValueTask<int> last = buffer.ReadAsync(destination);
        Assert.False(last.IsCompleted);
        buffer.Complete();
        Assert.Equal(0, await last.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ReadAsync_is_cancellable()
    {
        var buffer = new AudioPlaybackBuffer(100);
        using var cts = new CancellationTokenSource();

        ValueTask<int> pending = buffer.ReadAsync(new byte[10], cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.AsTask());
    }

    [Fact]
    public async Task WriteAsync_waits_for_room_and_a_clear_makes_room()
    {
        var buffer = new AudioPlaybackBuffer(8);
        await buffer.WriteAsync(Bytes(0, 8));

        ValueTask waiting = buffer.WriteAsync(Bytes(8, 6));
        Assert.False(waiting.IsCompleted);
        buffer.Read(new byte[4]); // room for 4 of the 6
        Assert.True(SpinWait.SpinUntil(() => buffer.BytesWritten == 12, TimeSpan.FromSeconds(10)));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(8, buffer.BufferedBytes);

        Assert.Equal(8, buffer.Clear());
        await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var rest = new byte[8];
        Assert.Equal(2, buffer.Read(rest));
        Assert.Equal(Bytes(12, 2), rest.AsSpan(0, 2).ToArray());
        Assert.Equal(14, buffer.BytesWritten);
    }

    [Fact]
    public async Task Concurrent_writers_and_a_reader_lose_nothing()
    {
        var buffer = new AudioPlaybackBuffer(256);
        const int Writers = 4;
        const int PerWriter = 5_000;

        Task[] writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < PerWriter; i++)
            {
                await buffer.WriteAsync(new byte[] { (byte)w });
            }
        })).ToArray();

        var counts = new int[Writers];
        Task reader = Task.Run(async () =>
        {
            var destination = new byte[37];
            int total = 0;
            while (total < Writers * PerWriter)
            {
                int read = await buffer.ReadAsync(destination);
                for (int i = 0; i < read; i++)
                {
                    counts[destination[i]]++;
                }

                total += read;
            }
        });

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        await reader.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(counts, c => Assert.Equal(PerWriter, c));
        Assert.Equal(Writers * PerWriter, buffer.BytesPlayed);
    }
}
