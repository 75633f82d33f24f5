using Cartesia.Core.Http;

namespace Cartesia.Stt;

/// <summary>
/// The audio of a batch transcription: its first bytes (to check and describe it before anything is sent) and a
/// factory of upload bodies that stream it, once per attempt when the source can be read again.
/// </summary>
internal sealed class SttUpload
{
    private SttUpload(ReadOnlyMemory<byte> head, string source, string? fileName, bool replayable, Func<HttpContent> createContent)
    {
        Head = head;
        Source = source;
        FileName = fileName;
        Replayable = replayable;
        CreateContent = createContent;
    }

    /// <summary>The start of the audio.</summary>
    public ReadOnlyMemory<byte> Head { get; }

    /// <summary>Where the audio comes from, for messages.</summary>
    public string Source { get; }

    /// <summary>The source's own file name, when it has one.</summary>
    public string? FileName { get; }

    /// <summary>Whether the body can be created again for a retry.</summary>
    public bool Replayable { get; }

    /// <summary>Creates the body (the file part's content).</summary>
    public Func<HttpContent> CreateContent { get; }

    /// <summary>A file, streamed from disk on each attempt.</summary>
    public static async ValueTask<SttUpload> FromFileAsync(string path, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"The audio file '{path}' does not exist.", path);
        }

        byte[] head;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, async);
        try
        {
            head = await ReadHeadAsync(file, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (async)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                file.Dispose();
            }
        }

        long length = info.Length;
        FileOptions options = FileOptions.SequentialScan | (async ? FileOptions.Asynchronous : FileOptions.None);
        return new SttUpload(head, $"file '{path}'", Path.GetFileName(path), replayable: true,
            () => new UploadContent(ReadOnlyMemory<byte>.Empty, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, options), ownsStream: true, length));
    }

    /// <summary>
    /// A caller's stream (never disposed): re-read from its starting position on each attempt when it is
    /// seekable; otherwise sent once and never retried.
    /// </summary>
    public static async ValueTask<SttUpload> FromStreamAsync(Stream audio, bool async, CancellationToken cancellationToken)
    {
        if (!audio.CanRead)
        {
            throw new ArgumentException("The audio stream is not readable.", nameof(audio));
        }

        string? name = audio is FileStream fileStream ? Path.GetFileName(fileStream.Name) : null;
        if (audio.CanSeek)
        {
            long start = audio.Position;
            byte[] head = await ReadHeadAsync(audio, async, cancellationToken).ConfigureAwait(false);
            audio.Position = start;
            long length = Math.Max(0, audio.Length - start);
            return new SttUpload(head, "stream", name, replayable: true, () => new UploadContent(ReadOnlyMemory<byte>.Empty, () =>
            {
                audio.Position = start;
                return audio;
            }, ownsStream: false, length));
        }

        byte[] prefix = await ReadHeadAsync(audio, async, cancellationToken).ConfigureAwait(false);
        int created = 0;
        return new SttUpload(prefix, "stream", name, replayable: false, () => Interlocked.Exchange(ref created, 1) == 0
            ? new UploadContent(prefix, () => audio, ownsStream: false, streamLength: null)
            : throw new InvalidOperationException("A non-seekable audio stream can be uploaded only once."));
    }

    /// <summary>Audio in memory.</summary>
    public static SttUpload FromMemory(ReadOnlyMemory<byte> audio)
        => new(audio[..Math.Min(audio.Length, SttFileSniffer.HeadBytes)], "bytes", null, replayable: true,
            () => new UploadContent(audio, open: null, ownsStream: false, streamLength: null));

    /// <summary>Reads up to <see cref="SttFileSniffer.HeadBytes"/> from a stream (fewer at its end).</summary>
    private static async ValueTask<byte[]> ReadHeadAsync(Stream stream, bool async, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[SttFileSniffer.HeadBytes];
        int count = 0;
        while (count < buffer.Length)
        {
            int read = async
                ? await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)
                : stream.Read(buffer, count, buffer.Length - count);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        return count == buffer.Length ? buffer : buffer[..count];
    }
}
