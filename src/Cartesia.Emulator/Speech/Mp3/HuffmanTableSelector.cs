namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// Decides how a quantized granule is Huffman coded and counts the bits it takes. The 576 values are split, from the
/// top down, into a run of zero pairs (not coded), the count1 region of quadruples whose values are all −1, 0 or 1,
/// and the big_values region of pairs below it. The big_values region is cut into three regions at scale factor band
/// boundaries; every admissible cut (region0_count 0 to 15, region1_count 0 to 7) is tried with, for each region,
/// the cheapest table that can code it, and the cheapest result wins. The count1 region takes whichever of
/// quadruple tables A and B is cheaper.
/// </summary>
internal sealed class HuffmanTableSelector
{
    // The cost of a pair that a table cannot code; large enough that no plan using it is ever chosen.
    private const int Unusable = 1 << 20;

    private const int MaxPairs = Mdct.GranuleSize / 2;

    private readonly int _sampleRate;
    private readonly int[] _bands;
    private readonly int[][] _cumulativeBits;
    private readonly int[] _cumulativeNonZero = new int[MaxPairs + 1];

    /// <summary>Creates a selector for the scale factor bands of <paramref name="sampleRate"/>.</summary>
    public HuffmanTableSelector(int sampleRate)
    {
        _sampleRate = sampleRate;
        _bands = ScaleFactorBands.Long(sampleRate).ToArray();
        _cumulativeBits = new int[HuffmanTables.PairTableNumbers.Length][];
        for (var i = 0; i < _cumulativeBits.Length; i++)
        {
            _cumulativeBits[i] = new int[MaxPairs + 1];
        }
    }

    /// <summary>
    /// Plans the coding of <paramref name="quantized"/> (576 signed values): sets big_values, count1, the region
    /// split, the table numbers and part2_3_length of <paramref name="info"/>, and returns the number of bits.
    /// </summary>
    public int Plan(ReadOnlySpan<int> quantized, GranuleSideInfo info)
    {
        // The zero pairs at the top are not coded at all.
        var end = Mdct.GranuleSize;
        while (end > 1 && quantized[end - 1] == 0 && quantized[end - 2] == 0)
        {
            end -= 2;
        }

        // Below them, quadruples of small values form the count1 region.
        int count1 = 0, bitsA = 0, bitsB = 0;
        while (end > 3 && IsSmall(quantized[end - 1]) && IsSmall(quantized[end - 2]) && IsSmall(quantized[end - 3]) && IsSmall(quantized[end - 4]))
        {
            bitsA += HuffmanTables.QuadBits(false, quantized[end - 4], quantized[end - 3], quantized[end - 2], quantized[end - 1]);
            bitsB += HuffmanTables.QuadBits(true, quantized[end - 4], quantized[end - 3], quantized[end - 2], quantized[end - 1]);
            end -= 4;
            count1++;
        }

        var bigValues = end / 2;
        CountPairBits(quantized, bigValues);

        // Try every split of the big_values region into three regions at band boundaries.
        var bestBits = int.MaxValue;
        for (var region0 = 0; region0 <= 15; region0++)
        {
            var start1Band = region0 + 1;
            if (ScaleFactorBands.IsAmbiguousBoundary(_sampleRate, start1Band))
            {
                continue;
            }

            var start1 = Math.Min(_bands[start1Band] / 2, bigValues);
            var bits0 = RegionBits(0, start1, out var table0);
            for (var region1 = 0; region1 <= 7; region1++)
            {
                var start2Band = region0 + region1 + 2;
                if (start2Band >= _bands.Length)
                {
                    break;
                }

                if (ScaleFactorBands.IsAmbiguousBoundary(_sampleRate, start2Band))
                {
                    continue;
                }

                var start2 = Math.Min(_bands[start2Band] / 2, bigValues);
                var bits = bits0 + RegionBits(start1, start2, out var table1) + RegionBits(start2, bigValues, out var table2);
                if (bits < bestBits)
                {
                    bestBits = bits;
                    info.Region0Count = region0;
                    info.Region1Count = region1;
                    info.SetTableSelect(0, table0);
                    info.SetTableSelect(1, table1);
                    info.SetTableSelect(2, table2);
                }
            }
        }

        info.BigValues = bigValues;
        info.Count1 = count1;
        info.Count1TableB = bitsB < bitsA;
        info.Part23Length = bestBits + Math.Min(bitsA, bitsB);
        return info.Part23Length;
    }

    private static bool IsSmall(int value) => value is >= -1 and <= 1;

    // Fills, for every candidate table, the running total of the bits of pairs 0..p-1, and the running count of
    // pairs with a non-zero value.
    private void CountPairBits(ReadOnlySpan<int> quantized, int bigValues)
    {
        var numbers = HuffmanTables.PairTableNumbers;
        for (var t = 0; t < numbers.Length; t++)
        {
            var table = HuffmanTables.Pair(numbers[t]);
            var cumulative = _cumulativeBits[t];
            for (var p = 0; p < bigValues; p++)
            {
                var x = Math.Abs(quantized[2 * p]);
                var y = Math.Abs(quantized[(2 * p) + 1]);
                var bits = x > table.MaxValue || y > table.MaxValue ? Unusable : table.PairBits(x, y);
                cumulative[p + 1] = cumulative[p] + bits;
            }
        }

        for (var p = 0; p < bigValues; p++)
        {
            var nonZero = quantized[2 * p] != 0 || quantized[(2 * p) + 1] != 0;
            _cumulativeNonZero[p + 1] = _cumulativeNonZero[p] + (nonZero ? 1 : 0);
        }
    }

    // The bits of pairs [start, end) with the cheapest table for them; table 0 (no bits) when they are all zero.
    private int RegionBits(int start, int end, out int tableNumber)
    {
        tableNumber = 0;
        if (_cumulativeNonZero[end] == _cumulativeNonZero[start])
        {
            return 0;
        }

        var best = int.MaxValue;
        var numbers = HuffmanTables.PairTableNumbers;
        for (var t = 0; t < numbers.Length; t++)
        {
            var bits = _cumulativeBits[t][end] - _cumulativeBits[t][start];
            if (bits < best)
            {
                best = bits;
                tableNumber = numbers[t];
            }
        }

        return best;
    }
}
