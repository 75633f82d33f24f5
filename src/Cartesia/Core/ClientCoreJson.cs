using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cartesia.Core.Http;

namespace Cartesia.Core;

/// <summary>Sending a request whose answer is a JSON model.</summary>
internal static class ClientCoreJson
{
    /// <summary>Sends the request and reads the JSON answer, attaching the response description.</summary>
    public static async ValueTask<T> SendForJsonAsync<T>(this ClientCore core, PipelineRequest request, JsonTypeInfo<T> typeInfo, bool async, CancellationToken cancellationToken)
        where T : CartesiaResult
    {
        using PipelineResponse response = await core.Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        T value = Deserialize(response, typeInfo, request);
        value.Response = response.Info;
        return value;
    }

    /// <summary>Sends a request whose answer has no body of interest (204 No Content) and returns the response description.</summary>
    public static async ValueTask<CartesiaResponseInfo> SendForInfoAsync(this ClientCore core, PipelineRequest request, bool async, CancellationToken cancellationToken)
    {
        using PipelineResponse response = await core.Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        return response.Info;
    }

    /// <summary>Sends a request whose answer is a JSON array, returning the items with the response description.</summary>
    public static async ValueTask<CartesiaList<T>> SendForListAsync<T>(this ClientCore core, PipelineRequest request, JsonTypeInfo<List<T>> typeInfo, bool async, CancellationToken cancellationToken)
    {
        using PipelineResponse response = await core.Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        return new CartesiaList<T>(Deserialize(response, typeInfo, request), response.Info);
    }

    /// <summary>Sends a request whose answer is a JSON object wrapping an array, returning the items with the response description.</summary>
    public static async ValueTask<CartesiaList<TItem>> SendForWrappedListAsync<TWrapper, TItem>(this ClientCore core, PipelineRequest request, JsonTypeInfo<TWrapper> typeInfo, Func<TWrapper, IReadOnlyList<TItem>?> items, bool async, CancellationToken cancellationToken)
    {
        using PipelineResponse response = await core.Pipeline.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        TWrapper wrapper = Deserialize(response, typeInfo, request);
        return new CartesiaList<TItem>(items(wrapper) ?? [], response.Info);
    }

    /// <summary>Builds a JSON request of the standard kind (retried on every transient failure).</summary>
    public static PipelineRequest Json(HttpMethod method, string pathAndQuery, string operation, Func<HttpContent>? content = null, string accept = "application/json") => new()
    {
        Method = method,
        PathAndQuery = pathAndQuery,
        Operation = operation,
        Content = content,
        Accept = accept,
    };

    /// <summary>Reads a buffered JSON body, turning malformed JSON into a <see cref="CartesiaProtocolException"/>.</summary>
    public static T Deserialize<T>(PipelineResponse response, JsonTypeInfo<T> typeInfo, PipelineRequest request)
    {
        byte[] body = response.Body ?? [];
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new JsonException("The body was JSON null.");
        }
        catch (JsonException ex)
        {
            string text = System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
            throw new CartesiaProtocolException($"The response to {request.Method} {request.PathAndQuery} ({request.Operation}) is not the JSON the SDK expected: {ex.Message}", ex)
            {
                Payload = text,
            };
        }
    }
}
