using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Cartesia.Audio;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Tts;

/// <summary>
/// One context on the emulator's TTS WebSocket: it buffers text as the service does (until a sentence ends, a
/// flush or the last input arrives, or <c>max_buffer_delay_ms</c> passes), speaks it in segments whose audio and
/// timestamps continue where the previous segment ended, counts flush ids from 1, and ends with <c>done</c>.
/// </summary>
internal sealed class EmulatorTtsContext : IDisposable
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '…', '。', '！', '？'];
    private readonly EmulatorTtsConnection _connection;
    private readonly Channel<TtsInput> _inputs = Channel.CreateUnbounded<TtsInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StringBuilder _pending = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly int _maxBufferDelayMs;
    private readonly Stopwatch _clock = new();
    private double _audioOffset;
    private int _flushId = 1;
    private int _chunks;
    private long _pendingSince;

    public EmulatorTtsContext(EmulatorTtsConnection connection, string contextId, TtsJob settings, int maxBufferDelayMs)
    {
        _connection = connection;
        ContextId = contextId;
        Settings = settings;
        _maxBufferDelayMs = maxBufferDelayMs;
    }

    public string ContextId { get; }

    /// <summary>The settings of the first input; later inputs must repeat them.</summary>
    public TtsJob Settings { get; }

    public bool IsCancelled => _cancel.IsCancellationRequested;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync);

    public void Enqueue(TtsInput input) => _inputs.Writer.TryWrite(input);

    /// <summary>Stops generating; nothing more is sent for the context (unless a fault says otherwise).</summary>
    public void Cancel()
    {
        _cancel.Cancel();
        _inputs.Writer.TryComplete();
    }

    public void Dispose() => _cancel.Dispose();

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                TtsInput? input = await NextInputAsync().ConfigureAwait(false);
                if (input is null)
                {
                    // The buffer delay passed: speak the whole words received so far.
                    await SpeakAsync(TakeCompleteWords()).ConfigureAwait(false);
                    continue;
                }

                if (_pending.Length == 0)
                {
                    _pendingSince = Stopwatch.GetTimestamp();
                }

                _pending.Append(input.Value.Transcript);
                if (input.Value.Flush || !input.Value.Continue)
                {
                    await SpeakAsync(TakeAll()).ConfigureAwait(false);
                    if (input.Value.Flush && !await _connection.SendAsync(TtsEventWriter.FlushDone(ContextId, _flushId++)).ConfigureAwait(false))
                    {
                        return;
                    }

                    if (!input.Value.Continue)
                    {
                        await _connection.SendAsync(TtsEventWriter.Done(ContextId)).ConfigureAwait(false);
                        return;
                    }
                }
                else if (_maxBufferDelayMs == 0)
                {
                    await SpeakAsync(TakeCompleteWords()).ConfigureAwait(false);
                }
                else
                {
                    await SpeakAsync(TakeCompleteSentences()).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled, or the connection went away.
        }
        finally
        {
            _connection.OnContextEnded(this);
        }
    }

    /// <summary>The next input, or null when buffered text has waited <c>max_buffer_delay_ms</c>.</summary>
    private async Task<TtsInput?> NextInputAsync()
    {
        CancellationToken cancel = _cancel.Token;
        if (_pending.Length > 0 && HasWholeWord())
        {
            TimeSpan remaining = TimeSpan.FromMilliseconds(_maxBufferDelayMs) - Stopwatch.GetElapsedTime(_pendingSince);
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            wait.CancelAfter(remaining);
            try
            {
                return await _inputs.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return null;
            }
            catch (ChannelClosedException)
            {
                throw new OperationCanceledException();
            }
        }

        try
        {
            return await _inputs.Reader.ReadAsync(cancel).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new OperationCanceledException();
        }
    }

    private bool HasWholeWord()
    {
        for (int i = 0; i < _pending.Length; i++)
        {
            if (char.IsWhiteSpace(_pending[i]) && i > 0 && !char.IsWhiteSpace(_pending[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private string TakeAll() => Take(_pending.Length);

    /// <summary>Everything up to the last white space: a word still being typed stays buffered.</summary>
    private string TakeCompleteWords()
    {
        string text = _pending.ToString();
        int end = text.Length;
        while (end > 0 && !char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return Take(end);
    }

    /// <summary>Everything up to the last sentence end followed by white space.</summary>
    private string TakeCompleteSentences()
    {
        string text = _pending.ToString();
        for (int i = text.Length - 2; i >= 0; i--)
        {
            if (Array.IndexOf(SentenceEnds, text[i]) >= 0 && char.IsWhiteSpace(text[i + 1]))
            {
                return Take(i + 1);
            }
        }

        return string.Empty;
    }

    private string Take(int length)
    {
        string taken = _pending.ToString(0, length);
        _pending.Remove(0, length);
        _pendingSince = Stopwatch.GetTimestamp();
        return taken;
    }

    /// <summary>Speaks a segment: audio chunks with the current flush id, timestamps offset to the context's timeline.</summary>
    private async Task SpeakAsync(string text)
    {
        if (SpeechSynthesizer.Words(text).Length == 0)
        {
            return;
        }

        OutputSpec output = Settings.Output;
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(text, output.SampleRate, Settings.Speed, Settings.Volume, leadingSilence: _audioOffset == 0 ? SpeechSynthesizer.LeadingSilence : 0);
        byte[] audio = PcmCodec.Encode(speech.Samples, output.Encoding!);
        EmulatorPacing pacing = _connection.Pacing;
        int chunkBytes = AudioRenderer.ChunkBytes(output, pacing.ChunkDuration.TotalSeconds);
        int wordsSent = 0, phonemesSent = 0;
        if (!_clock.IsRunning)
        {
            _clock.Start();
        }

        for (int offset = 0; offset < audio.Length; offset += chunkBytes)
        {
            TimeSpan due = pacing.TimeToFirstAudio + TimeSpan.FromSeconds(_chunks * pacing.ChunkDuration.TotalSeconds * pacing.RealTimeFactor);
            if (due > _clock.Elapsed)
            {
                await Task.Delay(due - _clock.Elapsed, _cancel.Token).ConfigureAwait(false);
            }

            if (_cancel.IsCancellationRequested)
            {
                return;
            }

            int length = Math.Min(chunkBytes, audio.Length - offset);
            if (!await _connection.SendChunkAsync(this, TtsEventWriter.Chunk(audio.AsMemory(offset, length), ContextId, pacing.ChunkDuration.TotalMilliseconds * pacing.RealTimeFactor, _flushId)).ConfigureAwait(false))
            {
                _cancel.Cancel();
                return;
            }

            _chunks++;
            double heard = (double)(offset + length) / output.BytesPerSecond;
            if (Settings.AddTimestamps)
            {
                wordsSent = await SendTimingsAsync(speech.Words, wordsSent, heard, t => TtsEventWriter.WordTimestamps(t, ContextId, _flushId)).ConfigureAwait(false);
            }

            if (Settings.AddPhonemeTimestamps)
            {
                phonemesSent = await SendTimingsAsync(speech.Phonemes, phonemesSent, heard, t => TtsEventWriter.PhonemeTimestamps(t, ContextId, _flushId)).ConfigureAwait(false);
            }
        }

        _audioOffset += speech.Duration;
    }

    private async Task<int> SendTimingsAsync(IReadOnlyList<SpeechTiming> all, int sent, double heardSeconds, Func<IReadOnlyList<SpeechTiming>, byte[]> toEvent)
    {
        int upTo = sent;
        while (upTo < all.Count && all[upTo].End <= heardSeconds + 1e-9)
        {
            upTo++;
        }

        if (upTo > sent)
        {
            double offset = _audioOffset;
            var shifted = all.Skip(sent).Take(upTo - sent).Select(t => t with { Start = Math.Round(t.Start + offset, 4), End = Math.Round(t.End + offset, 4) }).ToList();
            await _connection.SendAsync(toEvent(shifted)).ConfigureAwait(false);
        }

        return upTo;
    }
}
