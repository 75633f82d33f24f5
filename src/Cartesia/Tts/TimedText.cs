namespace Cartesia.Tts;

/// <summary>A word or phoneme with its start and end in the audio.</summary>
/// <param name="Text">The word or phoneme.</param>
/// <param name="Start">Where it starts, from the start of the context's audio.</param>
/// <param name="End">Where it ends.</param>
public readonly record struct TimedText(string Text, TimeSpan Start, TimeSpan End)
{
    internal static TimedText[] Zip(IReadOnlyList<string> texts, IReadOnlyList<double> starts, IReadOnlyList<double> ends)
    {
        int count = Math.Min(texts.Count, Math.Min(starts.Count, ends.Count));
        var result = new TimedText[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new TimedText(texts[i], TimeSpan.FromSeconds(starts[i]), TimeSpan.FromSeconds(ends[i]));
        }

        return result;
    }
}
