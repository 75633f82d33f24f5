using Cartesia.Audio;
using Cartesia.Core.Audio;

namespace Cartesia.Stt;

/// <summary>
/// Feeds a whole source of audio into a session, piece by piece through the session's own push (so each piece is
/// framed and bounded like any other): a stream (a WAV header is checked against the session's format and skipped;
/// another container is refused before anything is sent) or a sequence of pieces, as fast as the queue takes them
/// or paced to real time (<see cref="AudioPacer"/>). It holds no session state.
/// </summary>
internal sealed class SttAudioFeeder
{
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> _push;
    private readonly AudioEncoding _encoding;
    private readonly int _sampleRate;
    private readonly int? _frameBytes;
    private readonly double? _bytesPerSecond;
    private readonly string _optionsName;
    private readonly TimeProvider _time;

    public SttAudioFeeder(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> push, SttStreamingSessionOptions options, TimeProvider time)
    {
        _push = push;
        _encoding = options.Encoding;
        _sampleRate = options.SampleRate;
        _frameBytes = options.FrameBytes;
        _bytesPerSecond = options.BytesPerSecond;
        _optionsName = options.GetType().Name;
        _time = time;
    }

    /// <summary>Checks the pacing: a known value, and real time only for an encoding whose rate is known.</summary>
    public void CheckPacing(SttPacing pacing)
    {
        if (!Enum.IsDefined(pacing))
        {
            throw new ArgumentOutOfRangeException(nameof(pacing), pacing, "Unknown pacing.");
        }

        if (pacing == SttPacing.RealTime && _bytesPerSecond is null)
        {
            throw new ArgumentException($"Real-time pacing needs a known encoding; '{_encoding}' is not one this SDK knows.", nameof(pacing));
        }
    }

    /// <summary>Sends a stream's audio to its end (the pacing is checked).</summary>
    public async Task SendAsync(Stream audio, SttPacing pacing, CancellationToken cancellationToken)
    {
        int chunk = _frameBytes ?? 8192;
        byte[] head = new byte[SttFileSniffer.HeadBytes];
        int headCount = await audio.ReadAtLeastAsync(head, 12, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        int dataStart = 0;
        long dataRemaining = long.MaxValue;
        if (SttFileSniffer.Detect(head.AsSpan(0, headCount), allowFrameSync: false) == SttFileKind.Wav)
        {
            (WavFormat wav, headCount, bool declared) = await SttValidator.ReadWavHeaderAsync(audio, head, headCount, nameof(audio), cancellationToken).ConfigureAwait(false);
            SttValidator.ValidateWav(wav, _encoding, _sampleRate, _optionsName, "stream", nameof(audio));
            dataStart = (int)wav.DataOffset;
            dataRemaining = declared ? wav.DataLength : long.MaxValue;
        }
        else if (SttFileSniffer.Detect(head.AsSpan(0, headCount), allowFrameSync: false) is not SttFileKind.Raw and var kind)
        {
            throw new ArgumentException($"The audio stream is {SttFileSniffer.Describe(kind)}; a streaming session takes raw PCM (or WAV) in the declared encoding. Use TranscribeAsync for files with other containers.", nameof(audio));
        }

        var pacer = new AudioPacer(pacing == SttPacing.RealTime ? _bytesPerSecond : null, _time);
        await pacer.PumpAsync(audio, head, headCount, dataStart, dataRemaining, chunk, _push, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every piece of a sequence, in order.</summary>
    public async Task SendAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, SttPacing pacing, CancellationToken cancellationToken)
    {
        var pacer = new AudioPacer(pacing == SttPacing.RealTime ? _bytesPerSecond : null, _time);
        await pacer.PumpAsync(audio, _push, cancellationToken).ConfigureAwait(false);
    }
}
