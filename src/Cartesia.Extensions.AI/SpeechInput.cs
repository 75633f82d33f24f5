using Cartesia.Audio;
using Cartesia.Core.Http;
using Cartesia.Stt;

namespace Cartesia.Extensions.AI;

/// <summary>
/// A caller's audio stream after a look at its start: what it holds and, for raw PCM or WAV, its encoding and
/// sample rate. <see cref="Audio"/> still yields every byte (the stream rewound when it can seek, otherwise the
/// bytes read so far followed by the rest); the caller's stream is never disposed.
/// </summary>
internal sealed record SpeechInput(Stream Audio, SttFileKind Kind, AudioEncoding? Encoding, int? SampleRate)
{
    private const string Owner = "SpeechToTextOptions";

    /// <summary>Reads the start of the stream (a few bytes, or a WAV header) and checks it against the options.</summary>
    /// <param name="audioSpeechStream">The caller's stream.</param>
    /// <param name="settings">What the options ask for.</param>
    /// <param name="streaming">Whether it goes to a streaming session, which takes only raw PCM or WAV.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="ArgumentException">The audio cannot be used as the options describe it.</exception>
    public static async Task<SpeechInput> InspectAsync(Stream audioSpeechStream, SpeechToTextOptionsMapper.Settings settings, bool streaming, CancellationToken cancellationToken)
    {
        Stream audio = audioSpeechStream;
        if (!audio.CanRead)
        {
            throw new ArgumentException("The audio stream is not readable.", nameof(audioSpeechStream));
        }

        long? start = audio.CanSeek ? audio.Position : null;
        byte[] head = new byte[SttFileSniffer.HeadBytes];
        // A streaming source may be live: read only what tells a container apart. A file to upload is read further,
        // so an MP3 without an ID3 tag is recognised by its frames.
        int count = streaming
            ? await audio.ReadAtLeastAsync(head, 12, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)
            : await audio.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        SttFileKind kind = SttFileSniffer.Detect(head.AsSpan(0, count), allowFrameSync: settings.Encoding is null && !streaming);
        WavFormat? wav = null;
        if (kind == SttFileKind.Wav)
        {
            (wav, count, _) = await SttValidator.ReadWavHeaderAsync(audio, head, count, nameof(audioSpeechStream), cancellationToken).ConfigureAwait(false);
        }

        Stream whole;
        if (start is { } position)
        {
            audio.Position = position;
            whole = audio;
        }
        else
        {
            whole = new PrefixedStream(head.AsMemory(0, count), audio, ownsInner: false);
        }

        switch (kind)
        {
            case SttFileKind.Raw:
                int sampleRate = settings.SampleRate
                    ?? throw new ArgumentException($"The audio has no container (raw PCM), so {Owner}.SpeechSampleRate must give its sample rate (and AdditionalProperties['{CartesiaAdditionalProperties.InputEncoding}'] its encoding if it is not pcm_s16le).", nameof(audioSpeechStream));
                return new SpeechInput(whole, kind, settings.Encoding ?? AudioEncoding.PcmS16LE, sampleRate);
            case SttFileKind.Wav:
                WavFormat format = wav!.Value;
                AudioEncoding encoding = settings.Encoding ?? format.Encoding;
                int rate = settings.SampleRate ?? format.SampleRate;
                SttValidator.ValidateWav(format, encoding, rate, Owner, "stream", nameof(audioSpeechStream));
                return new SpeechInput(whole, kind, encoding, rate);
            default:
                if (streaming)
                {
                    throw new ArgumentException($"The audio stream is {SttFileSniffer.Describe(kind)}; streaming transcription takes raw PCM or WAV. Use GetTextAsync for files with other containers.", nameof(audioSpeechStream));
                }

                if (settings.Encoding is not null)
                {
                    throw new ArgumentException($"The audio stream is {SttFileSniffer.Describe(kind)}, which says its own format, but AdditionalProperties['{CartesiaAdditionalProperties.InputEncoding}'] describes raw PCM; leave it unset.", nameof(audioSpeechStream));
                }

                return new SpeechInput(whole, kind, null, null);
        }
    }
}
