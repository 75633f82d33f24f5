using System.Globalization;
using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// The audio format of an agent call, in both directions (the agent answers in the format the caller sends):
/// <see cref="Mulaw8000"/> (telephony), <see cref="Pcm16000"/>, <see cref="Pcm24000"/>, <see cref="Pcm44100"/>
/// (16-bit signed little-endian mono PCM). Open: a name of the same pattern (<c>pcm_48000</c>, <c>mulaw_8000</c>,
/// <c>alaw_8000</c>) passes through for the service to judge; a name the SDK cannot read a rate from is refused.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<AgentAudioFormat>))]
public readonly record struct AgentAudioFormat : IStringValue<AgentAudioFormat>
{
    /// <summary>Creates a format from its wire name.</summary>
    /// <param name="value">The wire name, for example <c>pcm_16000</c>.</param>
    public AgentAudioFormat(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire name.</summary>
    public string Value { get; }

    /// <summary>G.711 μ-law at 8 kHz, 1 byte a sample (phone calls; Twilio Media Streams).</summary>
    public static AgentAudioFormat Mulaw8000 { get; } = new("mulaw_8000");

    /// <summary>16-bit PCM at 16 kHz.</summary>
    public static AgentAudioFormat Pcm16000 { get; } = new("pcm_16000");

    /// <summary>16-bit PCM at 24 kHz.</summary>
    public static AgentAudioFormat Pcm24000 { get; } = new("pcm_24000");

    /// <summary>16-bit PCM at 44.1 kHz.</summary>
    public static AgentAudioFormat Pcm44100 { get; } = new("pcm_44100");

    /// <summary>The formats the Agents WebSocket documents.</summary>
    public static IReadOnlyList<AgentAudioFormat> Known { get; } = [Mulaw8000, Pcm16000, Pcm24000, Pcm44100];

    /// <summary>The sample encoding (<see cref="AudioEncoding.PcmMulaw"/>, <see cref="AudioEncoding.PcmS16LE"/>, …), or null when the name does not say.</summary>
    public AudioEncoding? Encoding => Parse(Value).Encoding;

    /// <summary>The sample rate in Hz, or null when the name does not say.</summary>
    public int? SampleRate => Parse(Value).Rate;

    /// <summary>Bytes per (mono) sample, or null when the name does not say.</summary>
    public int? BytesPerSample => Encoding?.BytesPerSample;

    /// <summary>Bytes per second of audio, or null when the name does not say.</summary>
    public int? BytesPerSecond => SampleRate * BytesPerSample;

    /// <summary>Converts a wire name to an <see cref="AgentAudioFormat"/>.</summary>
    /// <param name="value">The wire name.</param>
    public static implicit operator AgentAudioFormat(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static AgentAudioFormat IStringValue<AgentAudioFormat>.FromValue(string value) => new(value);

    private static (AudioEncoding? Encoding, int? Rate) Parse(string? value)
    {
        int underscore = value?.IndexOf('_', StringComparison.Ordinal) ?? -1;
        if (value is null || underscore <= 0
            || !int.TryParse(value.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int rate)
            || rate is < 1000 or > 384_000)
        {
            return (null, null);
        }

        AudioEncoding? encoding = value.AsSpan(0, underscore) switch
        {
            "pcm" => AudioEncoding.PcmS16LE,
            "mulaw" => AudioEncoding.PcmMulaw,
            "alaw" => AudioEncoding.PcmAlaw,
            _ => (AudioEncoding?)null,
        };
        return encoding is null ? (null, null) : (encoding, rate);
    }
}
