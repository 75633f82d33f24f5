using System.Net.WebSockets;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Tts;

// The context's incoming side (see the opening comment in TtsContext.cs for the whole structure and the lock):
// the events the receive loop routes here, the connection ending under it, its watchdog firing, and EndLocked,
// the one way a context ends.
public sealed partial class TtsContext
{
    /// <summary>
    /// Routes an event of this context (called by the receive loop; never blocks). By default the event is held
    /// until <see cref="PublishHeld"/>, so a burst of frames wakes the reader once rather than once per frame;
    /// returns true when this event is the first one held (the connection then remembers to publish it).
    /// </summary>
    internal bool OnEvent(TtsEvent value, long burst)
    {
        bool done = false, firstChunk = false;
        lock (_gate)
        {
            _delivery.EnterBurstLocked(burst);
            if (IsTerminal(_state))
            {
                (value as TtsChunkEvent)?.ReturnAudio();
                Log.LateEvent(_logger, value.Type, ContextId);
                return false;
            }

            switch (value)
            {
                case TtsChunkEvent chunk:
                    firstChunk = _progress.OnChunk(chunk);
                    break;
                case TtsTimestampsEvent { WordTimestamps: { } words }:
                    _progress.OnWords(words);
                    break;
                case TtsFlushDoneEvent flushDone:
                    _input.CompleteFlush(flushDone.FlushId);
                    break;
                case TtsErrorEvent error:
                    EndLocked(TtsContextState.Failed, TtsSseProtocol.ToException(error, _progress.AudioBytes));
                    return false;
            }

            if (value is TtsDoneEvent)
            {
                done = true;
                _watchdog.Stop();
            }
            else
            {
                ArmWatchdogLocked();
            }

            if (!_delivery.DeliverInline)
            {
                if (done)
                {
                    // The end is a hand-off too: a reader that stopped taking does not get the whole generation queued.
                    CheckOverflowLocked();
                    if (IsTerminal(_state))
                    {
                        return false;
                    }
                }

                bool first = _delivery.HoldLocked(value);
                if (done)
                {
                    // The last event: everything held is published as the context ends.
                    EndLocked(TtsContextState.Done, null);
                    return false;
                }

                if (firstChunk)
                {
                    // Time to first audio is what a voice agent feels: the first chunk is never held for a burst.
                    _delivery.PublishHeldLocked();
                    return false;
                }

                return first;
            }

            // Inline, each event is a hand-off.
            CheckOverflowLocked();
            if (IsTerminal(_state))
            {
                (value as TtsChunkEvent)?.ReturnAudio();
                return false;
            }

            _delivery.OfferInlineLocked(value);
        }

        _delivery.WriteInline(value);
        if (done)
        {
            lock (_gate)
            {
                if (!IsTerminal(_state))
                {
                    EndLocked(TtsContextState.Done, null);
                }
            }
        }

        return false;
    }

    /// <summary>Hands the events held since the last call to the reader (receive loop only), waking it once.</summary>
    internal void PublishHeld(long burst)
    {
        lock (_gate)
        {
            if (!IsTerminal(_state))
            {
                _delivery.EnterBurstLocked(burst);
                CheckOverflowLocked();
                if (!IsTerminal(_state))
                {
                    _delivery.PublishHeldLocked();
                }
            }
        }
    }

    /// <summary>Fails the context (malformed frame, connection-level error).</summary>
    internal void Fail(Exception exception)
    {
        lock (_gate)
        {
            if (!IsTerminal(_state))
            {
                SendCancelLocked();
                EndLocked(TtsContextState.Failed, exception);
            }
        }
    }

    /// <summary>The socket ended while the context was running: the audio so far is truncated.</summary>
    internal void OnConnectionLost(WebSocketCloseStatus? status, string? description, Exception? cause)
    {
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }

            string how = status is null ? "dropped without a close frame" : $"closed ({(int)status} {status}{(string.IsNullOrEmpty(description) ? string.Empty : ": " + description)})";
            long audioBytes = _progress.AudioBytes;
            TimeSpan audioDuration = _progress.AudioDuration(audioBytes);
            var lost = new CartesiaConnectionLostException(
                $"The TTS WebSocket {how} while context '{ContextId}' was running, after {audioBytes} bytes ({audioDuration.TotalSeconds:0.###} s) of audio; the audio is truncated.",
                cause)
            {
                CloseStatus = status,
                CloseDescription = description,
                AudioBytesReceived = audioBytes,
                AudioDurationReceived = audioDuration,
                EventsReceived = _progress.Chunks,
                ContextId = ContextId,
            };
            EndLocked(TtsContextState.Failed, lost);
        }
    }

    private void SendCancelLocked()
    {
        if (_state != TtsContextState.Created && _connection is { IsClosed: false } connection)
        {
            try
            {
                _ = connection.Send(_messages.Cancel()).ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            catch (CartesiaWebSocketException)
            {
            }
        }
    }

    /// <summary>Ends the context when its reader is behind (see <see cref="TtsContextDelivery.CheckOverflowLocked"/>), telling the service to cancel.</summary>
    private void CheckOverflowLocked()
    {
        if (_delivery.CheckOverflowLocked() is { } overflow)
        {
            SendCancelLocked();
            EndLocked(TtsContextState.Failed, overflow);
        }
    }

    /// <summary>The one way a context ends: each part ends once, then Completion, the log, the socket and the owner learn of it.</summary>
    private void EndLocked(TtsContextState state, Exception? failure)
    {
        _state = state;
        _failure = failure;
        _watchdog.Stop();
        _delivery.EndLocked(failure, discard: state == TtsContextState.Cancelled || failure is CartesiaBufferOverflowException);
        _input.EndFlushes(failure);
        switch (state)
        {
            case TtsContextState.Done:
                _terminal.TrySetResult();
                break;
            case TtsContextState.Cancelled:
                _terminal.TrySetCanceled();
                break;
            default:
                _terminal.TrySetException(failure!);
                _ = _terminal.Task.Exception; // observed: Completion is for those who want it, not an unobserved-exception report
                break;
        }

        string failureText = failure?.Message ?? string.Empty;
        Log.ContextEnded(_logger, ContextId, state, _progress.AudioBytes, failureText);
        _progress.End(state, failure);
        _connection?.Retire(ContextId);
        _owner.OnContextEnded(this);
    }

    /// <summary>
    /// Arms the watchdog: the first-chunk timeout until the first audio, then the between-chunks timeout while
    /// the context owes audio (completed, or a flush pending); a context still receiving text is not watched.
    /// </summary>
    private void ArmWatchdogLocked()
        => _watchdog.Arm(
            awaitingFirstChunk: !_progress.HasFirstChunk && _state != TtsContextState.Created,
            owesAudio: _state == TtsContextState.Completing || _input.FlushPending);

    private void OnWatchdog()
    {
        TtsSocketConnection? connection;
        TimeSpan timeout;
        CartesiaTimeoutPhase phase;
        lock (_gate)
        {
            if (IsTerminal(_state))
            {
                return;
            }

            connection = _connection;
            phase = _progress.HasFirstChunk ? CartesiaTimeoutPhase.BetweenChunks : CartesiaTimeoutPhase.FirstChunk;
            timeout = _watchdog.TimeoutOf(phase);
            SendCancelLocked();
            EndLocked(TtsContextState.Failed, _watchdog.Expired(ContextId, phase, _progress.AudioBytes));
        }

        // Nothing at all arrived on the socket for as long: it is dead, not just this context. Recycle it so the
        // other contexts fail fast and the next one reconnects.
        if (connection is { IsClosed: false } && connection.SinceLastFrame >= timeout)
        {
            connection.Recycle($"no frame for {connection.SinceLastFrame.TotalSeconds:0.#} s ({phase} watchdog of context {ContextId})");
        }
    }
}
