namespace Cartesia.Cli;

/// <summary>Checks, before anything is sent, that a file the command will write can be written.</summary>
internal static class OutputPath
{
    /// <summary>Throws, naming the user's path, when its folder is missing or not writable, or it is a folder.</summary>
    public static void CheckWritable(string path, string option = "-o")
    {
        if (path == "-")
        {
            return;
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{option} {path}: that is a folder; give a file name.");
        }

        string folder = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"{option} {path}: the folder {folder} does not exist.");
        }

        string probe = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.check");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new ArgumentException($"{option} {path}: cannot write in the folder {folder} ({(ex is UnauthorizedAccessException ? "permission denied" : ex.Message)}).");
        }

        if (File.Exists(full) && File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
        {
            throw new ArgumentException($"{option} {path}: the file is read-only.");
        }
    }

    /// <summary>
    /// The container a file name asks for (wav, mp3 or raw); standard output (<c>-</c>) gets wav. An extension
    /// that names no container is refused rather than filled with WAV under another name.
    /// </summary>
    public static string ContainerOf(string path, bool hasContainerOption)
    {
        if (path == "-")
        {
            return "wav";
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".wav" => "wav",
            ".mp3" => "mp3",
            ".raw" or ".pcm" => "raw",
            _ => throw new ArgumentException(
                $"-o {path}: {(extension.Length == 0 ? "the name has no extension" : $"'{extension}' is not a format this command writes")}; name it .wav, .mp3, .raw or .pcm"
                + (hasContainerOption ? ", or choose the format with --container wav|mp3|raw." : ".")),
        };
    }
}
