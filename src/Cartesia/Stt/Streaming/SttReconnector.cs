using System.Net.WebSockets;
using System.Threading.Channels;
using Cartesia.Core;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Microsoft.Extensions.Logging;

namespace Cartesia.Stt;

/// <summary>
/// Brings a session back after a recoverable loss (<see cref="SttReconnectOptions"/>): before each attempt it asks
/// <see cref="SttReconnectOptions.OnReconnecting"/> and tells the reader (<see cref="SttReconnectingEvent"/>), waits
/// the retry policy's backoff on the client's clock, and opens the same endpoint again (refused for good on a
/// status that is not worth retrying). Once connected, it lets the pump's write in flight settle, swaps the
/// connection under the gate, has the queue put back what the old connection never answered, drops a partial turn
/// or interim, and tells the reader (<see cref="SttReconnectedEvent"/>). It also words the
/// <see cref="SttConnectionLostException"/> of a loss for good, with what was never sent.
/// </summary>
internal sealed class SttReconnector
{
    private readonly ClientCore _core;
    private readonly SttSessionState _state;
    private readonly SttSendQueue _queue;
    private readonly SttPump _pump;
    private readonly ChannelWriter<SttEvent> _events;
    private readonly ILogger _logger;
    private readonly string _pathAndQuery;
    private readonly string _operation;
    private readonly int _retries;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Func<SttReconnectingEvent, bool>? _onReconnecting;
    private int _reconnects;

    public SttReconnector(ClientCore core, SttReconnectOptions? options, SttSessionState state, SttSendQueue queue, SttPump pump, ChannelWriter<SttEvent> events, ILogger logger, string pathAndQuery, string operation)
    {
        _core = core;
        _state = state;
        _queue = queue;
        _pump = pump;
        _events = events;
        _logger = logger;
        _pathAndQuery = pathAndQuery;
        _operation = operation;
        _retries = options?.MaxRetries ?? 0;
        _initialDelay = options?.InitialDelay ?? TimeSpan.Zero;
        _maxDelay = options?.MaxDelay ?? TimeSpan.Zero;
        _onReconnecting = options?.OnReconnecting;
    }

    /// <summary>Whether reconnection is on.</summary>
    public bool Enabled => _retries > 0;

    /// <summary>How many times the session reconnected.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Reconnects with backoff; returns null when connected again, else the failure that ends the session.</summary>
    public async Task<Exception?> ReconnectAsync(SttConnection lost, SttReadOutcome outcome, CancellationToken cancellationToken)
    {
        string reason = SttLog.DescribeClose(outcome.CloseStatus, outcome.CloseDescription);
        Exception? lastError = outcome.Cause;
        for (int attempt = 1; attempt <= _retries; attempt++)
        {
            TimeSpan delay = RetryPolicy.Backoff(attempt, _initialDelay, _maxDelay);
            var reconnecting = new SttReconnectingEvent
            {
                Attempt = attempt,
                MaxAttempts = _retries,
                Delay = delay,
                CloseStatus = outcome.CloseStatus,
                CloseDescription = outcome.CloseDescription,
                RequestId = _state.RequestId,
            };

            bool proceed;
            try
            {
                proceed = _onReconnecting?.Invoke(reconnecting) ?? true;
            }
            catch (Exception ex)
            {
                return Lost(outcome, attempt - 1, "the OnReconnecting callback threw, which stops reconnecting", ex);
            }

            if (!proceed)
            {
                return Lost(outcome, attempt - 1, "the OnReconnecting callback stopped reconnecting", lastError);
            }

            _events.TryWrite(reconnecting);
            SttLog.Reconnecting(_logger, _operation, reason, (long)delay.TotalMilliseconds, attempt, _retries);
            await Task.Delay(delay, _core.Settings.TimeProvider, cancellationToken).ConfigureAwait(false);

            ClientWebSocket socket;
            try
            {
                socket = await _core.WebSockets.ConnectAsync(_pathAndQuery, _operation, maxRetries: 0, cancellationToken).ConfigureAwait(false);
            }
            catch (CartesiaApiException ex) when (ex.StatusCode is not (408 or 429 or >= 500))
            {
                return Lost(outcome, attempt, "the service refused the new connection", ex);
            }
            catch (CartesiaException ex)
            {
                SttLog.ReconnectFailed(_logger, _operation, attempt, ex.Message);
                lastError = ex;
                continue;
            }

            // A send still in flight on the old connection settles (it fails: the socket is cut) before the queue moves.
            Task? sending;
            lock (_state.Gate)
            {
                sending = _pump.SendingLocked;
            }

            if (sending is not null)
            {
                await Task.WhenAny(sending).ConfigureAwait(false);
            }

            var next = new SttConnection(socket);
            SttReconnectedEvent reconnected;
            lock (_state.Gate)
            {
                if (_state.StoppingLocked)
                {
                    next.Dispose();
                    return _state.Failure;
                }

                long pending = _queue.RequeueForNewConnectionLocked();
                bool discarded = _state.TurnOpen || _state.InterimPending;
                _state.TurnOpen = _state.InterimPending = false;
                _state.Connection = next;
                _state.RequestId = next.RequestId ?? _state.RequestId;
                reconnected = new SttReconnectedEvent
                {
                    Attempt = attempt,
                    PendingAudioBytes = pending,
                    TimeOffset = TimeSpan.FromSeconds(_queue.TimeOffsetLocked),
                    PartialTranscriptDiscarded = discarded,
                    RequestId = next.RequestId,
                };
            }

            lost.Dispose();
            _events.TryWrite(reconnected);
            SttLog.Reconnected(_logger, _operation, attempt, reconnected.PendingAudioBytes);
            Interlocked.Increment(ref _reconnects);
            Telemetry.Reconnects.Add(1, new KeyValuePair<string, object?>("cartesia.endpoint", "stt"), new KeyValuePair<string, object?>("cartesia.reason", reason));
            return null;
        }

        return Lost(outcome, _retries, $"{_retries} reconnection attempt(s) failed", lastError);
    }

    /// <summary>The exception for a connection lost for good, with how much was never sent.</summary>
    public SttConnectionLostException Lost(SttReadOutcome outcome, int attempts, string why, Exception? cause)
    {
        (long unsentAudio, int unsentMessages) = UnsentNow();
        string close = SttLog.DescribeClose(outcome.CloseStatus, outcome.CloseDescription);
        return new SttConnectionLostException($"The speech-to-text session ({_operation}) lost its connection: the service {close}, and {why}. {unsentAudio} bytes of audio were never sent.", cause)
        {
            CloseStatus = outcome.CloseStatus,
            CloseDescription = outcome.CloseDescription,
            UnsentAudioBytes = unsentAudio,
            UnsentMessages = unsentMessages,
            ReconnectAttempts = attempts,
            Attempts = attempts + 1,
        };
    }

    private (long AudioBytes, int Messages) UnsentNow()
    {
        lock (_state.Gate)
        {
            return _queue.UnsentLocked();
        }
    }
}
