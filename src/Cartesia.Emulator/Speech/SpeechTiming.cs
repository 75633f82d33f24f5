namespace Cartesia.Emulator.Speech;

/// <summary>Where a word or phoneme sits in synthesized audio, in seconds from its start.</summary>
/// <param name="Text">The word or phoneme.</param>
/// <param name="Start">Start, in seconds.</param>
/// <param name="End">End, in seconds.</param>
internal readonly record struct SpeechTiming(string Text, double Start, double End);
