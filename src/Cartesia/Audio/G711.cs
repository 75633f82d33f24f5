namespace Cartesia.Audio;

/// <summary>G.711 μ-law and A-law companding (ITU-T G.711), the telephony sample encodings.</summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    /// <summary>Encodes a 16-bit linear sample as μ-law.</summary>
    /// <param name="sample">The linear sample.</param>
    public static byte EncodeMuLaw(short sample)
    {
        int value = sample;
        int sign = (value >> 8) & 0x80;
        if (sign != 0)
        {
            value = -value;
        }

        value = Math.Min(value, MuLawClip) + MuLawBias;
        int exponent = 7;
        for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Decodes a μ-law byte to a 16-bit linear sample.</summary>
    /// <param name="value">The μ-law byte.</param>
    public static short DecodeMuLaw(byte value)
    {
        int inverted = ~value & 0xFF;
        int sign = inverted & 0x80;
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int magnitude = (((mantissa << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)(sign != 0 ? -magnitude : magnitude);
    }

    /// <summary>Encodes a 16-bit linear sample as A-law.</summary>
    /// <param name="sample">The linear sample.</param>
    public static byte EncodeALaw(short sample)
    {
        int value = sample;
        int sign = value >= 0 ? 0x80 : 0x00;
        if (sign == 0)
        {
            value = value == short.MinValue ? short.MaxValue : -value;
        }

        value >>= 3; // 13-bit magnitude
        byte encoded;
        if (value < 32)
        {
            encoded = (byte)(value >> 1);
        }
        else
        {
            int segment = 1;
            for (int v = value >> 6; v > 0 && segment < 7; v >>= 1)
            {
                segment++;
            }

            int mantissa = (value >> segment) & 0x0F;
            encoded = (byte)((segment << 4) | mantissa);
        }

        return (byte)((encoded | sign) ^ 0x55);
    }

    /// <summary>Decodes an A-law byte to a 16-bit linear sample.</summary>
    /// <param name="value">The A-law byte.</param>
    public static short DecodeALaw(byte value)
    {
        int toggled = value ^ 0x55;
        int sign = toggled & 0x80;
        int segment = (toggled >> 4) & 0x07;
        int mantissa = toggled & 0x0F;
        int magnitude = segment == 0
            ? (mantissa << 4) + 8
            : ((mantissa << 4) + 0x108) << (segment - 1);
        return (short)(sign != 0 ? magnitude : -magnitude);
    }
}
