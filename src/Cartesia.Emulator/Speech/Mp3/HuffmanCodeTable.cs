namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// One of the Layer III Huffman tables for pairs of quantized values (the big_values region), as selected by a
/// region's table_select. Values from 0 to <see cref="XLength"/> − 1 are coded directly; in tables with
/// <see cref="LinBits"/>, 15 is an escape followed by <see cref="LinBits"/> bits holding the value − 15.
/// </summary>
internal sealed class HuffmanCodeTable
{
    private readonly ushort[] _codes;
    private readonly byte[] _lengths;

    /// <summary>Creates a table from its code words and lengths, indexed by x × <paramref name="xLength"/> + y.</summary>
    public HuffmanCodeTable(int index, int xLength, int linBits, ushort[] codes, byte[] lengths)
    {
        Index = index;
        XLength = xLength;
        LinBits = linBits;
        _codes = codes;
        _lengths = lengths;
        MaxValue = linBits == 0 ? xLength - 1 : 15 + (1 << linBits) - 1;
    }

    /// <summary>The table number written in table_select.</summary>
    public int Index { get; }

    /// <summary>The number of directly coded values per dimension (2 to 16).</summary>
    public int XLength { get; }

    /// <summary>The number of escape bits after a 15 (0 for tables without escape).</summary>
    public int LinBits { get; }

    /// <summary>The largest absolute value the table can code.</summary>
    public int MaxValue { get; }

    /// <summary>
    /// The number of bits the pair of absolute values (<paramref name="x"/>, <paramref name="y"/>) takes: the code
    /// word, any escape bits and a sign bit for each non-zero value. Both values must be at most <see cref="MaxValue"/>.
    /// </summary>
    public int PairBits(int x, int y)
    {
        var bits = 0;
        if (LinBits > 0)
        {
            if (x >= 15)
            {
                bits += LinBits;
                x = 15;
            }

            if (y >= 15)
            {
                bits += LinBits;
                y = 15;
            }
        }

        bits += _lengths[(x * XLength) + y];
        if (x != 0)
        {
            bits++;
        }

        if (y != 0)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>
    /// Writes the pair of signed values (<paramref name="x"/>, <paramref name="y"/>) in the order the standard
    /// gives: code word, x's escape bits, x's sign, y's escape bits, y's sign (1 means negative).
    /// </summary>
    public void WritePair(BitWriter writer, int x, int y)
    {
        var absX = Math.Abs(x);
        var absY = Math.Abs(y);
        var codeX = LinBits > 0 ? Math.Min(absX, 15) : absX;
        var codeY = LinBits > 0 ? Math.Min(absY, 15) : absY;
        var entry = (codeX * XLength) + codeY;
        writer.Write(_codes[entry], _lengths[entry]);
        WriteValueTail(writer, x, absX);
        WriteValueTail(writer, y, absY);
    }

    private void WriteValueTail(BitWriter writer, int value, int absolute)
    {
        if (LinBits > 0 && absolute >= 15)
        {
            writer.Write(absolute - 15, LinBits);
        }

        if (absolute != 0)
        {
            writer.Write(value < 0 ? 1 : 0, 1);
        }
    }
}
