using Cartesia.Audio;
using Cartesia.Emulator.Journal;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Speech;

/// <summary>
/// Hears an uploaded audio clip, streaming it from where it was spooled: a WAV file (any encoding the SDK's codec
/// knows), or raw samples whose format the part's content type declares (<c>audio/L16;rate=16000</c> for s16le,
/// <c>audio/PCMU</c>, <c>audio/PCMA</c>, <c>audio/x-f32le</c>, each with <c>rate=</c>).
/// </summary>
internal static class ClipDecoder
{
    /// <summary>Whether the clip starts like a WAV file.</summary>
    public static bool IsWav(UploadedPart clip) => clip.Head(4).AsSpan().SequenceEqual("RIFF"u8);

    public static HeardAudio Listen(UploadedPart clip, string field)
    {
        if (clip.Length == 0)
        {
            throw ApiError.Invalid($"'{field}' is empty.");
        }

        if (IsWav(clip))
        {
            WavFormat wav;
            long length;
            try
            {
                (wav, length) = AudioListener.WavData(clip.Head(64 * 1024), clip.Length);
            }
            catch (FormatException ex)
            {
                throw ApiError.Invalid($"'{field}' is not a WAV file the service can read: {ex.Message}");
            }

            using Stream wavStream = clip.OpenRead();
            wavStream.Seek(wav.DataOffset, SeekOrigin.Begin);
            return AudioListener.Pcm(wavStream, length, wav.Encoding, wav.Channels, wav.SampleRate);
        }

        string? type = clip.ContentType;
        string media = type?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        AudioEncoding? encoding = media switch
        {
            "audio/l16" or "audio/x-s16le" => AudioEncoding.PcmS16LE,
            "audio/pcmu" or "audio/basic" => AudioEncoding.PcmMulaw,
            "audio/pcma" => AudioEncoding.PcmAlaw,
            "audio/x-f32le" => AudioEncoding.PcmF32LE,
            _ => (AudioEncoding?)null,
        };
        string? rateText = type is null ? null : MultipartParser.Parameter(type, "rate");
        if (encoding is null || !int.TryParse(rateText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int rate) || rate <= 0)
        {
            throw new ApiError(415, "unsupported_audio", "Unsupported audio", $"'{field}' ({type ?? "no content type"}) is not audio the emulator can decode: send a WAV file, or raw samples typed like audio/L16;rate=16000.");
        }

        using Stream stream = clip.OpenRead();
        return AudioListener.Pcm(stream, clip.Length, encoding.Value, 1, rate);
    }
}
