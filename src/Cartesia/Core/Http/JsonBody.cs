using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cartesia.Core.Http;

/// <summary>A JSON request body, serialized once and replayed on each attempt.</summary>
internal static class JsonBody
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Serializes the value and returns a factory of identical contents.</summary>
    public static Func<HttpContent> Create<T>(T value, JsonTypeInfo<T> typeInfo)
        => FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>A factory of contents over bytes that are already JSON.</summary>
    public static Func<HttpContent> FromBytes(byte[] json)
        => () => new ByteArrayContent(json) { Headers = { ContentType = JsonMediaType } };
}
