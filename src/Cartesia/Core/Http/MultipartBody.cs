using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Cartesia.Core.Http;

/// <summary>
/// A <c>multipart/form-data</c> body (PROTOCOL.md §8–§9): text parts without a content type, file parts that
/// stream from their source, nested fields flattened with brackets by the caller (<c>output_format[container]</c>).
/// Each attempt gets fresh content: a path is reopened, a seekable stream rewound, bytes reused.
/// </summary>
internal sealed class MultipartBody
{
    private const int FileBufferSize = 64 * 1024;
    private readonly List<(string Name, string? Text, CartesiaFile? File, long StreamStart)> _parts = [];

    /// <summary>Whether the body can be created again for a retry.</summary>
    public bool Replayable => _parts.All(p => p.File is null || p.File.IsReplayable);

    /// <summary>Adds a text part, unless the value is null.</summary>
    public MultipartBody Add(string name, string? value)
    {
        if (value is not null)
        {
            _parts.Add((name, value, null, 0));
        }

        return this;
    }

    /// <summary>Adds an integer part, unless the value is null.</summary>
    public MultipartBody Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean part (<c>true</c>/<c>false</c>), unless the value is null.</summary>
    public MultipartBody Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds the fields of an output format with bracketed names (<c>output_format[container]</c>, …).</summary>
    public MultipartBody AddOutputFormat(string name, AudioOutputFormat format)
        => Add($"{name}[container]", format.Container.Value)
            .Add($"{name}[encoding]", format.Encoding?.Value)
            .Add($"{name}[sample_rate]", format.SampleRate)
            .Add($"{name}[bit_rate]", format.BitRate);

    /// <summary>Adds a file part, unless the file is null (a stream's start position is taken now).</summary>
    public MultipartBody Add(string name, CartesiaFile? file)
    {
        if (file is not null)
        {
            _parts.Add((name, null, file, file.Stream is { CanSeek: true } stream ? stream.Position : 0));
        }

        return this;
    }

    /// <summary>The factory of one fresh content per attempt.</summary>
    public Func<HttpContent> CreateFactory() => Create;

    private MultipartFormDataContent Create()
    {
        var content = new MultipartFormDataContent();
        try
        {
            foreach ((string name, string? text, CartesiaFile? file, long streamStart) in _parts)
            {
                if (file is null)
                {
                    // Text fields go without a content type, as browsers and the official SDKs send them.
                    content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text!)), name);
                    continue;
                }

                HttpContent part = FileContent(file, streamStart);
                part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out MediaTypeHeaderValue? type)
                    ? type
                    : new MediaTypeHeaderValue("application/octet-stream");
                content.Add(part, name, file.FileName);
            }

            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    private static HttpContent FileContent(CartesiaFile file, long streamStart)
    {
        if (file.Path is { } path)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
            return new StreamContent(stream, FileBufferSize);
        }

        if (file.Stream is { } source)
        {
            if (source.CanSeek)
            {
                source.Position = streamStart;
            }

            return new StreamContent(new NonDisposingStream(source), FileBufferSize);
        }

        return new ReadOnlyMemoryContent(file.Bytes);
    }
}
