using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Cartesia.Core.WebSockets;

namespace Cartesia.Stt;

/// <summary>
/// The one reader of a session: reads the current connection's messages, parses them into events (times shifted by
/// the session's audio clock) and writes them to the unbounded event channel (events are small, and the session
/// must see <c>flush_done</c> and <c>done</c> whether or not anyone reads). An event answers the command waiting for
/// it and updates what the service has said (an open turn, a pending interim). A close after <c>close</c> is the
/// normal end; any other close or a drop is a loss, handed to the <see cref="SttReconnector"/> for a recoverable
/// close code when reconnection is on; an error event or a malformed one ends the session. It returns how the
/// session ended; the session core then finishes it.
/// </summary>
internal sealed class SttReceiveLoop
{
    private static readonly TimeSpan CloseHandshakeBound = TimeSpan.FromSeconds(1);

    private readonly SttSessionState _state;
    private readonly SttSendQueue _queue;
    private readonly SttReconnector _reconnector;
    private readonly ChannelWriter<SttEvent> _events;
    private readonly Func<bool> _disposed;
    private readonly TimeProvider _time;
    private readonly string _operation;
    private readonly bool _turns;

    public SttReceiveLoop(SttSessionState state, SttSendQueue queue, SttReconnector reconnector, ChannelWriter<SttEvent> events, Func<bool> disposed, TimeProvider time, string operation, bool turns)
    {
        _state = state;
        _queue = queue;
        _reconnector = reconnector;
        _events = events;
        _disposed = disposed;
        _time = time;
        _operation = operation;
        _turns = turns;
    }

    /// <summary>Reads until the session ends: the failure that ended it (null when it did not fail), and whether the end was normal.</summary>
    public async Task<(Exception? Failure, bool Normal)> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                SttConnection connection;
                lock (_state.Gate)
                {
                    connection = _state.Connection;
                }

                SttReadOutcome outcome = await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
                if (_disposed())
                {
                    // Whatever the connection did after DisposeAsync began, the session ends as disposed.
                    return (null, false);
                }

                lock (_state.Gate)
                {
                    if (_state.StoppingLocked)
                    {
                        return (null, _state.StopQuietly);
                    }
                }

                if (outcome.Ended)
                {
                    return (null, true);
                }

                if (outcome.Failure is { } fatal)
                {
                    return (fatal, false);
                }

                connection.Break();
                if (!_reconnector.Enabled || !IsRecoverable(outcome.CloseStatus))
                {
                    string why = !_reconnector.Enabled
                        ? "reconnection is off (set Reconnect in the session options to turn it on)"
                        : "the close code is not one to reconnect after";
                    return (_reconnector.Lost(outcome, 0, why, outcome.Cause), false);
                }

                if (await _reconnector.ReconnectAsync(connection, outcome, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    return (failure, false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, false); // Disposed.
        }
        catch (Exception ex)
        {
            return (ex, false);
        }
    }

    private static bool IsRecoverable(WebSocketCloseStatus? status) => status is null || (int)status.Value is 1001 or 1005 or 1006 or 1011 or 1012 or 1013 or 1015;

    private async Task<SttReadOutcome> ReadAsync(SttConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            WebSocketMessage message;
            try
            {
                message = await connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                return SttReadOutcome.Lost(null, null, ex);
            }
            catch (CartesiaProtocolException ex)
            {
                return SttReadOutcome.Fatal(ex);
            }

            if (message.IsClose)
            {
                return await OnCloseAsync(connection, message).ConfigureAwait(false);
            }

            if (message.Type != WebSocketMessageType.Text)
            {
                return SttReadOutcome.Fatal(new CartesiaProtocolException($"The service sent a {message.Type} message on {_operation}, where only JSON text events are expected."));
            }

            SttEvent e;
            try
            {
                double offset;
                lock (_state.Gate)
                {
                    offset = _queue.TimeOffsetLocked;
                }

                e = SttEventParser.Parse(message.Data.Span, offset);
            }
            catch (JsonException ex)
            {
                string payload = System.Text.Encoding.UTF8.GetString(message.Data.Span[..Math.Min(message.Data.Length, 300)]);
                return SttReadOutcome.Fatal(new CartesiaProtocolException($"The service sent an event on {_operation} that is not valid: {ex.Message}", ex) { Payload = payload });
            }

            if (e is SttErrorEvent error)
            {
                return SttReadOutcome.Fatal(SttEventParser.ToException(error));
            }

            OnEvent(e);
            _events.TryWrite(e);
        }
    }

    /// <summary>The service closed: the normal end after <c>close</c> (with <c>done</c> on the manual endpoint), else a loss.</summary>
    private async Task<SttReadOutcome> OnCloseAsync(SttConnection connection, WebSocketMessage message)
    {
        connection.MarkBroken();
        await CloseHandshakeAsync(connection).ConfigureAwait(false);
        bool closeRequested;
        lock (_state.Gate)
        {
            // Queued is enough: the pump may not have recorded the send yet when a fast answer comes back.
            closeRequested = _state.CloseRequested;
        }

        if (message.CloseStatus == WebSocketCloseStatus.NormalClosure && closeRequested)
        {
            if (!_turns && !_state.DoneReceived)
            {
                return SttReadOutcome.Fatal(_reconnector.Lost(SttReadOutcome.Lost(message.CloseStatus, message.CloseDescription, null), 0, "it closed the session after close without sending done, so the last transcripts may be missing", null));
            }

            return SttReadOutcome.Normal;
        }

        return SttReadOutcome.Lost(message.CloseStatus, message.CloseDescription, null);
    }

    private void OnEvent(SttEvent e)
    {
        if (e.RequestId is { } requestId)
        {
            _state.RequestId = requestId;
        }

        lock (_state.Gate)
        {
            switch (e)
            {
                case SttTurnStartEvent or SttTurnUpdateEvent or SttTurnEagerEndEvent or SttTurnResumeEvent:
                    _state.TurnOpen = true;
                    break;
                case SttTurnEndEvent:
                    _state.TurnOpen = false;
                    break;
                case SttTranscriptEvent transcript:
                    _state.InterimPending = !transcript.IsFinal && transcript.Text.Length > 0;
                    break;
                case SttFlushDoneEvent:
                    _queue.AnsweredLocked(SttOutgoingKind.Finalize);
                    break;
                case SttDoneEvent:
                    _state.DoneReceived = true;
                    _queue.AnsweredLocked(SttOutgoingKind.Close);
                    break;
            }
        }
    }

    /// <summary>Completes the close handshake the service started, briefly.</summary>
    private async Task CloseHandshakeAsync(SttConnection connection)
    {
        try
        {
            if (connection.Socket.State == WebSocketState.CloseReceived)
            {
                using var bound = new CancellationTokenSource(CloseHandshakeBound, _time);
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone either way.
        }
    }
}
