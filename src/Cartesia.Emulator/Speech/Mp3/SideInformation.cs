namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// Writes the single-channel Layer III side information that follows the frame header: 17 bytes for MPEG-1
/// (two granules), 9 bytes for MPEG-2 and MPEG-2.5 (one granule, ISO/IEC 13818-3 clause 2.4.1.7). The bit reservoir
/// is not used, so main_data_begin is always 0: each frame's main data starts right after its side information.
/// </summary>
internal static class SideInformation
{
    /// <summary>Writes the side information of one frame with the granules in <paramref name="granules"/>.</summary>
    public static void Write(BitWriter writer, MpegVersion version, ReadOnlySpan<GranuleSideInfo> granules)
    {
        var mpeg1 = version == MpegVersion.Mpeg1;
        writer.Write(0, mpeg1 ? 9 : 8); // main_data_begin
        writer.Write(0, mpeg1 ? 5 : 1); // private_bits
        if (mpeg1)
        {
            writer.Write(0, 4); // scfsi: scale factors are sent for each granule (and are empty)
        }

        foreach (var granule in granules)
        {
            writer.Write(granule.Part23Length, 12);
            writer.Write(granule.BigValues, 9);
            writer.Write(granule.GlobalGain, 8);
            writer.Write(0, mpeg1 ? 4 : 9); // scalefac_compress: no scale factor bits
            writer.Write(0, 1); // window_switching_flag: long blocks only
            for (var region = 0; region < 3; region++)
            {
                writer.Write(granule.TableSelect(region), 5);
            }

            writer.Write(granule.Region0Count, 4);
            writer.Write(granule.Region1Count, 3);
            if (mpeg1)
            {
                writer.Write(0, 1); // preflag
            }

            writer.Write(0, 1); // scalefac_scale
            writer.Write(granule.Count1TableB ? 1 : 0, 1);
        }
    }
}
