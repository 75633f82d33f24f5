namespace Cartesia;

/// <summary>
/// The names under which the SDK emits telemetry, for OpenTelemetry and other listeners:
/// <c>.AddSource(CartesiaDiagnostics.ActivitySourceName)</c> and <c>.AddMeter(CartesiaDiagnostics.MeterName)</c>.
/// </summary>
/// <remarks>
/// Spans: one per REST operation (<c>cartesia {operation}</c>, covering its retries), one per TTS WebSocket
/// context (<c>cartesia tts.context</c>), one per speech-to-text session (<c>cartesia stt.websocket</c>,
/// <c>cartesia stt.turns_websocket</c>, from the handshake to the end). Metrics: <c>cartesia.client.operation.duration</c> (s),
/// <c>cartesia.tts.time_to_first_audio</c> (s), <c>cartesia.tts.audio.duration</c> (s of audio received),
/// <c>cartesia.stt.audio.duration</c> (s of audio sent for transcription),
/// <c>cartesia.client.retries</c>, <c>cartesia.websocket.reconnects</c> and <c>cartesia.client.errors</c>.
/// No tag ever carries a credential, a transcript or audio. Nothing is recorded while nobody listens.
/// </remarks>
public static class CartesiaDiagnostics
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>Cartesia</c>.</summary>
    public const string ActivitySourceName = "Cartesia";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Cartesia</c>.</summary>
    public const string MeterName = "Cartesia";
}
