namespace Cartesia.Audio;

/// <summary>
/// Converts raw mono audio between encodings and sample rates in one call (decode, resample, encode), for
/// example 24 kHz float TTS output to 8 kHz μ-law for a phone line, or a 48 kHz microphone to 16 kHz s16 for STT.
/// Prefer asking the service for the rate you need; convert only what you cannot.
/// </summary>
public static class AudioConverter
{
    /// <summary>Converts raw audio.</summary>
    /// <param name="audio">The input samples.</param>
    /// <param name="fromEncoding">Their encoding.</param>
    /// <param name="fromRate">Their sample rate in Hz.</param>
    /// <param name="toEncoding">The output encoding.</param>
    /// <param name="toRate">The output sample rate in Hz.</param>
    /// <returns>The converted samples.</returns>
    public static byte[] Convert(ReadOnlySpan<byte> audio, AudioEncoding fromEncoding, int fromRate, AudioEncoding toEncoding, int toRate)
    {
        float[] samples = PcmCodec.Decode(audio, fromEncoding);
        float[] resampled = AudioResampler.Resample(samples, fromRate, toRate);
        return PcmCodec.Encode(resampled, toEncoding);
    }
}
