using Cartesia.Core.WebSockets;

namespace Cartesia.Stt;

/// <summary>
/// The sending of a session: takes the first message of the <see cref="SttSendQueue"/> and writes it through the
/// current connection's <see cref="WebSocketSender"/>, then reports it sent. One sender at a time: the pump's loop,
/// or — when a push finds the pump waiting for work — the pushing task itself (<see cref="SendHereAsync"/>), which
/// hands a write to the pump only when its own wait is cancelled. When a write fails the message stays first and the
/// connection is cut, so the receive loop sees the loss and reconnects (or ends the session); the pump then waits for
/// the new connection. It remembers the write in flight, so a reconnect can let it settle before the queue moves.
/// Runs until the session stops, ends or is disposed.
/// </summary>
internal sealed class SttPump
{
    private readonly SttSessionState _state;
    private readonly SttSendQueue _queue;
    private readonly TaskCompletionSource _closeSent;
    private Task? _sending; // guarded by the gate
    private (SttOutgoing Item, SttConnection Connection, Task Send)? _handedOver; // a pusher's write the socket did not take at once; guarded by the gate

    public SttPump(SttSessionState state, SttSendQueue queue, TaskCompletionSource closeSent)
    {
        _state = state;
        _queue = queue;
        _closeSent = closeSent;
    }

    /// <summary>The write in flight, if any.</summary>
    public Task? SendingLocked => _sending;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The message last written, reported sent under the same lock that takes the next one: one lock per message
        // (two when the socket does not take it at once), not four.
        SttOutgoing? written = null;
        SttConnection? writtenOn = null;
        try
        {
            while (true)
            {
                SttOutgoing? item;
                SttConnection connection;
                Task wake;
                Task? adopted = null;
                lock (_state.Gate)
                {
                    if (written is not null)
                    {
                        WrittenLocked(written, writtenOn!);
                        written = null;
                    }

                    if (_state.StoppingLocked || _state.Finished)
                    {
                        return;
                    }

                    if (_handedOver is { } handedOver)
                    {
                        // A pusher's write that the socket did not take at once: the pump sees it through.
                        _handedOver = null;
                        _queue.PumpBusyLocked();
                        (item, connection, adopted) = handedOver;
                        wake = Task.CompletedTask;
                    }
                    else
                    {
                        connection = _state.Connection;
                        item = _queue.FirstLocked(out wake);
                        if (connection.Broken)
                        {
                            item = null;
                        }
                    }
                }

                if (item is null)
                {
                    await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                ValueTask write = adopted is not null ? new ValueTask(adopted) : Write(item, connection, cancellationToken);
                if (await SeeThroughAsync(write, connection, cancellationToken).ConfigureAwait(false))
                {
                    written = item;
                    writtenOn = connection;
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    /// <summary>
    /// Sends what is queued on the caller's thread, in the pump's place, starting with <paramref name="first"/> (the
    /// caller's push found the pump waiting for work and claimed the sending; see <see cref="SttSendQueue.TryPushAudio"/>),
    /// until the queue is empty — the one flow a bare socket has, with no hand-off per message, and with no await while
    /// the socket takes each write at once. The pump meanwhile takes nothing. When <paramref name="cancellationToken"/>
    /// ends the wait for a write, the write in flight is handed to the pump and the push (already applied whole) returns
    /// normally; when the connection breaks, the message stays first for the reconnect, as with the pump.
    /// </summary>
    public ValueTask SendHereAsync(SttOutgoing first, SttConnection connection, CancellationToken cancellationToken)
    {
        SttOutgoing item = first;
        while (true)
        {
            ValueTask write = Write(item, connection, CancellationToken.None);
            if (!write.IsCompletedSuccessfully)
            {
                return SendHereWaitingAsync(write, item, connection, cancellationToken);
            }

            write.GetAwaiter().GetResult();
            lock (_state.Gate)
            {
                if (!NextForPusherLocked(ref item, ref connection))
                {
                    return default;
                }
            }
        }
    }

    /// <summary><see cref="SendHereAsync"/> from a write the socket did not take at once.</summary>
    private async ValueTask SendHereWaitingAsync(ValueTask write, SttOutgoing item, SttConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            bool sent;
            try
            {
                sent = await SeeThroughAsync(write, connection, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                lock (_state.Gate)
                {
                    _handedOver = (item, connection, _sending!);
                    _queue.PumpBusyLocked(); // no push sends in the pump's place again before the pump has seen this one through
                    _queue.PusherDoneLocked(); // the item is still queued (it leaves once sent): the pump is woken for it
                }

                return;
            }

            lock (_state.Gate)
            {
                if (!sent)
                {
                    _queue.PusherDoneLocked();
                    return;
                }

                if (!NextForPusherLocked(ref item, ref connection))
                {
                    return;
                }
            }

            write = Write(item, connection, CancellationToken.None);
        }
    }

    /// <summary>
    /// A pusher's message is on the wire: it leaves the queue, and the pusher gets the next one to send, or — when the
    /// queue is empty or the session or connection ends — stops sending in the pump's place (false).
    /// </summary>
    private bool NextForPusherLocked(ref SttOutgoing item, ref SttConnection connection)
    {
        WrittenLocked(item, connection);
        connection = _state.Connection;
        SttOutgoing? next = _state.StoppingLocked || _state.Finished || connection.Broken ? null : _queue.FirstForPusherLocked();
        if (next is null)
        {
            _queue.PusherDoneLocked();
            return false;
        }

        item = next;
        return true;
    }

    /// <summary>Starts writing a message through the connection's sender; a sender that can no longer send fails the write.</summary>
    private static ValueTask Write(SttOutgoing item, SttConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return connection.Sender.SendAsync(item.Payload, item.MessageType, cancellationToken);
        }
        catch (Exception ex) when (ex is CartesiaWebSocketException or ObjectDisposedException)
        {
            return ValueTask.FromException(ex);
        }
    }

    /// <summary>
    /// Waits for a write, remembered as the write in flight while the socket has not taken it. Returns whether it was
    /// sent; false when the connection broke under it: the message stays first and the connection is cut, so the
    /// receive loop takes over. A cancelled wait throws, the write still in flight.
    /// </summary>
    private async ValueTask<bool> SeeThroughAsync(ValueTask write, SttConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            if (write.IsCompletedSuccessfully)
            {
                write.GetAwaiter().GetResult(); // the socket took it at once: there is no write in flight to remember
                return true;
            }

            Task send = write.AsTask();
            lock (_state.Gate)
            {
                _sending = send;
            }

            await send.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is CartesiaWebSocketException or ObjectDisposedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            lock (_state.Gate)
            {
                _sending = null;
            }

            connection.Break();
            return false;
        }
    }

    /// <summary>A message is on the wire: it is no longer the write in flight, and it leaves the queue.</summary>
    private void WrittenLocked(SttOutgoing item, SttConnection connection)
    {
        _sending = null;
        if (_state.Finished)
        {
            // The session ended while this was being written: it released the queue (this item with it) and
            // completed every waiter.
            return;
        }

        bool current = connection == _state.Connection;
        _queue.SentLocked(item, current);
        if (current && item.Kind == SttOutgoingKind.Close)
        {
            _closeSent.TrySetResult();
        }
    }
}
