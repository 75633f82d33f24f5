using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cartesia;

/// <summary>
/// The successful answer to a <see cref="CartesiaRequest"/>: status, headers and a body to read once.
/// Dispose it when done. (Error statuses throw <see cref="CartesiaApiException"/>, which carries the body.)
/// </summary>
public sealed class CartesiaRawResponse : IDisposable, IAsyncDisposable
{
    internal CartesiaRawResponse(Stream content, CartesiaResponseInfo response)
    {
        Content = content;
        Response = response;
    }

    /// <summary>The status, headers and request id.</summary>
    public CartesiaResponseInfo Response { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => Response.StatusCode;

    /// <summary>The body as it streams in (subject to the stream idle timeout).</summary>
    public Stream Content { get; }

    /// <summary>Reads the body as UTF-8 text.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<string> ReadAsStringAsync(CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Content, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the body as UTF-8 text.</summary>
    public string ReadAsString()
    {
        using var reader = new StreamReader(Content, Encoding.UTF8, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>Reads the whole body.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<byte[]> ReadAsBytesAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Reads the whole body.</summary>
    public byte[] ReadAsBytes()
    {
        using var buffer = new MemoryStream();
        Content.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads the body as JSON (trimming-safe: pass source-generated metadata).</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="typeInfo">The JSON metadata of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<T?> ReadFromJsonAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => await JsonSerializer.DeserializeAsync(Content, typeInfo, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the body as JSON (trimming-safe: pass source-generated metadata).</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="typeInfo">The JSON metadata of <typeparamref name="T"/>.</param>
    public T? ReadFromJson<T>(JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(Content, typeInfo);

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
