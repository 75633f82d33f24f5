namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>
/// A small MPEG audio Layer III (MP3) encoder for mono PCM: constant bit rate, long blocks only, no psychoacoustic
/// model, no scale factors and no bit reservoir. Each granule's spectrum is quantized with one step size, the finest
/// whose Huffman coding fits the granule's share of the frame. Meant for the emulator's generated speech, where it
/// keeps tones at their frequency and level; it is deterministic: the same input always gives the same bytes.
/// </summary>
internal static class Mp3Encoder
{
    /// <summary>
    /// How many samples a standard decoder's output lags the input by: 576 for the transform's overlap plus 481 for
    /// the polyphase analysis and synthesis filter banks. The encoder appends enough frames that the decoded stream
    /// still contains the whole input after this delay.
    /// </summary>
    public const int DecoderDelaySamples = 576 + 481;

    /// <summary>Encodes mono PCM samples (floats in [-1, 1]) as a sequence of MPEG audio Layer III frames.</summary>
    /// <param name="samples">The samples; values outside [-1, 1] are clipped and NaN is read as 0.</param>
    /// <param name="sampleRate">
    /// The sample rate in Hz: 32000, 44100 or 48000 (written as MPEG-1), 16000, 22050 or 24000 (MPEG-2) or 8000,
    /// 11025 or 12000 (MPEG-2.5).
    /// </param>
    /// <param name="bitRate">
    /// The requested bit rate in bit/s. MP3 allows only certain bit rates, so the nearest allowed one is used (on a
    /// tie, the lower): 32 to 320 kbit/s for MPEG-1 and 8 to 160 kbit/s for MPEG-2 and MPEG-2.5, so that, for
    /// example, 192 kbit/s at 16, 22.05, 24 or 8 kHz is written as 160 kbit/s. Frame sizes are padded as the
    /// standard prescribes, so the average bit rate is exact. At very high bit rates for the sample rate (such as
    /// 160 kbit/s at 8 kHz) a granule cannot use more than 4095 bits, and the rest of each frame is left as zero
    /// ancillary data.
    /// </param>
    /// <returns>The MP3 frames, with no ID3 tag and no Xing/LAME header; at least one frame.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not an MP3 sample rate, or the bit rate is not positive.</exception>
    public static byte[] Encode(ReadOnlySpan<float> samples, int sampleRate, int bitRate)
    {
        var format = Mp3StreamFormat.Create(sampleRate, bitRate);
        var frameSamples = format.SamplesPerFrame;
        var frameCount = (int)Math.Max(1, ((long)samples.Length + DecoderDelaySamples + frameSamples - 1) / frameSamples);
        var headers = PlanFrames(format, frameCount, out var totalBytes);

        var output = new byte[totalBytes];
        var writer = new BitWriter(output);
        var filterBank = new PolyphaseAnalysisFilterBank();
        var mdct = new Mdct();
        var quantizer = new Quantizer(format);
        var bands = ScaleFactorBands.Long(sampleRate);

        var pcm = new double[PolyphaseAnalysisFilterBank.Subbands];
        var subbandSamples = new double[Mdct.GranuleSize];
        var spectrum = new double[Mdct.GranuleSize];
        var granules = new GranuleSideInfo[format.GranulesPerFrame];
        var quantized = new int[format.GranulesPerFrame][];
        for (var gr = 0; gr < granules.Length; gr++)
        {
            granules[gr] = new GranuleSideInfo();
            quantized[gr] = new int[Mdct.GranuleSize];
        }

        var position = 0;
        var frameStart = 0;
        foreach (var header in headers)
        {
            var mainDataBits = (header.FrameLength - Mp3FrameHeader.Size - format.SideInfoSize) * 8;
            for (var gr = 0; gr < granules.Length; gr++)
            {
                for (var slot = 0; slot < Mdct.LinesPerSubband; slot++)
                {
                    for (var i = 0; i < pcm.Length; i++, position++)
                    {
                        pcm[i] = position < samples.Length ? Sanitize(samples[position]) : 0;
                    }

                    filterBank.Process(pcm, subbandSamples.AsSpan(slot * PolyphaseAnalysisFilterBank.Subbands, PolyphaseAnalysisFilterBank.Subbands));
                }

                mdct.Transform(subbandSamples, spectrum);

                // Each granule may use what the earlier granules of the frame left, split evenly.
                var budget = mainDataBits / (granules.Length - gr);
                mainDataBits -= quantizer.QuantizeGranule(spectrum, budget, quantized[gr], granules[gr]);
            }

            header.Write(writer);
            SideInformation.Write(writer, format.Version, granules);
            for (var gr = 0; gr < granules.Length; gr++)
            {
                HuffmanEncoder.Write(writer, quantized[gr], granules[gr], bands);
            }

            frameStart += header.FrameLength;
            writer.SkipToByte(frameStart);
        }

        return output;
    }

    // Decides each frame's padding so that the average frame length is exactly samples/8 × bit rate / sample rate
    // bytes: the fractional part accumulates, and a frame is padded by one byte whenever it reaches a whole byte.
    private static Mp3FrameHeader[] PlanFrames(Mp3StreamFormat format, int frameCount, out int totalBytes)
    {
        var numerator = (long)(format.SamplesPerFrame / 8) * format.BitRate;
        var remainder = numerator % format.SampleRate;
        var headers = new Mp3FrameHeader[frameCount];
        long accumulated = 0, total = 0;
        for (var f = 0; f < frameCount; f++)
        {
            accumulated += remainder;
            var padding = accumulated >= format.SampleRate;
            if (padding)
            {
                accumulated -= format.SampleRate;
            }

            headers[f] = format.Header(padding);
            total += headers[f].FrameLength;
        }

        totalBytes = checked((int)total);
        return headers;
    }

    private static double Sanitize(float sample) => float.IsNaN(sample) ? 0 : Math.Clamp(sample, -1f, 1f);
}
