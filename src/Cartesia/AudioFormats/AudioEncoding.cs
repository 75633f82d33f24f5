using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia;

/// <summary>
/// A raw audio sample encoding (<c>pcm_s16le</c>, <c>pcm_f32le</c>, <c>pcm_mulaw</c>, <c>pcm_alaw</c>, and for
/// speech-to-text input also <c>pcm_s32le</c> and <c>pcm_f16le</c>). Open: unknown encodings pass through.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<AudioEncoding>))]
public readonly record struct AudioEncoding : IStringValue<AudioEncoding>
{
    /// <summary>Creates an encoding from its wire name.</summary>
    /// <param name="value">The wire name, for example <c>pcm_s16le</c>.</param>
    public AudioEncoding(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire name.</summary>
    public string Value { get; }

    /// <summary>32-bit IEEE float, little endian (4 bytes a sample).</summary>
    public static AudioEncoding PcmF32LE { get; } = new("pcm_f32le");

    /// <summary>16-bit signed integer, little endian (2 bytes a sample).</summary>
    public static AudioEncoding PcmS16LE { get; } = new("pcm_s16le");

    /// <summary>G.711 μ-law (1 byte a sample), the usual telephony encoding in North America and Japan.</summary>
    public static AudioEncoding PcmMulaw { get; } = new("pcm_mulaw");

    /// <summary>G.711 A-law (1 byte a sample), the usual telephony encoding elsewhere.</summary>
    public static AudioEncoding PcmAlaw { get; } = new("pcm_alaw");

    /// <summary>32-bit signed integer, little endian (speech-to-text input only).</summary>
    public static AudioEncoding PcmS32LE { get; } = new("pcm_s32le");

    /// <summary>16-bit IEEE half float, little endian (speech-to-text input only).</summary>
    public static AudioEncoding PcmF16LE { get; } = new("pcm_f16le");

    /// <summary>The encodings text-to-speech can produce.</summary>
    public static IReadOnlyList<AudioEncoding> OutputEncodings { get; } = [PcmF32LE, PcmS16LE, PcmMulaw, PcmAlaw];

    /// <summary>
    /// Bytes per sample of a known encoding, or <see langword="null"/> for an encoding this SDK does not know.
    /// </summary>
    public int? BytesPerSample => Value switch
    {
        "pcm_f32le" or "pcm_s32le" => 4,
        "pcm_s16le" or "pcm_f16le" => 2,
        "pcm_mulaw" or "pcm_alaw" => 1,
        _ => null,
    };

    /// <summary>Converts a wire name to an <see cref="AudioEncoding"/>.</summary>
    /// <param name="value">The wire name.</param>
    public static implicit operator AudioEncoding(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static AudioEncoding IStringValue<AudioEncoding>.FromValue(string value) => new(value);
}
