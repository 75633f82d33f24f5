namespace Cartesia.Cli;

/// <summary>
/// Where the offline CLI keeps its built-in emulator's state, so a voice cloned by one command is there for the next:
/// <c>$XDG_DATA_HOME/cartesia/emulator</c>, else <c>$HOME/.local/share/cartesia/emulator</c> (on Windows
/// <c>%LOCALAPPDATA%\cartesia\emulator</c>). <c>CARTESIA_EMULATOR_STATE_DIR</c> overrides it.
/// </summary>
internal static class OfflineState
{
    /// <summary>The variable that overrides the state directory.</summary>
    public const string DirectoryVariable = "CARTESIA_EMULATOR_STATE_DIR";

    /// <summary>The state directory, or null when the environment names no home to keep it in.</summary>
    public static string? Directory(CliContext context)
    {
        if (NonEmpty(context.Environment(DirectoryVariable)) is { } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory);
        }

        if (OperatingSystem.IsWindows())
        {
            string? local = NonEmpty(context.Environment("LOCALAPPDATA"));
            return local is null ? null : Path.Combine(local, "cartesia", "emulator");
        }

        // XDG Base Directory: a relative XDG_DATA_HOME is invalid and ignored.
        if (NonEmpty(context.Environment("XDG_DATA_HOME")) is { } data && Path.IsPathRooted(data))
        {
            return Path.Combine(data, "cartesia", "emulator");
        }

        return NonEmpty(context.Environment("HOME")) is { } home ? Path.Combine(home, ".local", "share", "cartesia", "emulator") : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
