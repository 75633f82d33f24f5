namespace Cartesia.Tts;

/// <summary>
/// The part of a context's input text that was spoken by a point of playback (from
/// <see cref="TtsContext.GetSpokenText(TimeSpan)"/>), for barge-in: what the listener actually heard.
/// </summary>
/// <param name="Text">The heard prefix of the original input text, exactly as it was sent.</param>
/// <param name="IsKnown">False when no word timestamps are available (not requested, or none arrived yet): the answer is unknown.</param>
/// <param name="WordsSpoken">How many timestamped words had finished by that point.</param>
/// <param name="IsExact">False when a spoken word could not be matched to the input (for example "$100" spoken as "one hundred dollars"); <see cref="Text"/> then ends at the last word that matched.</param>
public readonly record struct TtsSpokenText(string Text, bool IsKnown, int WordsSpoken, bool IsExact)
{
    internal static TtsSpokenText Unknown => new(string.Empty, false, 0, false);
}
