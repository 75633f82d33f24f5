using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Stt;

/// <summary>
/// <c>/stt/websocket</c> (PROTOCOL.md §13): an interim transcript (<c>is_final:false</c>) each time a word
/// completes; on <c>finalize</c> the final transcript of everything received, then <c>flush_done</c>; on
/// <c>close</c> (or the legacy <c>done</c>) the final transcript, <c>done</c>, and a normal close. Ink Whisper also
/// finalizes by itself after <c>max_silence_duration_secs</c> of silence. Final texts are deltas that join
/// verbatim: every segment after the first that has words starts with a space.
/// </summary>
internal sealed class ManualSttSession : SttSocketSession
{
    /// <summary>The silence after which Ink Whisper finalizes, unless the client set its own.</summary>
    private const double DefaultMaxSilenceSeconds = 0.3;

    private readonly List<RecognizedWord> _segment = [];
    private double _segmentStart;
    private int _segmentSounds;
    private bool _spoken;

    public ManualSttSession(EmulatorWebSocket socket, ApiContext api, SttSocketParameters parameters) : base(socket, api, parameters)
    {
    }

    protected override async Task OnAudioAsync(List<RecognizedWord> words)
    {
        bool finalizesOnSilence = SttModels.FinalizesOnSilence(Parameters.Model);
        double maxSilence = Parameters.MaxSilenceSeconds ?? DefaultMaxSilenceSeconds;
        foreach (RecognizedWord word in words)
        {
            if (finalizesOnSilence && _segment.Count > 0 && word.Start - _segment[^1].End >= maxSilence)
            {
                await SendFinalAsync(_segment[^1].End + maxSilence).ConfigureAwait(false);
            }

            _segment.Add(word);
            await SendAsync(SttEventWriter.Transcript(RequestId, SegmentText(), isFinal: false, duration: null, language: null, words: null)).ConfigureAwait(false);
        }

        if (finalizesOnSilence && _segment.Count > 0 && (Recognizer.SoundStart ?? Recognizer.Seconds) - _segment[^1].End >= maxSilence)
        {
            await SendFinalAsync(_segment[^1].End + maxSilence).ConfigureAwait(false);
        }
    }

    protected override async Task<bool> OnCommandAsync(string text)
    {
        switch (text)
        {
            case "finalize":
                await DelayLastTranscriptAsync().ConfigureAwait(false);
                _segment.AddRange(Recognizer.Flush());
                await SendFinalAsync(Recognizer.Seconds).ConfigureAwait(false);
                await SendAsync(SttEventWriter.Simple("flush_done", RequestId)).ConfigureAwait(false);
                return false;
            case "close" or "done":
                await DelayLastTranscriptAsync().ConfigureAwait(false);
                _segment.AddRange(Recognizer.Flush());
                await SendFinalAsync(Recognizer.Seconds).ConfigureAwait(false);
                await SendAsync(SttEventWriter.Simple("done", RequestId)).ConfigureAwait(false);
                return true;
            default:
                throw UnknownCommand(text, "send the text 'finalize' or 'close' (not JSON), and audio as binary frames.");
        }
    }

    /// <summary>
    /// The final transcript of the audio since the last one: its words, or empty text when it held only sounds that
    /// are not speech; nothing when it was silent.
    /// </summary>
    /// <param name="at">Where the segment ends in the audio (seconds).</param>
    private async Task SendFinalAsync(double at)
    {
        double duration = at - _segmentStart;
        if (_segment.Count == 0 && Recognizer.Sounds == _segmentSounds)
        {
            return;
        }

        string text = SegmentText();
        await SendAsync(SttEventWriter.Transcript(RequestId, text, isFinal: true, duration, Parameters.Language, [.. _segment])).ConfigureAwait(false);
        _spoken |= _segment.Count > 0;
        _segment.Clear();
        _segmentStart = at;
        _segmentSounds = Recognizer.Sounds;
    }

    private string SegmentText()
        => _segment.Count == 0 ? string.Empty : (_spoken ? " " : string.Empty) + string.Join(' ', _segment.Select(w => w.Word));
}
