using System.Text.Json.Nodes;

namespace Cartesia.Tests.Contract;

/// <summary>
/// The differences between the document (API 2025-11-04 + tryAGI edits) and API 2026-08-14, which the SDK targets,
/// applied to the document before the check. Each entry names its source: PROTOCOL.md §0.3 row, or the section that
/// records the newer behaviour. Nothing here loosens a check beyond what the protocol says.
/// </summary>
internal static partial class ProtocolOverrides
{
    /// <summary>The operations the SDK offers that the document lacks, with their shapes.</summary>
    public static readonly (string Method, string Path)[] AddedOperations =
    [
        ("GET", "/accents"),                                  // §0.3 E1
        ("PATCH", "/voices/{id}/accents"),                    // PROTOCOL.md header: TS SDK 4.2.0
        ("DELETE", "/voices/{id}/accents/{accent_id}"),       // PROTOCOL.md header: TS SDK 4.2.0
        ("GET", "/models"),                                   // issue 20: docs.cartesia.ai/api-reference/models/list
        ("GET", "/locales"),                                  // issue 20: docs.cartesia.ai/api-reference/locales/list
    ];

    public static void Apply(OpenApiDocument document)
    {
        JsonObject schemas = document.Schemas;

        // H1: the SDK sends Cartesia-Version 2026-08-14.
        document.Root["components"]!["parameters"]!["CartesiaVersionHeader"]!["schema"]!["enum"] = new JsonArray("2026-08-14");

        // T4, T5, T6, V8, V13, F1: model ids, languages, emotions and localize targets are open in 2026-08-14.
        foreach (string open in new[] { "TTSModel", "SupportedLanguage", "InfillModel", "FineTuneBaseModel", "Emotion", "LocalizeTargetLanguage" })
        {
            schemas[open]!.AsObject().Remove("enum");
        }

        // T1: the voice is a plain id string (or {"id"}); T2, T3: locale and normalization on bytes/SSE requests.
        foreach (string request in new[] { "TTSRequest", "TTSSSERequest" })
        {
            JsonObject properties = schemas[request]!["properties"]!.AsObject();
            properties["voice"] = new JsonObject { ["type"] = "string" };
            properties["locale"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z]{2}-[A-Z]{2}$" };
            properties["normalization"] = new JsonObject { ["type"] = "string" };
        }

        // V1–V7: Voice has access, visibility, tagline and accent instead of is_public.
        JsonObject voice = schemas["Voice"]!.AsObject();
        ReplacePublic(voice);
        voice["properties"]!["accent"] = new JsonObject { ["type"] = "string" };

        // V9: VoiceMetadata (clone/localize) likewise, with a tagline.
        ReplacePublic(schemas["VoiceMetadata"]!.AsObject());

        // V10: PATCH /voices/{id} takes an accent.
        schemas["UpdateVoiceRequest"]!["properties"]!["accent"] = new JsonObject { ["type"] = "string" };

        // V11: the clone form takes an accent.
        JsonObject clone = Form(document, "/voices/clone", "post");
        clone["properties"]!["accent"] = new JsonObject { ["type"] = "string" };

        // V12: localize takes voice_id, name and accent (required); description, language, dialect, gender and tagline are optional.
        JsonObject localize = schemas["LocalizeVoiceRequest"]!.AsObject();
        localize["properties"]!["accent"] = new JsonObject { ["type"] = "string" };
        localize["properties"]!["tagline"] = new JsonObject { ["type"] = "string" };
        localize["required"] = new JsonArray("voice_id", "name", "accent");

        // F2: fine-tunes carry an optional accent.
        schemas["CreateFineTuneRequest"]!["properties"]!["accent"] = new JsonObject { ["type"] = "string" };
        schemas["FineTune"]!["properties"]!["accent"] = new JsonObject { ["type"] = "string" };

        // PROTOCOL.md header (TS SDK 4.2.0): pronunciation-dictionary items have case_sensitive.
        schemas["PronunciationDictItem"]!["properties"]!["case_sensitive"] = new JsonObject { ["type"] = "boolean", ["nullable"] = "true" };

        // §9: infill's output_format is sent as bracketed parts, as the official SDKs send it (not one object part).
        JsonObject infill = Form(document, "/infill/bytes", "post");
        infill["properties"]!.AsObject().Remove("output_format");
        foreach ((string name, JsonNode node) in BracketedOutputFormat())
        {
            infill["properties"]![name] = node;
        }

        // §20: call audio streams a WAV file (200 audio/wav); the document declares only a 204.
        document.Paths["/agents/calls/{call_id}/audio"]!["get"]!["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "WAV", ["content"] = new JsonObject { ["audio/wav"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } } },
        };

        AddAccentOperations(document);
        AddCatalogOperations(document);
        AllowPronunciation(document);
    }

    private static void ReplacePublic(JsonObject schema)
    {
        JsonObject properties = schema["properties"]!.AsObject();
        properties.Remove("is_public");
        properties["access"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("private", "public") };
        properties["visibility"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("owner", "all") };
        properties["tagline"] = new JsonObject { ["type"] = "string" };
        var required = schema["required"]!.AsArray().Select(r => r!.ToString()).Where(r => r != "is_public").Concat(["access", "visibility", "tagline"]);
        schema["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
    }

    private static JsonObject Form(OpenApiDocument document, string path, string method)
        => document.Paths[path]![method]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!.AsObject();

    private static IEnumerable<(string, JsonNode)> BracketedOutputFormat() =>
    [
        ("output_format[container]", new JsonObject { ["$ref"] = "#/components/schemas/OutputFormatContainer" }),
        ("output_format[sample_rate]", new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray("8000", "16000", "22050", "24000", "44100", "48000") }),
        ("output_format[encoding]", new JsonObject { ["$ref"] = "#/components/schemas/RawEncoding", ["nullable"] = "true" }),
        ("output_format[bit_rate]", new JsonObject { ["type"] = "integer", ["nullable"] = "true" }),
    ];

    /// <summary>E1 and the accent endpoints of TS SDK 4.2.0, written in the document's own style.</summary>
    private static void AddAccentOperations(OpenApiDocument document)
    {
        JsonObject version = new() { ["$ref"] = "#/components/parameters/CartesiaVersionHeader" };
        JsonObject Id(string name) => new() { ["name"] = name, ["in"] = "path", ["required"] = "true", ["schema"] = new JsonObject { ["type"] = "string" } };
        JsonObject Json(string schema) => new() { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + schema } } };

        document.Schemas["Accent"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["language"] = new JsonObject { ["type"] = "string" },
                ["locale"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z]{2}-[A-Z]{2}$" },
                ["is_locale_default"] = new JsonObject { ["type"] = "boolean" },
                ["is_localizable"] = new JsonObject { ["type"] = "boolean" },
            },
            ["required"] = new JsonArray("id", "name", "language", "locale", "is_locale_default", "is_localizable"),
        };
        document.Schemas["ListAccentsResponse"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["accents"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/Accent" } } },
            ["required"] = new JsonArray("accents"),
        };
        document.Schemas["AddVoiceAccentsRequest"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["accents"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } },
            ["required"] = new JsonArray("accents"),
        };
        document.Paths["/accents"] = new JsonObject
        {
            ["get"] = new JsonObject { ["parameters"] = new JsonArray(version.DeepClone()), ["responses"] = new JsonObject { ["200"] = new JsonObject { ["content"] = Json("ListAccentsResponse") } } },
        };
        document.Paths["/voices/{id}/accents"] = new JsonObject
        {
            ["patch"] = new JsonObject
            {
                ["parameters"] = new JsonArray(version.DeepClone(), Id("id")),
                ["requestBody"] = new JsonObject { ["content"] = Json("AddVoiceAccentsRequest") },
                ["responses"] = new JsonObject { ["200"] = new JsonObject { ["content"] = Json("Voice") } },
            },
        };
        document.Paths["/voices/{id}/accents/{accent_id}"] = new JsonObject
        {
            ["delete"] = new JsonObject
            {
                ["parameters"] = new JsonArray(version.DeepClone(), Id("id"), Id("accent_id")),
                ["responses"] = new JsonObject { ["200"] = new JsonObject { ["content"] = Json("Voice") } },
            },
        };
    }
}
