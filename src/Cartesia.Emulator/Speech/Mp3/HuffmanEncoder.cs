namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>Writes a granule's Huffman-coded spectrum as planned by <see cref="HuffmanTableSelector"/>.</summary>
internal static class HuffmanEncoder
{
    /// <summary>
    /// Writes the big_values pairs region by region, then the count1 quadruples, exactly
    /// <see cref="GranuleSideInfo.Part23Length"/> bits in all.
    /// </summary>
    /// <exception cref="InvalidOperationException">The written bits do not match the plan (an encoder bug).</exception>
    public static void Write(BitWriter writer, ReadOnlySpan<int> quantized, GranuleSideInfo info, ReadOnlySpan<int> bands)
    {
        var startBit = writer.BitPosition;
        var bigValues = info.BigValues;
        var start1 = Math.Min(bands[info.Region0Count + 1] / 2, bigValues);
        var start2 = Math.Min(bands[info.Region0Count + info.Region1Count + 2] / 2, bigValues);
        for (var pair = 0; pair < bigValues; pair++)
        {
            var region = pair < start1 ? 0 : pair < start2 ? 1 : 2;
            var tableNumber = info.TableSelect(region);
            if (tableNumber != 0)
            {
                HuffmanTables.Pair(tableNumber).WritePair(writer, quantized[2 * pair], quantized[(2 * pair) + 1]);
            }
        }

        var line = 2 * bigValues;
        for (var quad = 0; quad < info.Count1; quad++, line += 4)
        {
            HuffmanTables.WriteQuad(writer, info.Count1TableB, quantized[line], quantized[line + 1], quantized[line + 2], quantized[line + 3]);
        }

        if (writer.BitPosition - startBit != info.Part23Length)
        {
            throw new InvalidOperationException("The Huffman data does not have the planned length.");
        }
    }
}
