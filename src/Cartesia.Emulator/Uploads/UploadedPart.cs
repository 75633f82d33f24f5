using System.Text;

namespace Cartesia.Emulator.Uploads;

/// <summary>
/// One part of a streamed <c>multipart/form-data</c> upload: a text field held in memory, or a file part spooled to
/// a temporary file (deleted when the request ends) and read back as a stream.
/// </summary>
internal sealed class UploadedPart
{
    private readonly byte[] _text;
    private readonly string? _spoolPath;

    private UploadedPart(string name, string? fileName, string? contentType, byte[] text, string? spoolPath, long length)
    {
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        _text = text;
        _spoolPath = spoolPath;
        Length = length;
    }

    /// <summary>The field name, for example <c>clip</c>.</summary>
    public string Name { get; }

    /// <summary>The file name of a file part; null for a text field.</summary>
    public string? FileName { get; }

    /// <summary>The part's content type, if it had one.</summary>
    public string? ContentType { get; }

    /// <summary>How many bytes the part holds.</summary>
    public long Length { get; }

    /// <summary>Whether the part is a file.</summary>
    public bool IsFile => FileName is not null;

    /// <summary>A text field's content as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(_text);

    public static UploadedPart Field(string name, string? contentType, byte[] content) => new(name, null, contentType, content, null, content.Length);

    public static UploadedPart File(string name, string fileName, string? contentType, string spoolPath, long length) => new(name, fileName, contentType, [], spoolPath, length);

    /// <summary>Opens the part's content for reading, from its start (each call a new stream the caller disposes).</summary>
    public Stream OpenRead()
        => _spoolPath is null
            ? new MemoryStream(_text, writable: false)
            : new FileStream(_spoolPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of the part (for sniffing a format).</summary>
    public byte[] Head(int count)
    {
        using Stream stream = OpenRead();
        byte[] buffer = new byte[(int)Math.Min(count, Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <inheritdoc />
    public override string ToString() => IsFile ? $"{Name} = file {FileName} ({Length} bytes, {ContentType})" : $"{Name} = {Length} bytes";
}
