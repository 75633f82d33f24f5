using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// How the managed agent sends its audio: <see cref="SpeakingPace"/> (the default: about real time, so the client
/// can play it as it comes) or <see cref="AsAvailable"/> (as fast as it is produced; the client paces playback, for
/// example with <see cref="Audio.AudioPlaybackBuffer"/>). Open: unknown values pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<AgentOutputDelivery>))]
public readonly record struct AgentOutputDelivery : IStringValue<AgentOutputDelivery>
{
    /// <summary>Creates a delivery mode from its wire name.</summary>
    /// <param name="value">The wire name, for example <c>speaking_pace</c>.</param>
    public AgentOutputDelivery(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire name.</summary>
    public string Value { get; }

    /// <summary>About real time (the service's default).</summary>
    public static AgentOutputDelivery SpeakingPace { get; } = new("speaking_pace");

    /// <summary>As fast as produced; not supported when the agent uses a background sound.</summary>
    public static AgentOutputDelivery AsAvailable { get; } = new("as_available");

    /// <summary>Converts a wire name to an <see cref="AgentOutputDelivery"/>.</summary>
    /// <param name="value">The wire name.</param>
    public static implicit operator AgentOutputDelivery(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static AgentOutputDelivery IStringValue<AgentOutputDelivery>.FromValue(string value) => new(value);
}
