using System.Diagnostics;
using Cartesia.Core.Audio;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Tts;

/// <summary>
/// What a context measured (part of <see cref="TtsContext"/>): when its first text went out and its first audio
/// came back (on the client's <see cref="TimeProvider"/>), how many chunks and bytes of audio arrived, the word
/// timestamps received (to tell what the listener heard), and the context's telemetry: its span and its audio
/// metrics, started with the first text and ended with the context.
/// </summary>
/// <remarks>Every member is called under the context's lock.</remarks>
internal sealed class TtsContextProgress
{
    private readonly TimeProvider _time;
    private readonly string _contextId;
    private readonly TtsContextOptions _options;
    private List<TimedText>? _words; // made at the first word timestamps
    private long _firstSendTimestamp;
    private long _firstChunkTimestamp;
    private bool _timestampsReceived;
    private Activity? _activity;
    private AudioStreamTelemetry? _audioTelemetry;

    public TtsContextProgress(TimeProvider time, string contextId, TtsContextOptions options)
    {
        _time = time;
        _contextId = contextId;
        _options = options;
    }

    /// <summary>Audio bytes received.</summary>
    public long AudioBytes { get; private set; }

    /// <summary>Audio chunks received.</summary>
    public int Chunks { get; private set; }

    /// <summary>Whether any audio arrived.</summary>
    public bool HasFirstChunk => _firstChunkTimestamp != 0;

    /// <summary>The first text went out: the clock for time to first audio starts, and the context's telemetry.</summary>
    public void OnFirstSend()
    {
        _firstSendTimestamp = _time.GetTimestamp();
        _audioTelemetry = new AudioStreamTelemetry("tts.context", _options.OutputFormat, _options.ModelId.Value, Stopwatch.GetTimestamp());
        _activity = Telemetry.StartDetachedOperation("tts.context");
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag("cartesia.context_id", _contextId);
            _activity.SetTag("cartesia.model", _options.ModelId.Value);
        }
    }

    /// <summary>Counts a chunk of audio.</summary>
    /// <returns>Whether it is the context's first.</returns>
    public bool OnChunk(TtsChunkEvent chunk)
    {
        bool first = false;
        if (_firstChunkTimestamp == 0)
        {
            _firstChunkTimestamp = _time.GetTimestamp();
            first = true;
        }

        Chunks++;
        AudioBytes += chunk.Audio.Length;
        _audioTelemetry?.OnAudio();
        return first;
    }

    /// <summary>Keeps word timestamps for <see cref="SpokenText"/>.</summary>
    public void OnWords(WordTimestamps words)
    {
        _timestampsReceived = true;
        (_words ??= []).AddRange(words.ToTimedWords());
    }

    /// <summary>The metrics so far.</summary>
    public TtsContextMetrics Metrics(int charactersSent)
    {
        TimeSpan? ttfa = _firstChunkTimestamp == 0 ? null : _time.GetElapsedTime(_firstSendTimestamp, _firstChunkTimestamp);
        return new TtsContextMetrics(ttfa, AudioBytes, AudioDuration(AudioBytes), Chunks, charactersSent);
    }

    /// <summary>The prefix of <paramref name="sentText"/> spoken within <paramref name="played"/> of audio, if timestamps arrived.</summary>
    public TtsSpokenText SpokenText(string sentText, TimeSpan played)
        => _timestampsReceived ? SpokenTextAligner.Align(sentText, _words ?? [], played) : TtsSpokenText.Unknown;

    /// <summary>How long <paramref name="bytes"/> of the context's audio last.</summary>
    public TimeSpan AudioDuration(long bytes)
    {
        int perSample = _options.OutputFormat.Encoding?.BytesPerSample ?? 0;
        return perSample == 0 || _options.OutputFormat.SampleRate <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)bytes / (perSample * _options.OutputFormat.SampleRate));
    }

    /// <summary>Ends the context's telemetry with its outcome.</summary>
    public void End(TtsContextState state, Exception? failure)
    {
        _audioTelemetry?.OnEnded(AudioBytes);
        if (failure is not null)
        {
            Telemetry.RecordError(_activity, "tts.context", failure);
        }

        if (_activity is { } activity)
        {
            activity.SetTag("cartesia.outcome", state.ToString().ToLowerInvariant());
            activity.SetTag("cartesia.audio_bytes", AudioBytes);
            if (_firstChunkTimestamp != 0)
            {
                activity.SetTag("cartesia.time_to_first_audio_ms", _time.GetElapsedTime(_firstSendTimestamp, _firstChunkTimestamp).TotalMilliseconds);
            }

            activity.Stop();
            activity.Dispose();
            _activity = null;
        }
    }
}
