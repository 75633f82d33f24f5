namespace Cartesia.Emulator.Tts;

/// <summary>One input of a WebSocket context: text and what to do after it.</summary>
internal readonly record struct TtsInput(string Transcript, bool Continue, bool Flush);
