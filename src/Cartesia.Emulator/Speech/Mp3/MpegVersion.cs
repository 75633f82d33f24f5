namespace Cartesia.Emulator.Speech.Mp3;

/// <summary>The MPEG audio version a Layer III stream is written in, chosen by its sample rate.</summary>
internal enum MpegVersion
{
    /// <summary>MPEG-1 (ISO/IEC 11172-3): 32, 44.1 and 48 kHz, two granules of 576 samples per frame.</summary>
    Mpeg1,

    /// <summary>MPEG-2 low sampling frequencies (ISO/IEC 13818-3): 16, 22.05 and 24 kHz, one granule per frame.</summary>
    Mpeg2,

    /// <summary>The unofficial but universally decoded MPEG-2.5 extension: 8, 11.025 and 12 kHz, one granule per frame.</summary>
    Mpeg25,
}
