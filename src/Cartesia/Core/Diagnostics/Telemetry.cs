using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cartesia.Core.Diagnostics;

/// <summary>The SDK's activity source and instruments (process-wide, immutable, free when nobody listens).</summary>
internal static class Telemetry
{
    public static readonly ActivitySource Source = new(CartesiaDiagnostics.ActivitySourceName, ClientIdentity.Version);

    public static readonly Meter Meter = new(CartesiaDiagnostics.MeterName, ClientIdentity.Version);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "cartesia.client.operation.duration", "s", "Time from the start of an API operation until its response started (retries included).");

    public static readonly Histogram<double> TimeToFirstAudio = Meter.CreateHistogram<double>(
        "cartesia.tts.time_to_first_audio", "s", "Time from sending text (or the request) until the first audio arrived.");

    public static readonly Counter<double> AudioDuration = Meter.CreateCounter<double>(
        "cartesia.tts.audio.duration", "s", "Seconds of generated audio received.");

    public static readonly Counter<double> SttAudioDuration = Meter.CreateCounter<double>(
        "cartesia.stt.audio.duration", "s", "Seconds of audio sent to speech-to-text sessions.");

    public static readonly Histogram<double> AgentTurnLatency = Meter.CreateHistogram<double>(
        "cartesia.agents.turn_latency", "s", "Time from the end of a user's turn (turn_ended) until the agent's first audio after it, on an agent call.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "cartesia.client.retries", "{retry}", "Requests and handshakes retried after a transient failure.");

    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "cartesia.websocket.reconnects", "{reconnect}", "WebSockets reopened after the previous one ended (idle close, drop, recycle).");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "cartesia.client.errors", "{error}", "Operations, streams and contexts that ended in an error.");

    /// <summary>Starts a client span, or returns null when nobody listens.</summary>
    public static Activity? StartOperation(string operation)
    {
        Activity? activity = Source.StartActivity("cartesia " + operation, ActivityKind.Client);
        activity?.SetTag("cartesia.operation", operation);
        return activity;
    }

    /// <summary>
    /// Starts a client span for something that outlives the call that starts it (a WebSocket context, an STT
    /// session): a child of the caller's activity that never becomes the caller's <see cref="Activity.Current"/>.
    /// </summary>
    public static Activity? StartDetachedOperation(string operation)
    {
        Activity? previous = Activity.Current;
        Activity? activity = StartOperation(operation);
        Activity.Current = previous;
        return activity;
    }

    /// <summary>Records a failure on a span and in the error counter.</summary>
    public static void RecordError(Activity? activity, string operation, Exception exception)
    {
        string type = MarkError(activity, exception);
        if (Errors.Enabled)
        {
            Errors.Add(1, new KeyValuePair<string, object?>("cartesia.operation", operation), new KeyValuePair<string, object?>("error.type", type));
        }
    }

    /// <summary>Marks a span as failed (without counting the error; for failures already counted where they happened).</summary>
    /// <returns>The <c>error.type</c>.</returns>
    public static string MarkError(Activity? activity, Exception exception)
    {
        string type = ErrorType(exception);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag("error.type", type);
        }

        return type;
    }

    /// <summary>The <c>error.type</c> of an exception: the HTTP status for API errors, else the exception's type.</summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        CartesiaApiException api => api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OperationCanceledException => "cancelled",
        _ => exception.GetType().Name,
    };
}
