using System.Text.Json;

namespace Cartesia.Stt;

/// <summary>
/// An event of a type this SDK does not know (the service added it later). It is delivered as it came, never
/// dropped; <see cref="Json"/> holds the whole event.
/// </summary>
public sealed class SttUnknownEvent : SttEvent
{
    /// <summary>Creates an unknown event.</summary>
    /// <param name="type">The wire type.</param>
    /// <param name="json">The whole event object.</param>
    public SttUnknownEvent(string type, JsonElement json) : base(type) => Json = json;

    /// <summary>The whole event as JSON.</summary>
    public JsonElement Json { get; }
}
