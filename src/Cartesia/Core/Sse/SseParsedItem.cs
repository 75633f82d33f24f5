namespace Cartesia.Core.Sse;

/// <summary>The result of parsing one SSE event: the event, or why it could not be parsed.</summary>
internal readonly record struct SseParsedItem<TEvent>(TEvent? Event, Exception? Error, string? Payload) where TEvent : class;
