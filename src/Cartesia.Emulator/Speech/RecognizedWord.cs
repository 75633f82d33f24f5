namespace Cartesia.Emulator.Speech;

/// <summary>A word the recognizer found, with where it sits in the audio (seconds).</summary>
/// <param name="Word">The word.</param>
/// <param name="Start">Start, in seconds.</param>
/// <param name="End">End, in seconds.</param>
internal readonly record struct RecognizedWord(string Word, double Start, double End);
