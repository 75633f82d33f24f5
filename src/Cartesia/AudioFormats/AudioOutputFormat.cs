using System.Text.Json.Serialization;

namespace Cartesia;

/// <summary>
/// The audio a generation produces: container, sample encoding, sample rate and (for mp3) bit rate.
/// Build one with <see cref="Raw"/>, <see cref="Wav"/> or <see cref="Mp3"/>.
/// </summary>
public sealed class AudioOutputFormat : CartesiaModel
{
    /// <summary>The sample rates the service produces: 8000, 16000, 22050, 24000, 44100 and 48000 Hz.</summary>
    public static IReadOnlyList<int> SupportedSampleRates { get; } = [8000, 16000, 22050, 24000, 44100, 48000];

    /// <summary>The mp3 bit rates the service produces: 32, 64, 96, 128 and 192 kbit/s.</summary>
    public static IReadOnlyList<int> SupportedBitRates { get; } = [32000, 64000, 96000, 128000, 192000];

    /// <summary>The container: <c>raw</c>, <c>wav</c> or <c>mp3</c>.</summary>
    [JsonPropertyName("container")]
    public AudioContainer Container { get; set; }

    /// <summary>The sample encoding (raw and wav; not used by mp3).</summary>
    [JsonPropertyName("encoding")]
    public AudioEncoding? Encoding { get; set; }

    /// <summary>The sample rate in Hz.</summary>
    [JsonPropertyName("sample_rate")]
    public int SampleRate { get; set; }

    /// <summary>The bit rate in bit/s (mp3 only).</summary>
    [JsonPropertyName("bit_rate")]
    public int? BitRate { get; set; }

    /// <summary>Bare samples, no header: what SSE and WebSocket streams carry.</summary>
    /// <param name="encoding">The sample encoding, for example <see cref="AudioEncoding.PcmS16LE"/>.</param>
    /// <param name="sampleRate">The sample rate in Hz.</param>
    public static AudioOutputFormat Raw(AudioEncoding encoding, int sampleRate)
        => new() { Container = AudioContainer.Raw, Encoding = encoding, SampleRate = sampleRate };

    /// <summary>A WAV file (bytes endpoints only).</summary>
    /// <param name="encoding">The sample encoding, for example <see cref="AudioEncoding.PcmS16LE"/>.</param>
    /// <param name="sampleRate">The sample rate in Hz.</param>
    public static AudioOutputFormat Wav(AudioEncoding encoding, int sampleRate)
        => new() { Container = AudioContainer.Wav, Encoding = encoding, SampleRate = sampleRate };

    /// <summary>An MP3 stream (bytes endpoints only).</summary>
    /// <param name="sampleRate">The sample rate in Hz.</param>
    /// <param name="bitRate">The bit rate in bit/s, for example 128000.</param>
    public static AudioOutputFormat Mp3(int sampleRate, int bitRate)
        => new() { Container = AudioContainer.Mp3, SampleRate = sampleRate, BitRate = bitRate };

    /// <summary>
    /// The media type of audio in this format: <c>audio/wav</c>, <c>audio/mpeg</c>, or for raw audio
    /// <c>audio/L16</c>, <c>audio/PCMU</c>, <c>audio/PCMA</c> or <c>application/octet-stream</c>.
    /// </summary>
    [JsonIgnore]
    public string MediaType => Container.Value switch
    {
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        _ => Encoding?.Value switch
        {
            "pcm_s16le" => "audio/L16",
            "pcm_mulaw" => "audio/PCMU",
            "pcm_alaw" => "audio/PCMA",
            _ => "application/octet-stream",
        },
    };

    /// <inheritdoc />
    public override string ToString()
        => Container == AudioContainer.Mp3
            ? $"mp3 {SampleRate} Hz {BitRate} bit/s"
            : $"{Container} {Encoding} {SampleRate} Hz";
}
