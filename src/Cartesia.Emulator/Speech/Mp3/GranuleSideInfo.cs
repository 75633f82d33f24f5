namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// The side information of one long-block, single-channel granule that this encoder varies (ISO/IEC 11172-3
/// clause 2.4.1.7). Everything else is fixed: no scale factors (scalefac_compress 0, scfsi 0, preflag 0,
/// scalefac_scale 0), no window switching.
/// </summary>
internal sealed class GranuleSideInfo
{
    private readonly int[] _tableSelect = new int[3];

    /// <summary>The number of main data bits of the granule (scale factors, which are none, plus Huffman data).</summary>
    public int Part23Length { get; set; }

    /// <summary>The number of value pairs in the big_values region (0 to 288).</summary>
    public int BigValues { get; set; }

    /// <summary>The number of quadruples in the count1 region.</summary>
    public int Count1 { get; set; }

    /// <summary>The quantizer step: a spectral line's value is |ix|^(4/3) × 2^((global_gain − 210) / 4).</summary>
    public int GlobalGain { get; set; }

    /// <summary>region0_count: region 0 covers this many scale factor bands plus one.</summary>
    public int Region0Count { get; set; }

    /// <summary>region1_count: region 1 covers this many scale factor bands plus one.</summary>
    public int Region1Count { get; set; }

    /// <summary>Whether the count1 region uses quadruple table B (fixed 4-bit codes) rather than A.</summary>
    public bool Count1TableB { get; set; }

    /// <summary>The Huffman table number of big_values region <paramref name="region"/> (0, 1 or 2).</summary>
    public int TableSelect(int region) => _tableSelect[region];

    /// <summary>Sets the Huffman table number of big_values region <paramref name="region"/>.</summary>
    public void SetTableSelect(int region, int table) => _tableSelect[region] = table;

    /// <summary>Copies every field from <paramref name="other"/>.</summary>
    public void CopyFrom(GranuleSideInfo other)
    {
        Part23Length = other.Part23Length;
        BigValues = other.BigValues;
        Count1 = other.Count1;
        GlobalGain = other.GlobalGain;
        Region0Count = other.Region0Count;
        Region1Count = other.Region1Count;
        Count1TableB = other.Count1TableB;
        other._tableSelect.CopyTo(_tableSelect, 0);
    }
}
