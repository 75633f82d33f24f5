using System.Net;
using System.Net.Sockets;
using Cartesia.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Core.Http;

public class WriteGatheringStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_write_that_does_not_follow_closely_goes_straight_to_the_connection_before_it_returns()
    {
        var time = new FakeTimeProvider();
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: time);

        await stream.WriteAsync(new byte[] { 1, 2, 3 });
        time.Advance(TimeSpan.FromMilliseconds(20)); // a message at a conversation's pace
        await stream.WriteAsync(new byte[] { 4, 5 });

        Assert.Equal([[1, 2, 3], [4, 5]], inner.Writes); // each its own write, done when WriteAsync returned
        Assert.Equal(0, stream.GatheredWrites);
    }

    [Fact]
    public async Task A_write_that_answers_a_read_goes_straight_through_however_soon_it_follows()
    {
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: new FakeTimeProvider()); // the clock stands still

        await stream.WriteAsync(new byte[] { 1 });
        Assert.Equal(0, await stream.ReadAsync(new byte[16])); // what the service said (the end, here)
        await stream.WriteAsync(new byte[] { 2 });
        Assert.Equal(0, stream.Read(new byte[4], 0, 4));
        await stream.WriteAsync(new byte[] { 3 });

        Assert.Equal([[1], [2], [3]], inner.Writes); // each written before WriteAsync returned
        Assert.Equal(0, stream.GatheredWrites);
    }

    [Fact]
    public async Task Writes_in_quick_succession_go_out_together_while_one_is_in_flight()
    {
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: new FakeTimeProvider()); // the clock stands still: every write follows closely
        byte[][] pieces = [.. Enumerable.Range(0, 50).Select(i => Enumerable.Repeat((byte)i, 100 + i).ToArray())];

        await stream.WriteAsync(pieces[0]); // the first goes straight through
        inner.Hold();
        await stream.WriteAsync(pieces[1]).AsTask().WaitAsync(Patience); // queued; the sender's write of it is held
        await inner.Entered.WaitAsync(Patience);
        foreach (byte[] piece in pieces[2..])
        {
            await stream.WriteAsync(piece); // queued behind it, each returning at once
        }

        inner.Release();
        await stream.FlushAsync().WaitAsync(Patience);

        Assert.Equal(3, inner.Writes.Count); // the first, the held block, and the other 48 in one
        Assert.Equal(pieces[1], inner.Writes[1]);
        Assert.Equal(pieces.SelectMany(p => p), inner.Writes.SelectMany(w => w));
        Assert.Equal(2, stream.GatheredWrites);
    }

    [Fact]
    public async Task A_full_queue_makes_the_writer_wait_for_room()
    {
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: new FakeTimeProvider());
        await stream.WriteAsync(new byte[1]);
        inner.Hold();
        await stream.WriteAsync(new byte[1]).AsTask().WaitAsync(Patience); // queued; the sender's write of it is held
        await inner.Entered.WaitAsync(Patience);

        await stream.WriteAsync(new byte[WriteGatheringStream.QueueCapacity - 10]);
        Task waiting = stream.WriteAsync(new byte[11]).AsTask(); // one byte more than the queue holds

        Assert.False(waiting.IsCompleted);
        inner.Release();
        await waiting.WaitAsync(Patience);
        await stream.FlushAsync().WaitAsync(Patience);
        Assert.Equal(1 + 1 + WriteGatheringStream.QueueCapacity - 10 + 11, inner.Writes.Sum(w => w.Length));
    }

    [Fact]
    public async Task A_write_larger_than_the_queue_goes_straight_through_once_the_queue_is_written()
    {
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: new FakeTimeProvider());
        byte[] large = [.. Enumerable.Range(0, WriteGatheringStream.QueueCapacity * 2).Select(i => (byte)i)];
        await stream.WriteAsync(new byte[] { 7 });
        await stream.WriteAsync(new byte[] { 8 });
        await stream.WriteAsync(large).AsTask().WaitAsync(Patience);
        await stream.FlushAsync().WaitAsync(Patience);

        Assert.Equal(large, inner.Writes[^1]);
        Assert.Equal(new byte[] { 7, 8 }.Concat(large), inner.Writes.SelectMany(w => w));
    }

    [Fact]
    public async Task A_failed_queued_write_closes_the_connection_and_the_next_write_and_flush_throw_it()
    {
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: new FakeTimeProvider());
        await stream.WriteAsync(new byte[1]);
        inner.FailWith(new IOException("Connection reset by peer"));

        await stream.WriteAsync(new byte[1]); // queued: it returns before the failure
        await inner.Failed.WaitAsync(Patience);
        await inner.Disposed.WaitAsync(Patience); // pending reads end with the connection

        IOException write = await Assert.ThrowsAsync<IOException>(async () => await stream.WriteAsync(new byte[1]));
        Assert.Contains("Connection reset by peer", write.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(write.InnerException);
        await Assert.ThrowsAsync<IOException>(() => stream.FlushAsync());
    }

    [Fact]
    public async Task A_synchronous_write_waits_for_queued_writes_and_keeps_their_order()
    {
        var inner = new GatedStream();
        using var stream = new WriteGatheringStream(inner, time: new FakeTimeProvider());
        await stream.WriteAsync(new byte[] { 1 });
        await stream.WriteAsync(new byte[] { 2 }); // queued

        stream.Write([3]);

        Assert.Equal(new byte[] { 1, 2, 3 }, inner.Writes.SelectMany(w => w));
    }

    [Fact]
    public async Task Gathered_writes_over_a_real_socket_arrive_whole_and_in_order()
    {
        using var pair = await SocketPair.ConnectAsync();
        using var stream = new WriteGatheringStream(pair.ClientStream, pair.Client, new FakeTimeProvider());
        var random = new Random(21);
        byte[] sent = new byte[4 * 1024 * 1024];
        random.NextBytes(sent);
        Task<byte[]> received = pair.ReadServerToEndAsync();

        for (int offset = 0; offset < sent.Length;)
        {
            int n = Math.Min(random.Next(1, 9000), sent.Length - offset);
            await stream.WriteAsync(sent.AsMemory(offset, n));
            offset += n;
        }

        await stream.FlushAsync();
        pair.Client.Shutdown(SocketShutdown.Send);
        Assert.Equal(sent, await received.WaitAsync(Patience));
        Assert.True(stream.GatheredWrites > 0);
    }

    [Fact]
    public async Task Disposing_ends_reads_at_once_and_still_sends_what_was_queued()
    {
        using var pair = await SocketPair.ConnectAsync();
        var stream = new WriteGatheringStream(pair.ClientStream, pair.Client, new FakeTimeProvider());
        Task<int> read = stream.ReadAsync(new byte[16]).AsTask();
        (long written, Task waiting) = await WriteUntilTheSenderWaitsAsync(stream); // the server reads nothing yet

        stream.Dispose();

        Assert.Equal(0, await read.WaitAsync(Patience)); // the read ended: the end of the stream
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await stream.WriteAsync(new byte[1]));
        byte[] received = await pair.ReadServerToEndAsync().WaitAsync(Patience); // the queue drains, then the socket closes
        Assert.Equal(written + await BytesOfAsync(waiting), received.Length);
    }

    [Fact]
    public async Task A_peer_that_stops_reading_holds_a_disposed_connection_open_only_until_the_drain_limit()
    {
        var time = new FakeTimeProvider();
        using var pair = await SocketPair.ConnectAsync();
        var stream = new WriteGatheringStream(pair.ClientStream, pair.Client, time);
        (long written, Task waiting) = await WriteUntilTheSenderWaitsAsync(stream);
        stream.Dispose();
        written += await BytesOfAsync(waiting);

        time.Advance(WriteGatheringStream.DrainLimit);

        byte[] received = await pair.ReadServerToEndAsync().WaitAsync(Patience); // the socket closed without the queue
        Assert.True(received.Length < written, $"received {received.Length} of {written}");
    }

    [Fact]
    public async Task Disposing_with_nothing_queued_closes_the_connection_at_once()
    {
        using var pair = await SocketPair.ConnectAsync();
        var stream = new WriteGatheringStream(pair.ClientStream, pair.Client, new FakeTimeProvider());
        await stream.WriteAsync(new byte[] { 1, 2, 3 });

        stream.Dispose();

        Assert.Equal(new byte[] { 1, 2, 3 }, await pair.ReadServerToEndAsync().WaitAsync(Patience));
    }

    /// <summary>
    /// Writes until the kernel's buffers are full, the sender waits on the socket and the queue behind it is full;
    /// returns the bytes whose writes completed and the write left waiting for room.
    /// </summary>
    private static async Task<(long Written, Task Waiting)> WriteUntilTheSenderWaitsAsync(WriteGatheringStream stream)
    {
        byte[] piece = new byte[16 * 1024];
        long written = 0;
        while (true)
        {
            Task write = stream.WriteAsync(piece).AsTask();
            if (await Task.WhenAny(write, Task.Delay(200)) != write)
            {
                return (written, write); // the queue is full behind a write the socket does not take
            }

            await write;
            written += piece.Length;
        }
    }

    /// <summary>What a write left waiting at disposal added: nothing if disposal failed it.</summary>
    private static async Task<long> BytesOfAsync(Task waiting)
    {
        try
        {
            await waiting.WaitAsync(Patience);
            return 16 * 1024;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    /// <summary>An in-memory connection that records each write and can hold or fail the next one.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource? _gate;
        private TaskCompletionSource? _held;
        private Exception? _failure;
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<byte[]> Writes { get; } = [];

        public Task Entered => _entered.Task;

        public Task Failed => _failed.Task;

        public Task Disposed => _disposed.Task;

        public void Hold() => _gate = _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _held?.TrySetResult();

        public void FailWith(Exception failure) => _failure = failure;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_failure is not null)
            {
                _failed.TrySetResult();
                throw _failure;
            }

            Task? gate = _gate?.Task;
            _gate = null;
            if (gate is not null)
            {
                _entered.TrySetResult();
                await gate.ConfigureAwait(false);
            }

            lock (_lock)
            {
                Writes.Add(buffer.ToArray());
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_lock)
            {
                Writes.Add(buffer.ToArray());
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _disposed.TrySetResult();
            base.Dispose(disposing);
        }
    }

    /// <summary>Two ends of a loopback TCP connection, with small buffers so a peer that does not read is felt soon.</summary>
    private sealed class SocketPair : IDisposable
    {
        private SocketPair(Socket client, Socket server)
        {
            Client = client;
            Server = server;
            ClientStream = new NetworkStream(client, ownsSocket: true);
        }

        public Socket Client { get; }

        public Socket Server { get; }

        public NetworkStream ClientStream { get; }

        public static async Task<SocketPair> ConnectAsync()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendBufferSize = 32 * 1024 };
            await client.ConnectAsync(listener.LocalEndPoint!);
            Socket server = await listener.AcceptAsync();
            server.ReceiveBufferSize = 32 * 1024;
            return new SocketPair(client, server);
        }

        public async Task<byte[]> ReadServerToEndAsync()
        {
            var all = new MemoryStream();
            byte[] buffer = new byte[64 * 1024];
            try
            {
                int n;
                while ((n = await Server.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                {
                    all.Write(buffer, 0, n);
                }
            }
            catch (SocketException)
            {
                // a reset ends the stream as well
            }

            return all.ToArray();
        }

        public void Dispose()
        {
            ClientStream.Dispose();
            Server.Dispose();
        }
    }
}
