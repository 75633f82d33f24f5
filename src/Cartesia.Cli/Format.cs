using System.Globalization;

namespace Cartesia.Cli;

/// <summary>Human-readable sizes and durations for the terminal.</summary>
internal static class Format
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.##} MB"),
    };

    public static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.##} s");

    /// <summary>The duration of audio of a given size in a format (header excluded for wav).</summary>
    public static double AudioSeconds(long bytes, AudioOutputFormat format)
    {
        if (format.Container == AudioContainer.Mp3)
        {
            return format.BitRate is > 0 ? bytes * 8.0 / format.BitRate.Value : 0;
        }

        int perSample = format.Encoding?.BytesPerSample ?? 2;
        long payload = format.Container == AudioContainer.Wav ? Math.Max(0, bytes - Audio.WavHeader.SizeFor(format.Encoding!.Value)) : bytes;
        return (double)payload / (perSample * format.SampleRate);
    }
}
