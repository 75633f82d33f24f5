using Cartesia.Audio;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Stt;

/// <summary>Turns an uploaded audio file into mono samples: WAV, MP3, or raw PCM described by the query.</summary>
internal static class SttAudioDecoder
{
    /// <summary>Hears an uploaded file, streaming it from where it was spooled.</summary>
    public static HeardAudio Listen(UploadedPart file, string? encoding, int? sampleRate)
    {
        byte[] head = file.Head(64 * 1024);
        if (head.Length >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            return ListenWav(file, head);
        }

        if (head.AsSpan().StartsWith("ID3"u8) || (encoding is null && head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return ListenMp3(file);
        }

        ReadOnlySpan<byte> start = head;
        if (start.StartsWith("fLaC"u8) || start.StartsWith("OggS"u8) || (start.Length >= 8 && start[4..8].SequenceEqual("ftyp"u8)) || start.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            throw ApiError.BadRequest("Unsupported audio", "The emulator transcribes WAV, MP3 and raw PCM uploads; convert FLAC, Ogg, M4A and WebM first.", "unsupported_audio_format");
        }

        if (encoding is null || sampleRate is null)
        {
            throw ApiError.BadRequest("Invalid audio", "The audio has no known container: for raw PCM, pass the encoding and sample_rate query parameters.");
        }

        using Stream stream = file.OpenRead();
        return AudioListener.Pcm(stream, file.Length, encoding, 1, sampleRate.Value);
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

    private static HeardAudio ListenWav(UploadedPart file, byte[] head)
    {
        WavFormat wav;
        long length;
        try
        {
            (wav, length) = AudioListener.WavData(head, file.Length);
        }
        catch (FormatException ex)
        {
            throw ApiError.BadRequest("Invalid audio", $"The WAV file cannot be read: {ex.Message}");
        }

        using Stream stream = file.OpenRead();
        stream.Seek(wav.DataOffset, SeekOrigin.Begin);
        return AudioListener.Pcm(stream, length, wav.Encoding, wav.Channels, wav.SampleRate);
    }

    private static HeardAudio ListenMp3(UploadedPart file)
    {
        try
        {
            using Stream stream = file.OpenRead();
            return AudioListener.Mp3(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw ApiError.BadRequest("Invalid audio", $"The MP3 file cannot be decoded: {ex.Message}");
        }
    }
}
