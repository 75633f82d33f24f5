using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Cartesia.Core.Audio;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Http;
using Microsoft.Extensions.Logging;

namespace Cartesia.Core.Sse;

/// <summary>
/// The state of one Server-Sent Events stream: it parses events as they arrive and enforces that the stream
/// ends exactly one way (after its <c>done</c>, or with a typed exception).
/// </summary>
internal sealed class SseSession<TEvent> : IDisposable where TEvent : class
{
    private const int PayloadExcerptLength = 300;
    private readonly SseProtocol<TEvent> _protocol;
    private readonly SseEndGuardStream _guard;
    private readonly string _operation;
    private readonly ILogger _logger;
    private string? _contextId;

    private readonly AudioStreamTelemetry? _telemetry;

    public SseSession(SseProtocol<TEvent> protocol, ResponseBodyStream body, string operation, ILogger logger, AudioStreamTelemetry? telemetry = null, int maxEventBytes = CartesiaClientOptions.DefaultMaxSseEventBytes)
    {
        _protocol = protocol;
        _telemetry = telemetry;
        Body = body;
        _guard = new SseEndGuardStream(body, maxEventBytes);
        _operation = operation;
        _logger = logger;
    }

    /// <summary>The response body (owned: disposing the session disposes it).</summary>
    public ResponseBodyStream Body { get; }

    /// <summary>Whether the final event has been delivered.</summary>
    public bool Completed { get; private set; }

    /// <summary>Events delivered so far.</summary>
    public int Events { get; private set; }

    /// <summary>Audio bytes delivered so far.</summary>
    public long AudioBytes { get; private set; }

    /// <summary>The standard SSE parser over the guarded body, parsing each event in place.</summary>
    public SseParser<SseParsedItem<TEvent>> CreateParser() => CreateParser(_guard, _protocol);

    /// <summary>
    /// The standard SSE parser over a body (guarded by <see cref="SseEndGuardStream"/>), parsing each event in place;
    /// an event that is not valid becomes an item holding the error, which <see cref="Accept"/> turns into a
    /// <see cref="CartesiaProtocolException"/>.
    /// </summary>
    public static SseParser<SseParsedItem<TEvent>> CreateParser(Stream body, SseProtocol<TEvent> protocol)
        => SseParser.Create(body, (eventType, data) =>
        {
            try
            {
                return new SseParsedItem<TEvent>(protocol.Parse(eventType, data), null, null);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                // Whatever the event's text breaks, the stream ends with a CartesiaProtocolException (Accept).
                return new SseParsedItem<TEvent>(null, ex, SecretRedactor.Redact(Excerpt(data)));
            }
        });

    /// <summary>Takes one parsed event: returns it to deliver, or throws when it ends the stream in failure.</summary>
    public TEvent Accept(SseParsedItem<TEvent> item)
    {
        if (item.Event is not { } value)
        {
            if (_guard.InnerEnded)
            {
                // The last event was cut off mid-way: the stream ended early.
                throw Incomplete($"the stream ended in the middle of an event ({item.Error!.Message})", item.Error);
            }

            Log.StreamEnded(_logger, _operation, Events, AudioBytes, "malformed event");
            throw Ended(new CartesiaProtocolException($"The {_operation} stream sent an event that is not valid: {item.Error!.Message}", item.Error)
            {
                Payload = item.Payload,
            });
        }

        _contextId ??= _protocol.ContextId(value);
        if (_protocol.AsError(value, AudioBytes) is { } error)
        {
            Log.StreamEnded(_logger, _operation, Events, AudioBytes, "error event");
            throw Ended(error);
        }

        Events++;
        long audio = _protocol.AudioBytes(value);
        if (audio > 0)
        {
            AudioBytes += audio;
            _telemetry?.OnAudio();
        }

        if (_protocol.IsDone(value))
        {
            Completed = true;
            Log.StreamEnded(_logger, _operation, Events, AudioBytes, "done");
            _telemetry?.OnEnded(AudioBytes);
        }

        return value;
    }

    /// <summary>Records a stream the service broke the protocol of (an event over the size limit) and returns the exception.</summary>
    public CartesiaProtocolException Violated(CartesiaProtocolException ex)
    {
        Log.StreamEnded(_logger, _operation, Events, AudioBytes, "protocol violation");
        return Ended(ex);
    }

    /// <summary>The exception for a stream that ended without its final event.</summary>
    public CartesiaIncompleteStreamException EndedWithoutDone()
        => Incomplete("the stream ended without its final \"done\" event", null);

    /// <summary>Adds the stream's counts to a broken-body exception from the response stream.</summary>
    public CartesiaIncompleteStreamException Broken(CartesiaIncompleteStreamException ex)
        => Incomplete("the connection broke", ex.InnerException ?? ex);

    private CartesiaIncompleteStreamException Incomplete(string what, Exception? inner)
    {
        Log.StreamEnded(_logger, _operation, Events, AudioBytes, what);
        return Ended(new CartesiaIncompleteStreamException(
            $"The {_operation} stream is incomplete: {what} after {Events} events and {AudioBytes} audio bytes. The audio received is truncated.", inner)
        {
            AudioBytesReceived = AudioBytes,
            EventsReceived = Events,
            ContextId = _contextId,
        });
    }

    /// <summary>Records a failed end of the stream (audio received, error counter) and returns the exception.</summary>
    private T Ended<T>(T exception) where T : Exception
    {
        _telemetry?.OnEnded(AudioBytes);
        Telemetry.RecordError(null, _operation, exception);
        return exception;
    }

    /// <summary>Closes the response.</summary>
    public void Dispose() => _guard.Dispose();

    private static string Excerpt(ReadOnlySpan<byte> data)
    {
        string text = Encoding.UTF8.GetString(data[..Math.Min(data.Length, PayloadExcerptLength * 4)]);
        return text.Length > PayloadExcerptLength ? text[..PayloadExcerptLength] + "…" : text;
    }
}
