namespace Cartesia.Emulator.Speech;

/// <summary>
/// The emulator's speech code: each word is its UTF-8 bytes as 4-bit symbols (high nibble first) plus a
/// checksum symbol, each symbol a pure tone. The sixteen tones sit between 600 and 2850 Hz, inside the
/// telephone band, so the words survive resampling to 8 kHz, μ-law and A-law, and mp3.
/// </summary>
internal static class ToneAlphabet
{
    /// <summary>The lowest tone, for symbol 0.</summary>
    public const double BaseFrequency = 600;

    /// <summary>The spacing between tones.</summary>
    public const double FrequencyStep = 150;

    /// <summary>The number of symbols.</summary>
    public const int SymbolCount = 16;

    /// <summary>How long one symbol sounds.</summary>
    public const double SymbolSeconds = 0.025;

    /// <summary>The tone of a symbol.</summary>
    public static double Frequency(int symbol) => BaseFrequency + (FrequencyStep * symbol);

    /// <summary>The symbols of a word: two a UTF-8 byte, then the checksum.</summary>
    public static int[] Encode(string word)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(word);
        int[] symbols = new int[(bytes.Length * 2) + 1];
        for (int i = 0; i < bytes.Length; i++)
        {
            symbols[2 * i] = bytes[i] >> 4;
            symbols[(2 * i) + 1] = bytes[i] & 0x0F;
        }

        symbols[^1] = Checksum(symbols.AsSpan(0, symbols.Length - 1));
        return symbols;
    }

    /// <summary>The word of a symbol sequence, or null when the checksum or UTF-8 is wrong.</summary>
    public static string? Decode(ReadOnlySpan<int> symbols)
    {
        if (symbols.Length < 3 || symbols.Length % 2 == 0 || Checksum(symbols[..^1]) != symbols[^1])
        {
            return null;
        }

        byte[] bytes = new byte[(symbols.Length - 1) / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((symbols[2 * i] << 4) | symbols[(2 * i) + 1]);
        }

        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The UTF-8 byte offsets of each text element (grapheme) of a word, for phoneme times.</summary>
    public static IEnumerable<(string Text, int ByteStart, int ByteLength)> Graphemes(string word)
    {
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(word);
        int byteOffset = 0;
        while (enumerator.MoveNext())
        {
            string element = enumerator.GetTextElement();
            int length = System.Text.Encoding.UTF8.GetByteCount(element);
            yield return (element, byteOffset, length);
            byteOffset += length;
        }
    }

    private static int Checksum(ReadOnlySpan<int> symbols)
    {
        int sum = symbols.Length;
        foreach (int symbol in symbols)
        {
            sum = (sum * 3) + symbol;
        }

        return sum & 0x0F;
    }
}
