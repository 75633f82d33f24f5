using System.Text.Json;

namespace Cartesia.Stt;

/// <summary>
/// A turn-detection session on <c>/stt/turns/websocket</c> (voice agents): the service sends
/// <see cref="SttTurnStartEvent"/> when the user starts speaking, <see cref="SttTurnUpdateEvent"/>s as words come,
/// optionally <see cref="SttTurnEagerEndEvent"/> / <see cref="SttTurnResumeEvent"/>, and <see cref="SttTurnEndEvent"/>
/// with the turn's transcript. Open it with <see cref="SttClient.ConnectTurnsAsync"/>.
/// </summary>
public class SttTurnsSession : SttStreamingSession
{
    private readonly object _gate = new();
    private (double Start, double EagerEnd, double End) _thresholds;

    /// <summary>For mocking in tests.</summary>
    protected SttTurnsSession()
    {
    }

    internal SttTurnsSession(SttSessionCore core, (double Start, double EagerEnd, double End) thresholds) : base(core) => _thresholds = thresholds;

    /// <summary>
    /// Changes turn detection mid-session (<c>{"type":"config","turn":{…}}</c>, after the audio queued so far; no
    /// answer comes). Only the values set change; the thresholds must keep their order with those in effect. After a
    /// reconnect the latest configuration is sent again.
    /// </summary>
    /// <param name="config">The values to change.</param>
    /// <param name="cancellationToken">Stops waiting for room in the queue.</param>
    /// <exception cref="ArgumentException">A value is out of its range or breaks the order (checked before anything is sent).</exception>
    public virtual Task ConfigureTurnsAsync(SttTurnConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_gate)
        {
            (double, double, double) next = config.Validate(_thresholds, "SttTurnConfig.", nameof(config));
            if (config.StartThreshold is null && config.EagerEndThreshold is null && config.EndThreshold is null && config.EndTimeout is null)
            {
                throw new ArgumentException("SttTurnConfig sets nothing: set at least one of its values.", nameof(config));
            }

            _thresholds = next;
        }

        return Core.ConfigureAsync(Serialize(config), cancellationToken);
    }

    private static byte[] Serialize(SttTurnConfig config)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "config");
            writer.WriteStartObject("turn");
            if (config.StartThreshold is { } start)
            {
                writer.WriteNumber("start_threshold", start);
            }

            if (config.EagerEndThreshold is { } eager)
            {
                writer.WriteNumber("eager_end_threshold", eager);
            }

            if (config.EndThreshold is { } end)
            {
                writer.WriteNumber("end_threshold", end);
            }

            if (config.EndTimeout is { } timeout)
            {
                writer.WriteNumber("end_timeout_ms", Math.Round(timeout.TotalMilliseconds));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
