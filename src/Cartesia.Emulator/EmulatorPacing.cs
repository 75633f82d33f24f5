namespace Cartesia.Emulator;

/// <summary>How the emulator paces streamed audio, to look like the real service when a test needs it.</summary>
public sealed class EmulatorPacing
{
    /// <summary>The wait before the first audio chunk. Default zero.</summary>
    public TimeSpan TimeToFirstAudio { get; set; }

    /// <summary>
    /// Generation time per second of audio: 0 (the default) streams as fast as possible, 1 in real time, 0.25 at
    /// four times real time.
    /// </summary>
    public double RealTimeFactor { get; set; }

    /// <summary>How much audio each streamed chunk carries. Default 100 ms.</summary>
    public TimeSpan ChunkDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pacing like the real service: about 90 ms to first audio, then five times faster than real time.</summary>
    public static EmulatorPacing Realistic => new() { TimeToFirstAudio = TimeSpan.FromMilliseconds(90), RealTimeFactor = 0.2 };

    /// <summary>A copy of these settings.</summary>
    public EmulatorPacing Clone() => new() { TimeToFirstAudio = TimeToFirstAudio, RealTimeFactor = RealTimeFactor, ChunkDuration = ChunkDuration };

    internal void Validate()
    {
        if (TimeToFirstAudio < TimeSpan.Zero || RealTimeFactor < 0 || double.IsNaN(RealTimeFactor) || ChunkDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("Pacing needs TimeToFirstAudio ≥ 0, RealTimeFactor ≥ 0 and ChunkDuration > 0.");
        }
    }
}
