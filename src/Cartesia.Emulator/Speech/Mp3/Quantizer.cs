namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// Quantizes a granule's spectrum for the bit budget it has. There is no psychoacoustic model and there are no scale
/// factors: every line gets the same step, 2^((global_gain − 210) / 4), and the quantizer searches for the smallest
/// global gain (the finest step) whose Huffman coding fits the budget. Lines at and above the stream's cutoff are
/// coded as zero.
/// </summary>
internal sealed class Quantizer
{
    /// <summary>The largest codable magnitude: 15 plus the 13 escape bits of tables 23 and 31.</summary>
    public const int MaxQuantizedValue = 15 + 8191;

    /// <summary>The largest part2_3_length, which has 12 bits in the side information.</summary>
    public const int MaxGranuleBits = 4095;

    // ix = nint(x^(3/4) - 0.0946), the rounding of the ISO reference quantizer.
    private const double RoundingOffset = 0.4054;

    private readonly int _cutoffLine;
    private readonly HuffmanTableSelector _selector;
    private readonly double[] _magnitudes = new double[Mdct.GranuleSize];

    /// <summary>Creates a quantizer for the stream <paramref name="format"/>.</summary>
    public Quantizer(Mp3StreamFormat format)
    {
        _cutoffLine = format.CutoffLine;
        _selector = new HuffmanTableSelector(format.SampleRate);
    }

    /// <summary>
    /// Quantizes <paramref name="spectrum"/> (576 lines) into <paramref name="quantized"/> with the finest step that
    /// codes in at most <paramref name="bitBudget"/> bits, fills <paramref name="info"/>, and returns the bits used.
    /// </summary>
    public int QuantizeGranule(ReadOnlySpan<double> spectrum, int bitBudget, Span<int> quantized, GranuleSideInfo info)
    {
        bitBudget = Math.Min(bitBudget, MaxGranuleBits);
        double largest = 0;
        for (var i = 0; i < Mdct.GranuleSize; i++)
        {
            // x^(3/4) once per line; the step only scales it.
            var magnitude = i < _cutoffLine ? Math.Pow(Math.Abs(spectrum[i]), 0.75) : 0;
            _magnitudes[i] = magnitude;
            largest = Math.Max(largest, magnitude);
        }

        // The finest step at which the largest line is still codable.
        var low = 0;
        if (largest > 0)
        {
            var gain = 210 + (16.0 / 3.0 * Math.Log2(largest / (MaxQuantizedValue + 1 - RoundingOffset)));
            low = Math.Clamp((int)Math.Ceiling(gain), 0, 255);
            while (low < 255 && !Quantize(spectrum, low, quantized))
            {
                low++;
            }
        }

        if (Fits(spectrum, low, bitBudget, quantized, info))
        {
            return info.Part23Length;
        }

        // Bits fall as the gain rises; at 255 everything quantizes to zero. Find the smallest gain that fits.
        var high = 255;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Fits(spectrum, middle, bitBudget, quantized, info))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        if (!Fits(spectrum, high, bitBudget, quantized, info))
        {
            throw new InvalidOperationException("Even the coarsest quantizer step does not fit the granule's bit budget.");
        }

        return info.Part23Length;
    }

    private bool Fits(ReadOnlySpan<double> spectrum, int gain, int bitBudget, Span<int> quantized, GranuleSideInfo info)
    {
        if (!Quantize(spectrum, gain, quantized))
        {
            return false;
        }

        info.GlobalGain = gain;
        return _selector.Plan(quantized, info) <= bitBudget;
    }

    // Quantizes with global gain `gain`; false if some value is too large to code.
    private bool Quantize(ReadOnlySpan<double> spectrum, int gain, Span<int> quantized)
    {
        var scale = Math.Pow(2.0, -(gain - 210) * 3.0 / 16.0);
        for (var i = 0; i < Mdct.GranuleSize; i++)
        {
            var value = (int)((_magnitudes[i] * scale) + RoundingOffset);
            if (value > MaxQuantizedValue)
            {
                return false;
            }

            quantized[i] = spectrum[i] < 0 ? -value : value;
        }

        return true;
    }
}
