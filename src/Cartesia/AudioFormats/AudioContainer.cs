using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia;

/// <summary>
/// An audio container: <c>raw</c> (bare samples), <c>wav</c> (RIFF/WAVE) or <c>mp3</c>. Only the bytes endpoints
/// (TTS bytes, infill, voice changer bytes) produce <c>wav</c> and <c>mp3</c>; SSE and WebSocket produce
/// <c>raw</c>. Open: unknown containers pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<AudioContainer>))]
public readonly record struct AudioContainer : IStringValue<AudioContainer>
{
    /// <summary>Creates a container from its wire name.</summary>
    /// <param name="value">The wire name, for example <c>wav</c>.</param>
    public AudioContainer(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire name.</summary>
    public string Value { get; }

    /// <summary>Bare samples in the requested encoding, no header.</summary>
    public static AudioContainer Raw { get; } = new("raw");

    /// <summary>A RIFF/WAVE file.</summary>
    public static AudioContainer Wav { get; } = new("wav");

    /// <summary>MPEG audio Layer III frames.</summary>
    public static AudioContainer Mp3 { get; } = new("mp3");

    /// <summary>Converts a wire name to an <see cref="AudioContainer"/>.</summary>
    /// <param name="value">The wire name.</param>
    public static implicit operator AudioContainer(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static AudioContainer IStringValue<AudioContainer>.FromValue(string value) => new(value);
}
