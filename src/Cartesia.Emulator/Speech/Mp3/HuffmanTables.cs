namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>Looks up the Layer III Huffman tables by number; the code words themselves are in HuffmanTables.Data.cs.</summary>
internal static partial class HuffmanTables
{
    /// <summary>The table numbers a big_values region can select, apart from table 0 (all zeros, no bits).</summary>
    public static ReadOnlySpan<int> PairTableNumbers =>
        [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];

    private static readonly HuffmanCodeTable?[] PairTables = CreatePairTables();

    private static readonly byte[] QuadACodes = QuadTableACodes.ToArray();

    private static readonly byte[] QuadALengths = QuadTableALengths.ToArray();

    /// <summary>The pair table numbered <paramref name="number"/> (1 to 31, except 4 and 14).</summary>
    public static HuffmanCodeTable Pair(int number) =>
        (uint)number < (uint)PairTables.Length && PairTables[number] is { } table
            ? table
            : throw new ArgumentOutOfRangeException(nameof(number), number, "No such Layer III Huffman table.");

    /// <summary>
    /// The number of bits a quadruple of values (each −1, 0 or 1) takes in the count1 region with table A
    /// (<paramref name="tableB"/> false) or B, sign bits included.
    /// </summary>
    public static int QuadBits(bool tableB, int v, int w, int x, int y)
    {
        var index = QuadIndex(v, w, x, y);
        var signs = (v != 0 ? 1 : 0) + (w != 0 ? 1 : 0) + (x != 0 ? 1 : 0) + (y != 0 ? 1 : 0);
        return (tableB ? 4 : QuadALengths[index]) + signs;
    }

    /// <summary>Writes a count1 quadruple: its code word, then a sign bit for each non-zero value in order.</summary>
    public static void WriteQuad(BitWriter writer, bool tableB, int v, int w, int x, int y)
    {
        var index = QuadIndex(v, w, x, y);
        if (tableB)
        {
            writer.Write(15 - index, 4);
        }
        else
        {
            writer.Write(QuadACodes[index], QuadALengths[index]);
        }

        foreach (var value in (ReadOnlySpan<int>)[v, w, x, y])
        {
            if (value != 0)
            {
                writer.Write(value < 0 ? 1 : 0, 1);
            }
        }
    }

    private static int QuadIndex(int v, int w, int x, int y) =>
        (Math.Abs(v) << 3) | (Math.Abs(w) << 2) | (Math.Abs(x) << 1) | Math.Abs(y);

    private static HuffmanCodeTable?[] CreatePairTables()
    {
        var tables = new HuffmanCodeTable?[32];
        tables[1] = new HuffmanCodeTable(1, 2, 0, Table1Codes.ToArray(), Table1Lengths.ToArray());
        tables[2] = new HuffmanCodeTable(2, 3, 0, Table2Codes.ToArray(), Table2Lengths.ToArray());
        tables[3] = new HuffmanCodeTable(3, 3, 0, Table3Codes.ToArray(), Table3Lengths.ToArray());
        tables[5] = new HuffmanCodeTable(5, 4, 0, Table5Codes.ToArray(), Table5Lengths.ToArray());
        tables[6] = new HuffmanCodeTable(6, 4, 0, Table6Codes.ToArray(), Table6Lengths.ToArray());
        tables[7] = new HuffmanCodeTable(7, 6, 0, Table7Codes.ToArray(), Table7Lengths.ToArray());
        tables[8] = new HuffmanCodeTable(8, 6, 0, Table8Codes.ToArray(), Table8Lengths.ToArray());
        tables[9] = new HuffmanCodeTable(9, 6, 0, Table9Codes.ToArray(), Table9Lengths.ToArray());
        tables[10] = new HuffmanCodeTable(10, 8, 0, Table10Codes.ToArray(), Table10Lengths.ToArray());
        tables[11] = new HuffmanCodeTable(11, 8, 0, Table11Codes.ToArray(), Table11Lengths.ToArray());
        tables[12] = new HuffmanCodeTable(12, 8, 0, Table12Codes.ToArray(), Table12Lengths.ToArray());
        tables[13] = new HuffmanCodeTable(13, 16, 0, Table13Codes.ToArray(), Table13Lengths.ToArray());
        tables[15] = new HuffmanCodeTable(15, 16, 0, Table15Codes.ToArray(), Table15Lengths.ToArray());

        // Tables 16 to 23 share table 16's code words and tables 24 to 31 table 24's; only linbits differ.
        ReadOnlySpan<int> linBits16 = [1, 2, 3, 4, 6, 8, 10, 13];
        ReadOnlySpan<int> linBits24 = [4, 5, 6, 7, 8, 9, 11, 13];
        ushort[] codes16 = Table16Codes.ToArray(), codes24 = Table24Codes.ToArray();
        byte[] lengths16 = Table16Lengths.ToArray(), lengths24 = Table24Lengths.ToArray();
        for (var i = 0; i < 8; i++)
        {
            tables[16 + i] = new HuffmanCodeTable(16 + i, 16, linBits16[i], codes16, lengths16);
            tables[24 + i] = new HuffmanCodeTable(24 + i, 16, linBits24[i], codes24, lengths24);
        }

        return tables;
    }
}
