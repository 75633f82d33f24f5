namespace Cartesia;

/// <summary>
/// A file to upload (a voice clip, a dataset file, audio for the voice changer or infill): from a path, a
/// <see cref="Stream"/> or bytes. Uploads stream: a file is read from disk as it is sent, never loaded whole.
/// </summary>
/// <remarks>
/// A request whose file comes from a path, bytes or a seekable stream is sent again intact on a retry (the file
/// is reopened, or the stream rewound to where it was). A stream that cannot seek can be sent only once, so such
/// a request is never retried.
/// </remarks>
/// <example>
/// <code>
/// CartesiaFile.FromPath("clip.wav");
/// CartesiaFile.FromStream(upload.OpenReadStream(), "clip.wav");
/// CartesiaFile.FromBytes(bytes, "clip.wav", "audio/wav");
/// </code>
/// </example>
public sealed class CartesiaFile
{
    private CartesiaFile(string fileName, string? contentType, string? path, Stream? stream, ReadOnlyMemory<byte> bytes)
    {
        FileName = fileName;
        ContentType = string.IsNullOrWhiteSpace(contentType) ? GuessContentType(fileName) : contentType;
        Path = path;
        Stream = stream;
        Bytes = bytes;
    }

    /// <summary>The file name sent with the upload (for a path, its last segment).</summary>
    public string FileName { get; }

    /// <summary>The media type sent with the upload (guessed from the file name unless given).</summary>
    public string ContentType { get; }

    /// <summary>The path the file is read from, or null.</summary>
    public string? Path { get; }

    /// <summary>The stream the file is read from, or null. It is not disposed by the SDK.</summary>
    public Stream? Stream { get; }

    /// <summary>Whether the request can be sent again intact (not for a stream that cannot seek).</summary>
    public bool IsReplayable => Stream is null || Stream.CanSeek;

    internal ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>A file on disk, read as it is sent; its name is the last segment of the path.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The media type; null to guess from the extension (<c>.wav</c> → <c>audio/wav</c>).</param>
    /// <exception cref="ArgumentException">The path is empty or names a directory.</exception>
    public static CartesiaFile FromPath(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fileName = System.IO.Path.GetFileName(path);
        if (fileName.Length == 0)
        {
            throw new ArgumentException($"'{path}' names a directory, not a file.", nameof(path));
        }

        return new CartesiaFile(fileName, contentType, System.IO.Path.GetFullPath(path), null, default);
    }

    /// <summary>
    /// A file read from a stream as it is sent, from its current position. The stream stays yours (the SDK does not
    /// dispose it); if it cannot seek, the request is sent once and never retried.
    /// </summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="fileName">The file name to send, for example <c>clip.wav</c>.</param>
    /// <param name="contentType">The media type; null to guess from the file name.</param>
    /// <exception cref="ArgumentException">The stream cannot be read, or the file name is empty.</exception>
    public static CartesiaFile FromStream(Stream stream, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read (is it closed, or open for writing only?).", nameof(stream));
        }

        return new CartesiaFile(fileName, contentType, null, stream, default);
    }

    /// <summary>A file held in memory.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="fileName">The file name to send, for example <c>clip.wav</c>.</param>
    /// <param name="contentType">The media type; null to guess from the file name.</param>
    /// <exception cref="ArgumentException">The file name is empty.</exception>
    public static CartesiaFile FromBytes(ReadOnlyMemory<byte> bytes, string fileName, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return new CartesiaFile(fileName, contentType, null, null, bytes);
    }

    /// <inheritdoc />
    public override string ToString() => Path ?? $"{FileName} ({(Stream is null ? "bytes" : "stream")})";

    /// <summary>Checks, before anything is sent, that the file can be read.</summary>
    internal void Validate(string field, string paramName)
    {
        if (Path is not null)
        {
            if (!File.Exists(Path))
            {
                throw new ArgumentException($"{field}: the file '{Path}' does not exist.", paramName);
            }

            try
            {
                using var probe = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"{field}: the file '{Path}' cannot be read: {ex.Message}", paramName, ex);
            }
        }
        else if (Stream is { CanRead: false })
        {
            throw new ArgumentException($"{field}: the stream cannot be read (was it disposed?).", paramName);
        }
    }

    private static string GuessContentType(string fileName) => System.IO.Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".wav" or ".wave" => "audio/wav",
        ".mp3" or ".mpga" or ".mpeg" => "audio/mpeg",
        ".flac" => "audio/flac",
        ".ogg" or ".oga" or ".opus" => "audio/ogg",
        ".m4a" or ".mp4" => "audio/mp4",
        ".webm" => "audio/webm",
        ".aac" => "audio/aac",
        ".txt" => "text/plain",
        ".csv" => "text/csv",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
