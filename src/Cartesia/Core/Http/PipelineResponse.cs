namespace Cartesia.Core.Http;

/// <summary>A successful response: either fully read (<see cref="Body"/>) or ready to stream.</summary>
internal sealed class PipelineResponse : IDisposable
{
    public PipelineResponse(HttpResponseMessage message, byte[]? body, CartesiaResponseInfo info)
    {
        Message = message;
        Body = body;
        Info = info;
    }

    /// <summary>The HTTP response; its content is unread when the request streams.</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>The whole body, when the request did not stream.</summary>
    public byte[]? Body { get; }

    /// <summary>Status, headers and request id.</summary>
    public CartesiaResponseInfo Info { get; }

    /// <summary>The response's content type (media type only), or null.</summary>
    public string? MediaType => Message.Content.Headers.ContentType?.MediaType;

    public void Dispose() => Message.Dispose();
}
