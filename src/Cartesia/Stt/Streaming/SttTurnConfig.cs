namespace Cartesia.Stt;

/// <summary>
/// Turn-detection settings of <c>/stt/turns/websocket</c>: as query parameters when connecting
/// (<see cref="SttTurnsSessionOptions"/>), or changed mid-session with <see cref="SttTurnsSession.ConfigureTurnsAsync"/>
/// (<c>{"type":"config","turn":{…}}</c>). Unset values are left as they are. The thresholds must keep their order:
/// start above eager end, eager end above end.
/// </summary>
public sealed class SttTurnConfig
{
    /// <summary>The default <see cref="StartThreshold"/>.</summary>
    public const double DefaultStartThreshold = 0.8;

    /// <summary>The default <see cref="EagerEndThreshold"/>.</summary>
    public const double DefaultEagerEndThreshold = 0.4;

    /// <summary>The default <see cref="EndThreshold"/>.</summary>
    public const double DefaultEndThreshold = 0.2;

    /// <summary>How sure the model must be that speech started to open a turn (0.5 to 0.9; default 0.8).</summary>
    public double? StartThreshold { get; set; }

    /// <summary>When the model guesses the user may be done (<c>turn.eager_end</c>; 0.3 to 0.6; default 0.4).</summary>
    public double? EagerEndThreshold { get; set; }

    /// <summary>When the turn ends (<c>turn.end</c>; 0.05 to 0.5; default 0.2).</summary>
    public double? EndThreshold { get; set; }

    /// <summary>The longest wait for the end of a turn after the user stops speaking (640 ms to 11.2 s; default 5.6 s).</summary>
    public TimeSpan? EndTimeout { get; set; }

    /// <summary>Checks the ranges and the order of the thresholds, merged over <paramref name="current"/>.</summary>
    internal (double Start, double EagerEnd, double End) Validate((double Start, double EagerEnd, double End) current, string field, string paramName)
    {
        CheckRange(StartThreshold, 0.5, 0.9, $"{field}StartThreshold", "start_threshold", paramName);
        CheckRange(EagerEndThreshold, 0.3, 0.6, $"{field}EagerEndThreshold", "eager_end_threshold", paramName);
        CheckRange(EndThreshold, 0.05, 0.5, $"{field}EndThreshold", "end_threshold", paramName);
        if (EndTimeout is { } timeout && !(timeout.TotalMilliseconds >= 640 && timeout.TotalMilliseconds <= 11200))
        {
            throw new ArgumentOutOfRangeException(paramName, timeout, $"{field}EndTimeout (end_timeout_ms) must be between 640 ms and 11.2 s.");
        }

        (double start, double eager, double end) = (StartThreshold ?? current.Start, EagerEndThreshold ?? current.EagerEnd, EndThreshold ?? current.End);
        if (!(start > eager && eager > end))
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{field}StartThreshold ({start}) must be above {field}EagerEndThreshold ({eager}), which must be above {field}EndThreshold ({end})."),
                paramName);
        }

        return (start, eager, end);
    }

    private static void CheckRange(double? value, double min, double max, string field, string wire, string paramName)
    {
        if (value is { } v && !(v >= min && v <= max))
        {
            throw new ArgumentOutOfRangeException(paramName, v, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{field} ({wire}) must be between {min} and {max}."));
        }
    }
}
