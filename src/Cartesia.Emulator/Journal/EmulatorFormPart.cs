using System.Text;

namespace Cartesia.Emulator.Journal;

/// <summary>One part of a <c>multipart/form-data</c> request body, as it arrived.</summary>
/// <param name="Name">The field name, for example <c>clip</c> or <c>output_format[container]</c>.</param>
/// <param name="FileName">The file name of a file part; null for a text field.</param>
/// <param name="ContentType">The part's content type, if it had one.</param>
/// <param name="Content">The part's bytes.</param>
public sealed record EmulatorFormPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    /// <summary>The content as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Content);

    /// <summary>Whether the part is a file.</summary>
    public bool IsFile => FileName is not null;

    /// <inheritdoc />
    public override string ToString() => IsFile ? $"{Name} = file {FileName} ({Content.Length} bytes, {ContentType})" : $"{Name} = {Text}";
}
