namespace Cartesia.Core;

/// <summary>
/// The save-to-file helpers' checks: a file is written next to its destination as <c>.partial</c> and renamed when
/// complete, so errors must name the user's path, not the partial one, and come before anything is written.
/// </summary>
internal static class OutputFile
{
    /// <summary>Checks that the destination's directory exists; returns the full path.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist (the message names <paramref name="path"/>).</exception>
    public static string Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Cannot save to '{path}': the directory '{directory}' does not exist.");
        }

        return fullPath;
    }

    /// <summary>Opens the partial file of <paramref name="fullPath"/>, naming the user's path if that fails.</summary>
    public static FileStream OpenPartial(string path, string fullPath, FileAccess access, int bufferSize, bool useAsync)
    {
        try
        {
            return new FileStream(PartialOf(fullPath), FileMode.Create, access, FileShare.None, bufferSize, useAsync);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"Cannot save to '{path}': writing in '{Path.GetDirectoryName(fullPath)}' is not allowed.", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new DirectoryNotFoundException($"Cannot save to '{path}': the directory '{Path.GetDirectoryName(fullPath)}' does not exist.", ex);
        }
    }

    public static string PartialOf(string fullPath) => fullPath + ".partial";
}
