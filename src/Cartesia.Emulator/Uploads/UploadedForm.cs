namespace Cartesia.Emulator.Uploads;

/// <summary>
/// A <c>multipart/form-data</c> request body as <see cref="UploadReader"/> streamed it: its parts (file parts spooled
/// to temporary files), or what was wrong with it. Disposing it deletes the spooled files; the request disposes it
/// when it ends, however it ends.
/// </summary>
internal sealed class UploadedForm : IAsyncDisposable
{
    private readonly List<UploadedPart> _parts = [];
    private readonly List<FileStream> _spools = [];

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<UploadedPart> Parts => _parts;

    /// <summary>Why the body is not a readable multipart body, or null when it is.</summary>
    public string? Problem { get; set; }

    public void Add(UploadedPart part) => _parts.Add(part);

    /// <summary>Creates a temporary file in the directory, deleted when the form is disposed (or, at the latest, when it is closed).</summary>
    public FileStream CreateSpool(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $"cartesia-upload-{Guid.NewGuid():N}.tmp");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        lock (_spools)
        {
            _spools.Add(spool);
        }

        return spool;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        FileStream[] spools;
        lock (_spools)
        {
            spools = [.. _spools];
            _spools.Clear();
        }

        foreach (FileStream spool in spools)
        {
            await spool.DisposeAsync().ConfigureAwait(false);
        }
    }
}
