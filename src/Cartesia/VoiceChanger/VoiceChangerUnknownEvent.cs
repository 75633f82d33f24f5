using System.Text.Json;

namespace Cartesia.VoiceChanger;

/// <summary>An event with a <c>type</c> this SDK does not know: delivered as it came, never dropped.</summary>
public sealed class VoiceChangerUnknownEvent : VoiceChangerEvent
{
    /// <summary>Creates an unknown event.</summary>
    /// <param name="type">The wire type.</param>
    /// <param name="json">The whole event.</param>
    public VoiceChangerUnknownEvent(string type, JsonElement json)
    {
        Type = type;
        Json = json;
    }

    /// <summary>The wire type.</summary>
    public string Type { get; }

    /// <summary>The whole event as JSON.</summary>
    public JsonElement Json { get; }
}
