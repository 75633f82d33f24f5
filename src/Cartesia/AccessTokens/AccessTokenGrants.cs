using System.Text.Json.Serialization;

namespace Cartesia.AccessTokens;

/// <summary>What an access token may be used for; grant only what the client needs.</summary>
public sealed class AccessTokenGrants : CartesiaModel
{
    /// <summary>Text-to-speech: <c>/tts/bytes</c>, <c>/tts/sse</c> and the TTS WebSocket.</summary>
    [JsonPropertyName("tts")]
    public bool? Tts { get; set; }

    /// <summary>Speech-to-text: <c>/stt</c> and the STT WebSockets.</summary>
    [JsonPropertyName("stt")]
    public bool? Stt { get; set; }

    /// <summary>The agents calling WebSocket.</summary>
    [JsonPropertyName("agent")]
    public bool? Agent { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"AccessTokenGrants {{ Tts = {Flag(Tts)}, Stt = {Flag(Stt)}, Agent = {Flag(Agent)} }}";

    private static string Flag(bool? value) => value switch { true => "true", false => "false", null => "(unset)" };
}
