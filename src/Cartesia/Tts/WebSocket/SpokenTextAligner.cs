using System.Text;

namespace Cartesia.Tts;

/// <summary>
/// Maps word timestamps back onto the text that was sent, to find what a listener heard by a point of playback.
/// The service's words can differ from the input (punctuation and emoji dropped, SSML tags consumed, case), so
/// words are matched on their letters and digits only, skipping everything else in the input.
/// </summary>
internal static class SpokenTextAligner
{
    public static TtsSpokenText Align(string input, IReadOnlyList<TimedText> words, TimeSpan played)
    {
        int heard = 0;
        while (heard < words.Count && words[heard].End <= played + TimeSpan.FromMilliseconds(1))
        {
            heard++;
        }

        int position = 0;
        for (int i = 0; i < heard; i++)
        {
            int end = Match(input, position, words[i].Text);
            if (end < 0)
            {
                return new TtsSpokenText(input[..position], true, heard, false);
            }

            position = end;
        }

        return new TtsSpokenText(input[..position], true, heard, true);
    }

    /// <summary>
    /// Where <paramref name="word"/> ends in <paramref name="input"/> at or after <paramref name="from"/>
    /// (including punctuation stuck to it), or -1 when it does not come next.
    /// </summary>
    private static int Match(string input, int from, string word)
    {
        string key = Letters(word);
        int i = from;
        if (key.Length == 0)
        {
            // A word of symbols only (an emoji): find it as written.
            int found = input.IndexOf(word.Trim(), from, StringComparison.Ordinal);
            return found < 0 ? -1 : found + word.Trim().Length;
        }

        int k = 0;
        while (i < input.Length && k < key.Length)
        {
            if (input[i] == '<' && input.IndexOf('>', i) is var close and > 0)
            {
                i = close + 1; // an SSML tag is markup, not speech
                continue;
            }

            Rune rune = Rune.GetRuneAt(input, i);
            if (Rune.IsLetterOrDigit(rune))
            {
                string lower = rune.ToString().ToLowerInvariant();
                if (string.CompareOrdinal(key, k, lower, 0, lower.Length) != 0)
                {
                    return -1;
                }

                k += lower.Length;
            }
            else if (k > 0 && Rune.IsWhiteSpace(rune))
            {
                return -1; // the word ended in the input before it was matched
            }

            i += rune.Utf16SequenceLength;
        }

        if (k < key.Length)
        {
            return -1;
        }

        // Take punctuation attached to the word ("Hello," → through the comma), but not the following space.
        while (i < input.Length && !char.IsWhiteSpace(input[i]) && !char.IsLetterOrDigit(input[i]) && input[i] != '<')
        {
            i++;
        }

        return i;
    }

    private static string Letters(string word)
    {
        var builder = new System.Text.StringBuilder(word.Length);
        foreach (Rune rune in word.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(rune.ToString().ToLowerInvariant());
            }
        }

        return builder.ToString();
    }
}
