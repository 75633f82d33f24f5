using Microsoft.Win32.SafeHandles;

namespace Cartesia.Cli;

/// <summary>
/// Standard output as a stream that can seek when it is a regular file (<c>-o - &gt; out.wav</c>), so a WAV
/// header's sizes can be fixed at the end; a pipe or terminal gets the console's stream.
/// </summary>
internal static class StandardOutput
{
    public static Stream Open()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var file = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (file.CanSeek && !Appends(file))
                {
                    return file;
                }

                file.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
            {
                // Not a file we can write through a FileStream: use the console's stream.
            }
        }

        return Console.OpenStandardOutput();
    }

    /// <summary>
    /// Whether standard output may have been opened to append (<c>&gt;&gt;</c>): writes then ignore the position, so
    /// sizes cannot be fixed. Linux says so in /proc; elsewhere only an empty file at its start counts as safe.
    /// </summary>
    private static bool Appends(FileStream file)
    {
        const int Append = 0x400; // O_APPEND (octal 02000) on Linux
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/self/fdinfo/1"))
            {
                string? flags = File.ReadLines("/proc/self/fdinfo/1").FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
                return flags is null || (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & Append) != 0;
            }
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return true;
        }

        return file.Length != 0 || file.Position != 0;
    }
}
