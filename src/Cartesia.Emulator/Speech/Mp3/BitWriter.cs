namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>Writes bit fields most significant bit first into a zero-initialised byte buffer.</summary>
internal sealed class BitWriter
{
    private readonly byte[] _buffer;

    /// <summary>Creates a writer over <paramref name="buffer"/>, which must be all zeros where it will write.</summary>
    public BitWriter(byte[] buffer)
    {
        _buffer = buffer;
    }

    /// <summary>The number of bits written so far, counted from the start of the buffer.</summary>
    public long BitPosition { get; private set; }

    /// <summary>Writes the low <paramref name="bitCount"/> bits (0 to 32) of <paramref name="value"/>, most significant first.</summary>
    public void Write(uint value, int bitCount)
    {
        if ((uint)bitCount > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(bitCount), bitCount, "A field has 0 to 32 bits.");
        }

        while (bitCount > 0)
        {
            var byteIndex = (int)(BitPosition >> 3);
            var free = 8 - (int)(BitPosition & 7);
            var take = Math.Min(free, bitCount);
            var chunk = (value >> (bitCount - take)) & ((1u << take) - 1);
            _buffer[byteIndex] |= (byte)(chunk << (free - take));
            BitPosition += take;
            bitCount -= take;
        }
    }

    /// <summary>Writes the low <paramref name="bitCount"/> bits of a non-negative <paramref name="value"/>.</summary>
    public void Write(int value, int bitCount) => Write((uint)value, bitCount);

    /// <summary>Moves forward to byte <paramref name="byteOffset"/>, leaving the skipped bits zero.</summary>
    public void SkipToByte(int byteOffset)
    {
        var target = (long)byteOffset * 8;
        if (target < BitPosition)
        {
            throw new InvalidOperationException("More bits were written than the frame holds.");
        }

        BitPosition = target;
    }
}
