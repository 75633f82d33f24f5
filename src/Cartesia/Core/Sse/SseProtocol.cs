namespace Cartesia.Core.Sse;

/// <summary>What a Server-Sent Events endpoint's events mean: how to parse them and which end the stream.</summary>
/// <typeparam name="TEvent">The endpoint's event type.</typeparam>
internal abstract class SseProtocol<TEvent> where TEvent : class
{
    /// <summary>Parses an event's data; throws <see cref="System.Text.Json.JsonException"/> when it is malformed.</summary>
    public abstract TEvent Parse(string eventType, ReadOnlySpan<byte> data);

    /// <summary>How many audio bytes the event carries.</summary>
    public abstract long AudioBytes(TEvent value);

    /// <summary>Whether the event is the stream's final, successful event.</summary>
    public abstract bool IsDone(TEvent value);

    /// <summary>The exception that ends the stream when the event is an error; otherwise null.</summary>
    public abstract CartesiaStreamException? AsError(TEvent value, long audioBytesReceived);

    /// <summary>The context id the event names, if any.</summary>
    public abstract string? ContextId(TEvent value);
}
