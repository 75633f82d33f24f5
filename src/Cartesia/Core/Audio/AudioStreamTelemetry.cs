using System.Diagnostics;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Core.Audio;

/// <summary>
/// Records time to first audio and seconds of audio for one streamed generation (bytes, SSE or a WebSocket
/// context): the first audio once, the total once at the end.
/// </summary>
internal sealed class AudioStreamTelemetry
{
    private readonly long _started;
    private readonly double _bytesPerSecond;
    private readonly string _operation;
    private readonly string? _model;
    private KeyValuePair<string, object?>[]? _tags; // made when a metric is first recorded (only with a listener)
    private int _firstRecorded;
    private int _ended;

    /// <param name="operation">The operation, for the metric tags (for example <c>tts.generate_sse</c>).</param>
    /// <param name="format">The audio format, to turn bytes into seconds (raw and wav by encoding, mp3 by bit rate).</param>
    /// <param name="model">The model id, for the metric tags.</param>
    /// <param name="started">When the operation started (a <see cref="Stopwatch"/> timestamp).</param>
    public AudioStreamTelemetry(string operation, AudioOutputFormat format, string? model, long started)
    {
        _started = started;
        _bytesPerSecond = BytesPerSecond(format);
        _operation = operation;
        _model = model;
    }

    private KeyValuePair<string, object?>[] Tags => _tags ??= [new("cartesia.operation", _operation), new("cartesia.model", _model)];

    /// <summary>Notes audio arriving; the first time, records the time to first audio.</summary>
    public void OnAudio()
    {
        if (Volatile.Read(ref _firstRecorded) == 0 && Interlocked.Exchange(ref _firstRecorded, 1) == 0 && Telemetry.TimeToFirstAudio.Enabled)
        {
            Telemetry.TimeToFirstAudio.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, Tags);
        }
    }

    /// <summary>Records how much audio arrived (once).</summary>
    public void OnEnded(long audioBytes)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0 && _bytesPerSecond > 0 && audioBytes > 0 && Telemetry.AudioDuration.Enabled)
        {
            Telemetry.AudioDuration.Add(audioBytes / _bytesPerSecond, Tags);
        }
    }

    private static double BytesPerSecond(AudioOutputFormat format)
        => format.Container == AudioContainer.Mp3
            ? (format.BitRate ?? 0) / 8.0
            : (format.Encoding?.BytesPerSample ?? 0) * (double)format.SampleRate;
}
