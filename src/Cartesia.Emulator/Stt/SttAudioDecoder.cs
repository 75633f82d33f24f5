using Cartesia.Audio;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Stt;

/// <summary>Turns an uploaded audio file into mono samples: WAV, MP3, or raw PCM described by the query.</summary>
internal static class SttAudioDecoder
{
    public static (float[] Samples, int SampleRate) Decode(byte[] file, string? encoding, int? sampleRate)
    {
        ReadOnlySpan<byte> head = file;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return DecodeWav(file);
        }

        if (head.StartsWith("ID3"u8) || (encoding is null && head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return DecodeMp3(file);
        }

        if (head.StartsWith("fLaC"u8) || head.StartsWith("OggS"u8) || (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) || head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            throw ApiError.BadRequest("Unsupported audio", "The emulator transcribes WAV, MP3 and raw PCM uploads; convert FLAC, Ogg, M4A and WebM first.", "unsupported_audio_format");
        }

        if (encoding is null || sampleRate is null)
        {
            throw ApiError.BadRequest("Invalid audio", "The audio has no known container: for raw PCM, pass the encoding and sample_rate query parameters.");
        }

        return (PcmCodec.Decode(file, encoding), sampleRate.Value);
    }

    /// <summary>Checks the raw-PCM query parameters (both or neither).</summary>
    public static (string? Encoding, int? SampleRate) ReadQuery(HttpRequest request)
    {
        string? encoding = request.Query["encoding"].FirstOrDefault();
        string? rateText = request.Query["sample_rate"].FirstOrDefault();
        int? rate = null;
        if (rateText is not null)
        {
            rate = int.TryParse(rateText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value is > 0 and <= 192000
                ? value
                : throw ApiError.Invalid($"sample_rate must be a whole number of Hz; '{rateText}' is not.");
        }

        if (encoding is not null && !SttModels.Encodings.Contains(encoding))
        {
            throw ApiError.BadRequest("Invalid encoding", $"'{encoding}' is not a supported encoding; use one of {string.Join(", ", SttModels.Encodings)}.");
        }

        return (encoding, rate);
    }

    private static (float[], int) DecodeWav(byte[] file)
    {
        WavFormat wav;
        try
        {
            wav = WavHeader.Read(file);
        }
        catch (FormatException ex)
        {
            throw ApiError.BadRequest("Invalid audio", $"The WAV file cannot be read: {ex.Message}");
        }

        int length = (int)Math.Min(wav.DataLength, file.Length - wav.DataOffset);
        float[] interleaved = PcmCodec.Decode(file.AsSpan((int)wav.DataOffset, length), wav.Encoding);
        return (ToMono(interleaved, wav.Channels), wav.SampleRate);
    }

    private static (float[], int) DecodeMp3(byte[] file)
    {
        try
        {
            using var mp3 = new NLayer.MpegFile(new MemoryStream(file));
            var samples = new List<float>();
            float[] buffer = new float[8192];
            int read;
            while ((read = mp3.ReadSamples(buffer, 0, buffer.Length)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, read));
            }

            return (ToMono([.. samples], mp3.Channels), mp3.SampleRate);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw ApiError.BadRequest("Invalid audio", $"The MP3 file cannot be decoded: {ex.Message}");
        }
    }

    private static float[] ToMono(float[] interleaved, int channels)
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
