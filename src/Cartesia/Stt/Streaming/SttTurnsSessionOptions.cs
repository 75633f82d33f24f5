using Cartesia.Core.Http;

namespace Cartesia.Stt;

/// <summary>
/// A turn-detection session on <c>/stt/turns/websocket</c> (voice agents; English): the service finds where the
/// user's turns start and end and sends <c>turn.*</c> events.
/// </summary>
/// <example>
/// <code>
/// await using SttTurnsSession session = await client.Stt.ConnectTurnsAsync(new SttTurnsSessionOptions
/// {
///     Encoding = AudioEncoding.PcmS16LE,
///     SampleRate = 16000,
/// });
/// </code>
/// </example>
public sealed class SttTurnsSessionOptions : SttStreamingSessionOptions
{
    /// <summary>Turn detection (<c>turn_start_threshold</c>, …); null leaves the service's defaults.</summary>
    public SttTurnConfig? Turn { get; set; }

    internal override string Path => "/stt/turns/websocket";

    internal override void Validate(string paramName)
    {
        base.Validate(paramName);
        _ = InitialThresholds(paramName);
    }

    /// <summary>The thresholds in effect when the session starts (checked).</summary>
    internal (double Start, double EagerEnd, double End) InitialThresholds(string paramName)
    {
        (double, double, double) defaults = (SttTurnConfig.DefaultStartThreshold, SttTurnConfig.DefaultEagerEndThreshold, SttTurnConfig.DefaultEndThreshold);
        return Turn is null ? defaults : Turn.Validate(defaults, "SttTurnsSessionOptions.Turn.", paramName);
    }

    private protected override void AddQuery(QueryString query)
    {
        base.AddQuery(query);
        if (Turn is not { } turn)
        {
            return;
        }

        if (turn.StartThreshold is { } start)
        {
            query.Add("turn_start_threshold", Number(start));
        }

        if (turn.EagerEndThreshold is { } eager)
        {
            query.Add("turn_eager_end_threshold", Number(eager));
        }

        if (turn.EndThreshold is { } end)
        {
            query.Add("turn_end_threshold", Number(end));
        }

        if (turn.EndTimeout is { } timeout)
        {
            query.Add("turn_end_timeout_ms", Number(Math.Round(timeout.TotalMilliseconds)));
        }
    }
}
