using System.Net.WebSockets;
using System.Threading.Channels;

namespace Cartesia.Core.WebSockets;

/// <summary>
/// The one writer of a WebSocket: <see cref="ClientWebSocket"/> allows a single outstanding send, so every
/// message goes through this queue and is sent in the order it was queued, whichever thread queued it. A send
/// completes when its message is on the wire; after a failure every pending and later send fails the same way.
/// When nothing is queued or being sent, a message is sent at once on the caller's thread (no hop through the
/// write loop: that is most of a voice agent's sends, and it takes a thread switch off the time to first audio).
/// Whoever sends — the caller or the loop — holds <c>_sending</c>, and the loop takes messages off the queue only
/// while holding it, so the order of calls stays the order on the wire.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never creates its wait handle; it needs no disposal.")]
internal sealed class WebSocketSender
{
    private readonly WebSocket _socket;
    private readonly Channel<Outgoing> _queue = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private volatile bool _completed;
    private int _queued; // messages in the queue (the single-reader channel keeps no count)
    private Exception? _failure;

    public WebSocketSender(WebSocket socket)
    {
        _socket = socket;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the writer has stopped (after <see cref="Complete"/> or a failure).</summary>
    public Task Completion => _loop;

    /// <summary>Queues a message and waits until it is sent.</summary>
    /// <param name="payload">The message; it must stay unchanged until the returned task completes.</param>
    /// <param name="type">Text or binary.</param>
    /// <param name="cancellationToken">Stops waiting; a message not yet sent is then skipped.</param>
    public ValueTask SendAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        // Nothing queued or being sent: straight to the socket on this thread, with nothing to allocate when the
        // socket takes it at once (a streaming session's every frame).
        return TryClaimIdle() ? SendDirect(payload, type) : SendQueuedAsync(payload, type, cancellationToken);
    }

    private async ValueTask SendQueuedAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        Outgoing item = EnqueueItem(payload, type);
        if (item.Done.Task.IsCompleted)
        {
            await item.Done.Task.ConfigureAwait(false); // sent at once on this thread: nothing to cancel
            return;
        }

        using CancellationTokenRegistration registration = cancellationToken.Register(static s => ((Outgoing)s!).Cancel(), item);
        await item.Done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a message now (so the order of calls is the order on the wire) and returns a task that completes
    /// when it is sent.
    /// </summary>
    /// <param name="payload">The message; it must stay unchanged until the returned task completes.</param>
    /// <param name="type">Text or binary.</param>
    public Task Enqueue(ReadOnlyMemory<byte> payload, WebSocketMessageType type) => Reserve(payload, type).Start();

    /// <summary>
    /// Takes a message's place in the order now, without sending it yet: a caller that holds a lock of its own (to
    /// keep its state and its messages in step) reserves under it and calls <see cref="PendingSend.Start"/> right
    /// after releasing it, so the socket write — done on the caller's thread when nothing else is queued — never
    /// runs under that lock. Until it starts, later messages queue behind it.
    /// </summary>
    /// <param name="payload">The message; it must stay unchanged until the send completes.</param>
    /// <param name="type">Text or binary.</param>
    /// <exception cref="CartesiaWebSocketException">The socket can no longer send.</exception>
    public PendingSend Reserve(ReadOnlyMemory<byte> payload, WebSocketMessageType type)
    {
        var item = new Outgoing(payload, type);
        if (TryClaimIdle())
        {
            // This caller sends it, once it starts; whoever comes meanwhile queues behind it.
            item.TryStart();
            return new PendingSend(this, item, inline: true);
        }

        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _queued);
            throw _failure is { } failure ? Rethrowable(failure) : new CartesiaWebSocketException("The WebSocket is closed; nothing more can be sent on it.");
        }

        return new PendingSend(this, item, inline: false);
    }

    /// <summary>Takes <c>_sending</c> when nothing is queued or being sent and the socket can still send (the caller then sends and releases it).</summary>
    private bool TryClaimIdle()
    {
        if (_completed || _failure is not null || !_sending.Wait(0, CancellationToken.None))
        {
            return false;
        }

        if (Volatile.Read(ref _queued) == 0 && !_completed && _failure is null)
        {
            return true;
        }

        _sending.Release();
        return false;
    }

    private Outgoing EnqueueItem(ReadOnlyMemory<byte> payload, WebSocketMessageType type)
    {
        PendingSend pending = Reserve(payload, type);
        pending.Start();
        return pending.Item;
    }

    /// <summary>Whether <see cref="Complete"/> was called: a message refused now was refused for that, not for a failed send.</summary>
    public bool IsCompleted => _completed;

    /// <summary>Stops accepting messages; those queued are still sent.</summary>
    public void Complete()
    {
        _completed = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>Sends a queued message's payload on the caller's thread (the caller holds <c>_sending</c>; released when sent).</summary>
    private void SendInline(Outgoing item)
    {
        ValueTask send = SendDirect(item.Payload, item.Type);
        if (!send.IsCompleted)
        {
            _ = CompleteWhenSentAsync(send, item);
            return;
        }

        try
        {
            send.GetAwaiter().GetResult();
            item.Done.TrySetResult();
        }
        catch (CartesiaWebSocketException ex)
        {
            item.Done.TrySetException(ex);
        }
    }

    private static async Task CompleteWhenSentAsync(ValueTask send, Outgoing item)
    {
        try
        {
            await send.ConfigureAwait(false);
            item.Done.TrySetResult();
        }
        catch (CartesiaWebSocketException ex)
        {
            item.Done.TrySetException(ex);
        }
    }

    /// <summary>Sends on the caller's thread (the caller holds <c>_sending</c>; released when sent).</summary>
    private ValueTask SendDirect(ReadOnlyMemory<byte> payload, WebSocketMessageType type)
    {
        ValueTask send;
        try
        {
            send = _socket.SendAsync(payload, type, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex) when (IsSendFailure(ex))
        {
            FailDirect(ex);
            return ValueTask.FromException(Rethrowable(ex));
        }

        if (send.IsCompletedSuccessfully)
        {
            send.GetAwaiter().GetResult();
            _sending.Release();
            return default;
        }

        return FinishDirectAsync(send);
    }

    private async ValueTask FinishDirectAsync(ValueTask send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsSendFailure(ex))
        {
            FailDirect(ex);
            throw Rethrowable(ex);
        }

        _sending.Release();
    }

    private void FailDirect(Exception ex)
    {
        MarkFailed(ex);
        _sending.Release();
    }

    private void Fail(Outgoing item, Exception ex)
    {
        MarkFailed(ex);
        item.Done.TrySetException(Rethrowable(ex));
    }

    /// <summary>After a failed send: every pending and later send fails the same way.</summary>
    private void MarkFailed(Exception ex)
    {
        _failure = ex;
        _queue.Writer.TryComplete();
    }

    private static bool IsSendFailure(Exception ex) => ex is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException or OperationCanceledException;

    private async Task WriteLoopAsync()
    {
        ChannelReader<Outgoing> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _sending.WaitAsync().ConfigureAwait(false);
            try
            {
                while (reader.TryRead(out Outgoing? item))
                {
                    Interlocked.Decrement(ref _queued);
                    if (_failure is not null)
                    {
                        item.Done.TrySetException(Rethrowable(_failure));
                        continue;
                    }

                    if (!item.TryStart())
                    {
                        continue;
                    }

                    try
                    {
                        await _socket.SendAsync(item.Payload, item.Type, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                        item.Done.TrySetResult();
                    }
                    catch (Exception ex) when (IsSendFailure(ex))
                    {
                        Fail(item, ex);
                    }
                }
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    private static CartesiaWebSocketException Rethrowable(Exception failure)
        => new CartesiaWebSocketException($"The WebSocket could not send: {failure.Message}", failure);

    /// <summary>A message whose place in the order is taken (<see cref="Reserve"/>); <see cref="Start"/> it once, outside the caller's lock.</summary>
    internal readonly struct PendingSend
    {
        private readonly WebSocketSender? _sender;
        private readonly bool _inline;

        internal PendingSend(WebSocketSender sender, Outgoing item, bool inline)
        {
            _sender = sender;
            Item = item;
            _inline = inline;
        }

        internal Outgoing Item { get; }

        /// <summary>Sends it now when it is this caller's to send (otherwise the write loop does); completes when it is on the wire.</summary>
        public Task Start()
        {
            if (_inline)
            {
                _sender!.SendInline(Item);
            }

            return Item.Done.Task;
        }
    }

    internal sealed class Outgoing(ReadOnlyMemory<byte> payload, WebSocketMessageType type)
    {
        private int _state; // 0 queued, 1 sending, 2 cancelled

        public ReadOnlyMemory<byte> Payload { get; } = payload;

        public WebSocketMessageType Type { get; } = type;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryStart() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                Done.TrySetCanceled();
            }
        }
    }
}
