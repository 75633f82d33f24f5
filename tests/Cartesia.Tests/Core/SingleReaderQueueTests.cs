using Cartesia.Core;

namespace Cartesia.Tests.Core;

public class SingleReaderQueueTests
{
    [Fact]
    public async Task Items_are_read_in_the_order_written_and_a_completed_queue_is_drained_before_the_wait_answers_false()
    {
        var queue = new SingleReaderQueue<int>(inlineContinuations: false);
        Assert.True(queue.TryWrite(1));
        Assert.True(queue.TryWrite(2));
        Assert.True(queue.TryComplete());
        Assert.False(queue.TryWrite(3));
        Assert.False(queue.TryComplete());

        var read = new List<int>();
        while (await queue.WaitToReadAsync(CancellationToken.None))
        {
            while (queue.TryRead(out int item))
            {
                read.Add(item);
            }
        }

        Assert.Equal([1, 2], read);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_waiting_reader_wakes_for_a_write_and_for_the_completion(bool inline)
    {
        var queue = new SingleReaderQueue<string>(inline);
        ValueTask<bool> waiting = queue.WaitToReadAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        queue.TryWrite("a");
        Assert.True(await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(queue.TryRead(out string? item));
        Assert.Equal("a", item);

        ValueTask<bool> again = queue.WaitToReadAsync(CancellationToken.None);
        Assert.False(again.IsCompleted);
        queue.TryComplete();
        Assert.False(await again.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task An_inline_reader_runs_on_the_writers_thread_and_a_pooled_one_does_not()
    {
        foreach (bool inline in new[] { true, false })
        {
            var queue = new SingleReaderQueue<int>(inline);
            ValueTask<bool> waiting = queue.WaitToReadAsync(CancellationToken.None);
            Assert.False(waiting.IsCompleted); // the wait is armed: the write below answers it
            Task<int> continued = ThreadAfterAsync(waiting); // its continuation is registered before the write

            int writer = await Task.Factory.StartNew(
                () =>
                {
                    queue.TryWrite(1);
                    return Environment.CurrentManagedThreadId;
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            Assert.Equal(inline, await continued.WaitAsync(TimeSpan.FromSeconds(10)) == writer);
        }

        static async Task<int> ThreadAfterAsync(ValueTask<bool> wait)
        {
            await wait.ConfigureAwait(false);
            return Environment.CurrentManagedThreadId;
        }
    }

    [Fact]
    public async Task A_cancelled_wait_throws_takes_nothing_and_the_next_wait_still_sees_the_items()
    {
        var queue = new SingleReaderQueue<int>(inlineContinuations: false);
        using var cts = new CancellationTokenSource();
        ValueTask<bool> waiting = queue.WaitToReadAsync(cts.Token);
        Assert.False(waiting.IsCompleted);
        cts.Cancel();
        OperationCanceledException cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.AsTask());
        Assert.Equal(cts.Token, cancelled.CancellationToken);

        queue.TryWrite(7);
        Assert.True(await queue.WaitToReadAsync(CancellationToken.None));
        Assert.True(queue.TryRead(out int item));
        Assert.Equal(7, item);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.WaitToReadAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task A_write_racing_a_cancellation_answers_the_wait_exactly_once_and_loses_no_item()
    {
        var queue = new SingleReaderQueue<int>(inlineContinuations: false);
        int read = 0;
        for (int i = 0; i < 2000; i++)
        {
            using var cts = new CancellationTokenSource();
            ValueTask<bool> waiting = queue.WaitToReadAsync(cts.Token);
            Task write = Task.Run(() => queue.TryWrite(i));
            Task cancel = Task.Run(cts.Cancel);
            try
            {
                Assert.True(await waiting);
            }
            catch (OperationCanceledException)
            {
                // The cancellation won; the item waits for the next read.
            }

            await Task.WhenAll(write, cancel);
            while (queue.TryRead(out int item))
            {
                Assert.Equal(read, item);
                read++;
            }
        }

        Assert.Equal(2000, read);
    }
}
