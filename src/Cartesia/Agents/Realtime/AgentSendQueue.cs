using System.Net.WebSockets;
using Cartesia.Core;
using Cartesia.Core.Audio;
using Cartesia.Core.WebSockets;

namespace Cartesia.Agents;

/// <summary>
/// The send side of a call. Audio pushed from any thread, in any sizes, is cut into frames of whole samples and each
/// frame is written as one audio message (base64 inside JSON) straight into a pooled array; the other messages (DTMF,
/// tool results, <c>custom</c>) take the frame remainder out first, so nothing overtakes audio pushed before it. One
/// push at a time holds the push lock (so a push's frames stay together and in order); the messages go to the
/// connection's one writer (<see cref="WebSocketSender"/>, which sends on the caller's thread when the socket is idle).
/// The queue is bounded in bytes of messages not yet on the wire: a push waits for room (all of it, or, cancelled while
/// waiting, none of it), and room is signalled when the backlog is down to half. It also counts what went out.
/// <para>
/// Lock discipline: <c>_pushLock</c> (a semaphore, async) is held by the one push or command in progress and owns the
/// frame being filled; <c>_gate</c> guards the counters, the failure and the room signal; nothing awaits under
/// <c>_gate</c>.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never creates its wait handle; it needs no disposal.")]
internal sealed class AgentSendQueue
{
    private readonly WebSocketSender _sender;
    private readonly AgentProtocol _protocol;
    private readonly int _frameBytes;
    private readonly int _blockAlign;
    private readonly long _maxQueuedBytes;
    private readonly TimeProvider _time;
    private readonly Action<Exception> _onSendFailure;

    private readonly SemaphoreSlim _pushLock = new(1, 1);
    private readonly byte[] _frame;
    private int _frameFill;

    private readonly object _gate = new();
    private readonly LockedSignal _room = new();
    private long _queuedBytes;
    private long _audioBytesSent;
    private long _messagesSent;
    private long _lastAudioQueued;
    private Task _lastSend = Task.CompletedTask;
    private Exception? _closedReason;

    public AgentSendQueue(WebSocketSender sender, AgentProtocol protocol, int frameBytes, int blockAlign, long maxQueuedBytes, TimeProvider time, Action<Exception> onSendFailure)
    {
        _sender = sender;
        _protocol = protocol;
        _frameBytes = frameBytes;
        _blockAlign = blockAlign;
        _maxQueuedBytes = maxQueuedBytes;
        _time = time;
        _onSendFailure = onSendFailure;
        _frame = new byte[frameBytes];
        _lastAudioQueued = time.GetTimestamp();
    }

    /// <summary>Bytes of audio on the wire.</summary>
    public long AudioBytesSent
    {
        get
        {
            lock (_gate)
            {
                return _audioBytesSent;
            }
        }
    }

    /// <summary>Messages on the wire.</summary>
    public long MessagesSent
    {
        get
        {
            lock (_gate)
            {
                return _messagesSent;
            }
        }
    }

    /// <summary>How long since audio was last queued.</summary>
    public TimeSpan SinceLastAudio
    {
        get
        {
            lock (_gate)
            {
                return _time.GetElapsedTime(_lastAudioQueued);
            }
        }
    }

    /// <summary>Counts a message that went out before the queue existed (the opening one).</summary>
    public void CountSent()
    {
        lock (_gate)
        {
            _messagesSent++;
        }
    }

    /// <summary>Re-frames and queues audio; all of it or (when cancelled while waiting for room) none of it.</summary>
    public async ValueTask PushAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            int frames = (_frameFill + audio.Length) / _frameBytes;
            await WaitForRoomAsync(EncodedLength(frames * (long)_frameBytes), cancellationToken).ConfigureAwait(false);

            // From here on nothing waits: the push is applied whole.
            ReadOnlySpan<byte> span = audio.Span;
            if (_frameFill > 0)
            {
                int take = Math.Min(_frameBytes - _frameFill, span.Length);
                span[..take].CopyTo(_frame.AsSpan(_frameFill));
                _frameFill += take;
                span = span[take..];
                if (_frameFill == _frameBytes)
                {
                    SendAudio(_frame);
                    _frameFill = 0;
                }
            }

            while (span.Length >= _frameBytes)
            {
                SendAudio(span[.._frameBytes]);
                span = span[_frameBytes..];
            }

            if (!span.IsEmpty)
            {
                span.CopyTo(_frame.AsSpan(_frameFill));
                _frameFill += span.Length;
            }

            lock (_gate)
            {
                _lastAudioQueued = _time.GetTimestamp();
            }
        }
        finally
        {
            _pushLock.Release();
        }
    }

    /// <summary>Queues a message after the audio pushed before it (the frame remainder goes first, whole samples only).</summary>
    public async ValueTask PushMessageAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            await WaitForRoomAsync(EncodedLength(_frameFill) + message.Length, cancellationToken).ConfigureAwait(false);
            FlushRemainder();
            Send(message, message.Length, audioBytes: 0, pooled: false);
        }
        finally
        {
            _pushLock.Release();
        }
    }

    /// <summary>
    /// Sends one frame of silence if nothing is being pushed or queued (the keep-alive of the managed socket); never waits.
    /// </summary>
    public bool TrySendSilence(byte silence)
    {
        if (!_pushLock.Wait(0))
        {
            return false;
        }

        try
        {
            lock (_gate)
            {
                if (_closedReason is not null || _queuedBytes > 0 || _frameFill > 0)
                {
                    return false;
                }

                _lastAudioQueued = _time.GetTimestamp();
            }

            byte[] silenceFrame = AudioBufferPool.Instance.Rent(_frameBytes);
            try
            {
                silenceFrame.AsSpan(0, _frameBytes).Fill(silence);
                SendAudio(silenceFrame.AsSpan(0, _frameBytes));
            }
            finally
            {
                AudioBufferPool.Instance.Return(silenceFrame);
            }

            return true;
        }
        catch (Exception ex) when (ex is CartesiaException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _pushLock.Release();
        }
    }

    /// <summary>
    /// Stops taking messages: the remainder (whole samples) goes out, and the returned task completes when everything
    /// queued is on the wire (or failed).
    /// </summary>
    public async Task DrainAsync(Exception closedReason, CancellationToken cancellationToken)
    {
        await _pushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task last;
        try
        {
            lock (_gate)
            {
                if (_closedReason is null)
                {
                    _closedReason = closedReason;
                }
                else
                {
                    return;
                }
            }

            try
            {
                FlushRemainder();
            }
            catch (CartesiaException)
            {
                // The writer failed; nothing more goes out.
            }

            _sender.Complete();
            lock (_gate)
            {
                last = _lastSend;
            }
        }
        finally
        {
            _pushLock.Release();
        }

        try
        {
            await last.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CartesiaException)
        {
            // Reported by the receive side as the loss it is.
        }
    }

    /// <summary>Stops taking messages at once (the call ended); pushers waiting for room wake and fail.</summary>
    public void Close(Exception reason)
    {
        lock (_gate)
        {
            _closedReason ??= reason;
            _room.Set();
        }

        _sender.Complete();
    }

    /// <summary>The last message queued: when it is on the wire, all are (the writer sends in order).</summary>
    public Task LastSend
    {
        get
        {
            lock (_gate)
            {
                return _lastSend;
            }
        }
    }

    private static int EncodedLength(long audioBytes) => audioBytes == 0 ? 0 : (int)Math.Min(int.MaxValue, ((audioBytes + 2) / 3 * 4) + 64);

    private void ThrowIfClosed()
    {
        lock (_gate)
        {
            if (_closedReason is { } reason)
            {
                throw reason is InvalidOperationException ? new InvalidOperationException(reason.Message) : Rethrowable(reason);
            }
        }
    }

    private static Exception Rethrowable(Exception reason) => reason switch
    {
        CartesiaAgentErrorException e => new CartesiaAgentErrorException(e.Message, e) { ErrorCode = e.ErrorCode, ErrorMessage = e.ErrorMessage, CloseStatus = e.CloseStatus, CloseDescription = e.CloseDescription, AudioBytesSent = e.AudioBytesSent, EventsReceived = e.EventsReceived },
        CartesiaAgentConnectionLostException e => new CartesiaAgentConnectionLostException(e.Message, e) { CloseStatus = e.CloseStatus, CloseDescription = e.CloseDescription, AudioBytesSent = e.AudioBytesSent, MessagesSent = e.MessagesSent, AudioBytesReceived = e.AudioBytesReceived, EventsReceived = e.EventsReceived },
        CartesiaBufferOverflowException e => new CartesiaBufferOverflowException(e.Message, e) { LimitBytes = e.LimitBytes },
        CartesiaException e => new CartesiaWebSocketException($"The call has ended: {e.Message}", e),
        ObjectDisposedException e => new ObjectDisposedException(e.ObjectName, e.Message),
        _ => new CartesiaWebSocketException($"The call has ended: {reason.Message}", reason),
    };

    /// <summary>Waits until the queue has room (an empty queue always has); only holders of the push lock add to it.</summary>
    private async ValueTask WaitForRoomAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_gate)
            {
                if (_closedReason is not null)
                {
                    break;
                }

                if (_queuedBytes == 0 || _queuedBytes + bytes <= _maxQueuedBytes)
                {
                    return;
                }

                room = _room.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        ThrowIfClosed();
    }

    private void FlushRemainder()
    {
        int whole = _frameFill / _blockAlign * _blockAlign;
        if (whole > 0)
        {
            SendAudio(_frame.AsSpan(0, whole));
        }

        // Part of a sample cannot be sent; it stays for the next push.
        int partial = _frameFill - whole;
        if (partial > 0)
        {
            _frame.AsSpan(whole, partial).CopyTo(_frame);
        }

        _frameFill = partial;
    }

    private void SendAudio(ReadOnlySpan<byte> audio)
    {
        (byte[] buffer, int length) = _protocol.AudioMessage(audio);
        Send(buffer, length, audio.Length, pooled: true);
    }

    private void Send(byte[] message, int length, int audioBytes, bool pooled)
    {
        Task sent;
        lock (_gate)
        {
            _queuedBytes += length;
        }

        try
        {
            sent = _sender.Enqueue(message.AsMemory(0, length), WebSocketMessageType.Text);
        }
        catch (CartesiaException ex)
        {
            Sent(length, audioBytes, pooled ? message : null, ex);

            // The call ended between this push's check and its send (Close stops the writer after recording why):
            // refuse as the check would have, with how the call ended, rather than as a failed send.
            if (_sender.IsCompleted)
            {
                ThrowIfClosed();
            }

            _onSendFailure(ex);
            throw;
        }

        lock (_gate)
        {
            _lastSend = sent;
        }

        if (sent.IsCompleted)
        {
            Sent(length, audioBytes, pooled ? message : null, sent.Exception?.InnerException);
            return;
        }

        _ = sent.ContinueWith(
            static (t, state) =>
            {
                var (queue, buffer, length, audio) = ((AgentSendQueue, byte[]?, int, int))state!;
                queue.Sent(length, audio, buffer, t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException() : null));
            },
            (this, pooled ? message : null, length, audioBytes),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Sent(int length, int audioBytes, byte[]? pooledBuffer, Exception? failure)
    {
        lock (_gate)
        {
            _queuedBytes -= length;
            if (failure is null)
            {
                _messagesSent++;
                _audioBytesSent += audioBytes;
            }

            if (_queuedBytes <= _maxQueuedBytes / 2)
            {
                _room.Set();
            }
        }

        if (pooledBuffer is not null)
        {
            AudioBufferPool.Instance.Return(pooledBuffer);
        }

        if (failure is not null)
        {
            _onSendFailure(failure);
        }
    }
}
