using Cartesia.Audio;
using Cartesia.Emulator.Journal;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Speech;

/// <summary>
/// Decodes an uploaded audio clip to samples: a WAV file (any encoding the SDK's codec knows), or raw samples
/// whose format the part's content type declares (<c>audio/L16;rate=16000</c> for s16le, <c>audio/PCMU</c>,
/// <c>audio/PCMA</c>, <c>audio/x-f32le</c>, each with <c>rate=</c>).
/// </summary>
internal static class ClipDecoder
{
    public static (float[] Samples, int SampleRate) Decode(EmulatorFormPart clip, string field)
    {
        byte[] data = clip.Content;
        if (data.Length == 0)
        {
            throw ApiError.Invalid($"'{field}' is empty.");
        }

        if (data.AsSpan().StartsWith("RIFF"u8))
        {
            try
            {
                WavFormat wav = WavHeader.Read(data);
                long length = Math.Min(wav.DataLength, data.Length - wav.DataOffset);
                float[] interleaved = PcmCodec.Decode(data.AsSpan((int)wav.DataOffset, (int)length), wav.Encoding);
                return (Mono(interleaved, wav.Channels), wav.SampleRate);
            }
            catch (FormatException ex)
            {
                throw ApiError.Invalid($"'{field}' is not a WAV file the service can read: {ex.Message}");
            }
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

        return (PcmCodec.Decode(data, encoding.Value), rate);
    }

    private static float[] Mono(float[] interleaved, int channels)
    {
        if (channels <= 1)
        {
            return interleaved;
        }

        float[] mono = new float[interleaved.Length / channels];
        for (int i = 0; i < mono.Length; i++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++)
            {
                sum += interleaved[(i * channels) + c];
            }

            mono[i] = sum / channels;
        }

        return mono;
    }
}
