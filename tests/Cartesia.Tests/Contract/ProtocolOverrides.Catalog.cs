using System.Text.Json.Nodes;

namespace Cartesia.Tests.Contract;

/// <summary>Issue 20: the catalogue endpoints and the pronunciation field the document lacks.</summary>
internal static partial class ProtocolOverrides
{
    /// <summary>
    /// <c>GET /models</c> and <c>GET /locales</c>. The API reference lists both without a response schema; the SDK
    /// and the emulator follow the other catalogue (<c>GET /accents</c>): one object wrapping an unpaginated array.
    /// </summary>
    private static void AddCatalogOperations(OpenApiDocument document)
    {
        JsonObject version = new() { ["$ref"] = "#/components/parameters/CartesiaVersionHeader" };
        JsonObject Json(string schema) => new() { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + schema } } };
        JsonObject Strings() => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };

        document.Schemas["LanguageSunset"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["language"] = new JsonObject { ["type"] = "string" },
                ["sunset_date"] = new JsonObject { ["type"] = "string", ["format"] = "date" },
            },
            ["required"] = new JsonArray("language", "sunset_date"),
        };
        document.Schemas["CatalogModel"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["type"] = new JsonObject { ["type"] = "string" },
                ["languages"] = Strings(),
                ["endpoints"] = Strings(),
                ["alias_of"] = new JsonObject { ["type"] = "string", ["nullable"] = "true" },
                ["sunset_date"] = new JsonObject { ["type"] = "string", ["format"] = "date", ["nullable"] = "true" },
                ["sunset_languages"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/LanguageSunset" } },
            },
            ["required"] = new JsonArray("id", "name", "type", "languages"),
        };
        document.Schemas["CatalogLocale"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z]{2}-[A-Z]{2}$" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["language"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("id", "name", "language"),
        };
        foreach ((string path, string property, string item) in new[] { ("/models", "models", "CatalogModel"), ("/locales", "locales", "CatalogLocale") })
        {
            string response = "List" + item + "sResponse";
            document.Schemas[response] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [property] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + item } } },
                ["required"] = new JsonArray(property),
            };
            document.Paths[path] = new JsonObject
            {
                ["get"] = new JsonObject { ["parameters"] = new JsonArray(version.DeepClone()), ["responses"] = new JsonObject { ["200"] = new JsonObject { ["content"] = Json(response) } } },
            };
        }
    }

    /// <summary>Items take <c>pronunciation</c>; the docs mark <c>alias</c> deprecated (either is accepted, text is required).</summary>
    private static void AllowPronunciation(OpenApiDocument document)
    {
        JsonObject item = document.Schemas["PronunciationDictItem"]!.AsObject();
        item["properties"]!["pronunciation"] = new JsonObject { ["type"] = "string" };
        item["required"] = new JsonArray("text");
    }
}
