using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Cartesia.Tests.Contract;

/// <summary>The OpenAPI document as JSON nodes (YAML scalars stay strings), with <c>$ref</c> resolution.</summary>
internal sealed class OpenApiDocument
{
    private OpenApiDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Paths => Root["paths"]!.AsObject();

    public JsonObject Schemas => Root["components"]!["schemas"]!.AsObject();

    public static OpenApiDocument Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Contract", "openapi.yaml");
        object? yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(path));
        return new OpenApiDocument(ToNode(yaml)!.AsObject());
    }

    /// <summary>Every operation: (METHOD, path template) → the operation object.</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations()
    {
        foreach ((string path, JsonNode? item) in Paths)
        {
            foreach ((string method, JsonNode? operation) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return (method.ToUpperInvariant(), path, operation!.AsObject());
                }
            }
        }
    }

    /// <summary>Follows <c>$ref</c>s; keywords beside a <c>$ref</c> (such as <c>nullable</c>) are kept.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        JsonObject current = schema.AsObject();
        bool nullable = IsTrue(current["nullable"]);
        while (current["$ref"] is JsonNode reference)
        {
            JsonNode target = Root;
            foreach (string segment in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
            {
                target = target[segment]!;
            }

            current = target.AsObject();
            nullable |= IsTrue(current["nullable"]);
        }

        if (nullable && !IsTrue(current["nullable"]))
        {
            current = (JsonObject)current.DeepClone();
            current["nullable"] = "true";
        }

        return current;
    }

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.ToString() == "true";

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        IDictionary<object, object> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key.ToString()!, ToNode(kv.Value)))),
        IList<object> list => new JsonArray(list.Select(ToNode).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
