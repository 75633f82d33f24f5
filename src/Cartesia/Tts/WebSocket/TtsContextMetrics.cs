namespace Cartesia.Tts;

/// <summary>What a context measured so far: latency and how much audio it delivered.</summary>
/// <param name="TimeToFirstAudio">From the first text sent to the first audio chunk, or null before it.</param>
/// <param name="AudioBytes">Audio bytes received.</param>
/// <param name="AudioDuration">How long the received audio lasts.</param>
/// <param name="Chunks">Audio chunks received.</param>
/// <param name="CharactersSent">Characters of text sent.</param>
public readonly record struct TtsContextMetrics(TimeSpan? TimeToFirstAudio, long AudioBytes, TimeSpan AudioDuration, int Chunks, int CharactersSent);
