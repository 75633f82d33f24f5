using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cartesia.Core.Diagnostics;

namespace Cartesia.Extensions.AI;

/// <summary>The voice agent's metrics and spans, on the SDK's <see cref="CartesiaDiagnostics.MeterName"/> meter and activity source.</summary>
internal static class VoiceAgentTelemetry
{
    public const string TurnOperation = "voice_agent.turn";

    public static readonly Histogram<double> EndOfSpeechToTranscript = Telemetry.Meter.CreateHistogram<double>(
        "cartesia.voice_agent.end_of_speech_to_transcript", "s", "From the user's last word to the final transcript of the turn.");

    public static readonly Histogram<double> TranscriptToFirstToken = Telemetry.Meter.CreateHistogram<double>(
        "cartesia.voice_agent.time_to_first_token", "s", "From the final transcript to the chat client's first token.");

    public static readonly Histogram<double> TranscriptToFirstAudio = Telemetry.Meter.CreateHistogram<double>(
        "cartesia.voice_agent.time_to_first_audio", "s", "From the final transcript to the first agent audio handed to the app.");

    public static readonly Counter<long> Interruptions = Telemetry.Meter.CreateCounter<long>(
        "cartesia.voice_agent.interruptions", "{interruption}", "Agent replies cut short by the user (barge-in).");

    public static readonly Counter<long> DiscardedSpeculations = Telemetry.Meter.CreateCounter<long>(
        "cartesia.voice_agent.discarded_speculations", "{call}", "Chat calls started on turn.eager_end and thrown away on turn.resume.");

    /// <summary>Starts the span of a turn (detached: it outlives the call that starts it).</summary>
    public static Activity? StartTurn(bool speculative)
    {
        Activity? activity = Telemetry.StartDetachedOperation(TurnOperation);
        activity?.SetTag("cartesia.voice_agent.speculative", speculative);
        return activity;
    }

    /// <summary>Records a finished (or interrupted) turn and ends its span.</summary>
    public static void EndTurn(Activity? activity, VoiceAgentTurnMetrics metrics, bool interrupted, Exception? error)
    {
        Record(EndOfSpeechToTranscript, metrics.EndOfSpeechToTranscript);
        Record(TranscriptToFirstToken, metrics.TranscriptToFirstToken);
        Record(TranscriptToFirstAudio, metrics.TranscriptToFirstAudio);
        if (interrupted && Interruptions.Enabled)
        {
            Interruptions.Add(1);
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag("cartesia.voice_agent.interrupted", interrupted);
        if (metrics.TranscriptToFirstAudio is { } firstAudio)
        {
            activity.SetTag("cartesia.voice_agent.time_to_first_audio", firstAudio.TotalSeconds);
        }

        if (error is not null)
        {
            Telemetry.RecordError(activity, TurnOperation, error);
        }

        activity.Dispose();
    }

    private static void Record(Histogram<double> histogram, TimeSpan? value)
    {
        if (value is { } v && histogram.Enabled)
        {
            histogram.Record(v.TotalSeconds);
        }
    }
}
