using Cartesia.Audio;
using Cartesia.Core.Audio;
using Cartesia.Stt;

namespace Cartesia.Agents;

/// <summary>
/// Feeds a whole source of audio into a call through its own push (so each piece is framed and bounded like any
/// other): a stream (a WAV header is checked against the call's format and skipped) or a sequence of pieces, as fast
/// as the queue takes them or paced to real time on the client's clock (the speech-to-text <see cref="AudioPacer"/>).
/// </summary>
internal sealed class AgentAudioFeeder
{
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> _push;
    private readonly AgentAudioFormat _format;
    private readonly int _frameBytes;
    private readonly string _optionsName;
    private readonly TimeProvider _time;

    public AgentAudioFeeder(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> push, AgentAudioFormat format, int frameBytes, string optionsName, TimeProvider time)
    {
        _push = push;
        _format = format;
        _frameBytes = frameBytes;
        _optionsName = optionsName;
        _time = time;
    }

    public static void CheckPacing(AgentAudioPacing pacing)
    {
        if (!Enum.IsDefined(pacing))
        {
            throw new ArgumentOutOfRangeException(nameof(pacing), pacing, "Unknown pacing.");
        }
    }

    /// <summary>Sends a stream's audio to its end.</summary>
    public async Task SendAsync(Stream audio, AgentAudioPacing pacing, CancellationToken cancellationToken)
    {
        byte[] head = new byte[4096];
        int headCount = await audio.ReadAtLeastAsync(head, 12, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        int dataStart = 0;
        long dataRemaining = long.MaxValue;
        if (headCount >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            (WavFormat wav, headCount, bool declared) = await SttValidator.ReadWavHeaderAsync(audio, head, headCount, nameof(audio), cancellationToken).ConfigureAwait(false);
            CheckWav(wav, nameof(audio));
            dataStart = (int)wav.DataOffset;
            dataRemaining = declared ? wav.DataLength : long.MaxValue;
        }

        var pacer = new AudioPacer(pacing == AgentAudioPacing.RealTime ? _format.BytesPerSecond : null, _time);
        await pacer.PumpAsync(audio, head, headCount, dataStart, dataRemaining, _frameBytes, _push, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every piece of a sequence, in order.</summary>
    public async Task SendAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, AgentAudioPacing pacing, CancellationToken cancellationToken)
    {
        var pacer = new AudioPacer(pacing == AgentAudioPacing.RealTime ? _format.BytesPerSecond : null, _time);
        await pacer.PumpAsync(audio, _push, cancellationToken).ConfigureAwait(false);
    }

    private void CheckWav(WavFormat wav, string paramName)
    {
        var disagreements = new List<string>();
        if (wav.Encoding != _format.Encoding)
        {
            disagreements.Add($"its encoding is {wav.Encoding} but {_format} is {_format.Encoding}");
        }

        if (wav.SampleRate != _format.SampleRate)
        {
            disagreements.Add($"its sample rate is {wav.SampleRate} Hz but {_format} is {_format.SampleRate} Hz");
        }

        if (wav.Channels != 1)
        {
            disagreements.Add($"it has {wav.Channels} channels but agent calls take mono audio");
        }

        if (disagreements.Count > 0)
        {
            throw new ArgumentException(
                $"The WAV audio does not match the call's format ({_optionsName}.InputFormat = {_format}): {string.Join("; ", disagreements)}. Connect with the file's format, or convert it (Cartesia.Audio.AudioConverter).",
                paramName);
        }
    }
}
