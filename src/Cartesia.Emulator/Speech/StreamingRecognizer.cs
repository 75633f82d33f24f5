namespace Cartesia.Emulator.Speech;

/// <summary>
/// <see cref="SpeechRecognizer"/> over audio that arrives piece by piece: a word is read once its burst is
/// followed by enough silence to be complete, so a word split across frames is never cut or read twice. Keeps only
/// the audio not yet read (a little lookback of silence, and a word still sounding), so memory stays small on long
/// sessions. Times are seconds from the start of the stream.
/// </summary>
internal sealed class StreamingRecognizer
{
    /// <summary>The silence after a burst that proves it ended (the burst detector merges gaps up to 8 ms).</summary>
    private const double CompletionSeconds = 0.02;

    /// <summary>
    /// Audio kept at the end when no sound is going on: the burst detector ignores sounds shorter than 62.5 ms, so
    /// a word that began just before the end of a frame may not be seen as sound yet.
    /// </summary>
    private const double LookbackSeconds = 0.1;

    /// <summary>A sound longer than this is not a word (the longest word lasts about a second): it is dropped.</summary>
    private const double LongestSoundSeconds = 5;

    /// <summary>The level (RMS) above which a millisecond counts as sound, as the burst detector has it.</summary>
    private const double SoundThreshold = 0.02;

    private readonly int _sampleRate;
    private float[] _buffer = new float[8192];
    private int _count;
    private long _bufferStart;
    private long _total;

    public StreamingRecognizer(int sampleRate) => _sampleRate = sampleRate;

    /// <summary>Seconds of audio received.</summary>
    public double Seconds => (double)_total / _sampleRate;

    /// <summary>Whether a sound was still going on at the end of what was received.</summary>
    public bool Sounding => SoundStart is not null;

    /// <summary>
    /// Where the sound going on at the end of what was received began (seconds), however short it is so far; null
    /// when the audio after the last word is silent.
    /// </summary>
    public double? SoundStart { get; private set; }

    /// <summary>How many sounds (words, noise) have ended so far.</summary>
    public int Sounds { get; private set; }

    /// <summary>Adds audio; returns the words completed by it.</summary>
    public List<RecognizedWord> Append(ReadOnlySpan<float> samples)
    {
        if (_count + samples.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + samples.Length));
        }

        samples.CopyTo(_buffer.AsSpan(_count));
        _count += samples.Length;
        _total += samples.Length;
        return Scan(final: false);
    }

    /// <summary>Reads everything received, as if silence followed (a word cut off at the end is lost).</summary>
    public List<RecognizedWord> Flush()
    {
        List<RecognizedWord> words = Scan(final: true);
        _bufferStart += _count;
        _count = 0;
        SoundStart = null;
        return words;
    }

    private List<RecognizedWord> Scan(bool final)
    {
        var words = new List<RecognizedWord>();
        ReadOnlySpan<float> pending = _buffer.AsSpan(0, _count);
        List<(int Start, int End)> bursts = SpeechRecognizer.FindBursts(pending, _sampleRate);
        int completion = (int)(CompletionSeconds * _sampleRate);
        int consumed = 0;
        for (int i = 0; i < bursts.Count; i++)
        {
            (int start, int end) = bursts[i];
            if (!final && end + completion > _count)
            {
                if (_count - start > LongestSoundSeconds * _sampleRate)
                {
                    // Endless sound is noise, not speech: forget it rather than hold it.
                    consumed = Math.Max(consumed, _count - completion);
                }

                break;
            }

            Sounds++;
            int next = i + 1 < bursts.Count ? bursts[i + 1].Start : _count;
            int sliceEnd = Math.Min(_count, end + Math.Max(1, Math.Min(completion, (next - end) / 2)));
            double offset = (double)(_bufferStart + consumed) / _sampleRate;
            words.AddRange(SpeechRecognizer.Recognize(pending[consumed..sliceEnd], _sampleRate, offset));
            consumed = sliceEnd;
        }

        if (bursts.Count == 0 || consumed >= bursts[^1].End)
        {
            // Nothing is sounding: keep only a little of the end, where a word may be starting.
            consumed = Math.Max(consumed, _count - (int)(LookbackSeconds * _sampleRate));
        }

        if (consumed > 0)
        {
            _buffer.AsSpan(consumed, _count - consumed).CopyTo(_buffer);
            _count -= consumed;
            _bufferStart += consumed;
        }

        SoundStart = FirstSound();
        return words;
    }

    /// <summary>The time of the first loud millisecond of the audio kept (which follows the last word read).</summary>
    private double? FirstSound()
    {
        int frame = Math.Max(1, _sampleRate / 1000);
        for (int start = 0; start + frame <= _count; start += frame)
        {
            double sum = 0;
            foreach (float sample in _buffer.AsSpan(start, frame))
            {
                sum += sample * sample;
            }

            if (Math.Sqrt(sum / frame) > SoundThreshold)
            {
                return (double)(_bufferStart + start) / _sampleRate;
            }
        }

        return null;
    }
}
