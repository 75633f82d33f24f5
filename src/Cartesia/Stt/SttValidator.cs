using Cartesia.Audio;
using Cartesia.Tts;

namespace Cartesia.Stt;

/// <summary>
/// Speech-to-text checks of everything knowable locally, before anything is sent; each throws
/// <see cref="ArgumentException"/> naming the field.
/// </summary>
internal static class SttValidator
{
    /// <summary>Validates a batch request's own fields.</summary>
    public static void ValidateRequest(SttTranscribeRequest request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        TtsRequestValidator.CheckId(request.Model.Value, "SttTranscribeRequest.Model (model)", paramName);
        if (request.Language is { } language)
        {
            TtsRequestValidator.CheckId(language.Value, "SttTranscribeRequest.Language (language)", paramName);
        }

        if (request.Encoding is { } encoding)
        {
            TtsRequestValidator.CheckId(encoding.Value, "SttTranscribeRequest.Encoding (encoding)", paramName);
        }

        if (request.SampleRate is { } rate && rate <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, rate, "SttTranscribeRequest.SampleRate (sample_rate) must be a positive number of Hz.");
        }

        if (request.Encoding is null != request.SampleRate is null)
        {
            throw new ArgumentException("SttTranscribeRequest.Encoding and SampleRate describe raw PCM together: set both (for raw audio) or neither (for a file with a container such as WAV or MP3).", paramName);
        }

        if (request.TimestampGranularities is null)
        {
            throw new ArgumentException("SttTranscribeRequest.TimestampGranularities must not be null (leave it empty for none).", paramName);
        }

        foreach (SttTimestampGranularity granularity in request.TimestampGranularities)
        {
            TtsRequestValidator.CheckId(granularity.Value, "SttTranscribeRequest.TimestampGranularities (timestamp_granularities[])", paramName);
        }

        if (request.FileName is { } name && (string.IsNullOrWhiteSpace(name) || Core.Validate.HasControl(name) || name.Contains('"', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"SttTranscribeRequest.FileName '{name}' is not a usable file name (empty, or with quotes or control characters).", paramName);
        }
    }

    /// <summary>
    /// Checks a batch request against the start of its audio and says what the audio is: a container must not be
    /// described as raw PCM, and a WAV header must agree with the declared encoding and sample rate (mono).
    /// </summary>
    public static SttFileKind ValidateUpload(SttTranscribeRequest request, ReadOnlySpan<byte> head, string source, string paramName)
    {
        if (head.IsEmpty)
        {
            throw new ArgumentException($"The audio ({source}) is empty.", paramName);
        }

        SttFileKind kind = SttFileSniffer.Detect(head, allowFrameSync: request.Encoding is null);
        if (kind == SttFileKind.Wav)
        {
            WavFormat wav = ReadWav(head, source, paramName);
            if (request.Encoding is { } encoding)
            {
                ValidateWav(wav, encoding, request.SampleRate!.Value, "SttTranscribeRequest", source, paramName);
            }
        }
        else if (kind != SttFileKind.Raw && request.Encoding is not null)
        {
            throw new ArgumentException(
                $"The audio ({source}) is {SttFileSniffer.Describe(kind)}, but SttTranscribeRequest.Encoding and SampleRate are set, which describe raw PCM; the service reads the format from the file, so leave them unset.",
                paramName);
        }

        return kind;
    }

    /// <summary>Reads a WAV header, turning a malformed one into an <see cref="ArgumentException"/>.</summary>
    public static WavFormat ReadWav(ReadOnlySpan<byte> head, string source, string paramName)
    {
        try
        {
            return WavHeader.Read(head);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"The audio ({source}) starts like a WAV file but its header cannot be used: {ex.Message}", paramName, ex);
        }
    }

    /// <summary>
    /// Reads more of a stream until its WAV header (up to the data chunk) parses within <paramref name="head"/>, whose
    /// first <paramref name="count"/> bytes are already read; a header that cannot be used is an <see cref="ArgumentException"/>.
    /// </summary>
    /// <returns>The format, how many bytes of <paramref name="head"/> are now filled, and whether the data length is declared.</returns>
    public static async ValueTask<(WavFormat Format, int Count, bool DeclaredLength)> ReadWavHeaderAsync(Stream audio, byte[] head, int count, string paramName, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                WavFormat format = WavHeader.Read(head.AsSpan(0, count));
                uint size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan((int)format.DataOffset - 4, 4));
                return (format, count, size is not (0 or WavHeader.UnknownLength));
            }
            catch (FormatException) when (count < head.Length)
            {
                int read = await audio.ReadAsync(head.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    // The stream ended inside the header: report why the header cannot be used.
                    _ = ReadWav(head.AsSpan(0, count), "stream", paramName);
                    throw;
                }

                count += read;
            }
            catch (FormatException ex)
            {
                throw new ArgumentException($"The audio stream starts like a WAV file but its header cannot be used: {ex.Message}", paramName, ex);
            }
        }
    }

    /// <summary>A WAV header must agree with the declared encoding, sample rate, and mono.</summary>
    public static void ValidateWav(WavFormat wav, AudioEncoding encoding, int sampleRate, string owner, string source, string paramName)
    {
        var disagreements = new List<string>();
        if (wav.Encoding != encoding)
        {
            disagreements.Add($"its encoding is {wav.Encoding} but {owner}.Encoding is {encoding}");
        }

        if (wav.SampleRate != sampleRate)
        {
            disagreements.Add($"its sample rate is {wav.SampleRate} Hz but {owner}.SampleRate is {sampleRate} Hz");
        }

        if (wav.Channels != 1)
        {
            disagreements.Add($"it has {wav.Channels} channels but the service takes mono audio");
        }

        if (disagreements.Count > 0)
        {
            throw new ArgumentException(
                $"The WAV header of the audio ({source}) disagrees with what was declared: {string.Join("; ", disagreements)}. Declare the file's real format or convert it (Cartesia.Audio.AudioResampler and PcmCodec).",
                paramName);
        }
    }

    /// <summary>At most 100 key terms, at most 1200 characters in all, none empty.</summary>
    public static void ValidateKeyterms(IList<string>? keyterms, string field, string paramName)
    {
        if (keyterms is null)
        {
            throw new ArgumentException($"{field} must not be null (leave it empty for none).", paramName);
        }

        if (keyterms.Count > SttStreamingSessionOptions.MaxKeyterms)
        {
            throw new ArgumentException($"{field} has {keyterms.Count} values; at most {SttStreamingSessionOptions.MaxKeyterms} are allowed.", paramName);
        }

        int total = 0;
        foreach (string term in keyterms)
        {
            if (string.IsNullOrWhiteSpace(term))
            {
                throw new ArgumentException($"{field} holds an empty value.", paramName);
            }

            total += term.Length;
        }

        if (total > SttStreamingSessionOptions.MaxKeytermCharacters)
        {
            throw new ArgumentException($"{field} holds {total} characters in all; at most {SttStreamingSessionOptions.MaxKeytermCharacters} characters are allowed.", paramName);
        }
    }

    /// <summary>A timeout must be positive (or infinite).</summary>
    public static void ValidateTimeout(TimeSpan value, string field, string paramName)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{field} must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }
}
