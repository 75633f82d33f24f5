namespace Cartesia.Emulator.Tts;

/// <summary>Where a text-to-speech request arrived, which decides the fields and containers it may use.</summary>
internal enum TtsTransport
{
    Bytes,
    Sse,
    WebSocket,
}
