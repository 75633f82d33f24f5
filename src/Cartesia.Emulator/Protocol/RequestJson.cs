using System.Text.Json;

namespace Cartesia.Emulator.Protocol;

/// <summary>Reads a JSON request body field by field, answering 400 (in the request's error format) when it is malformed.</summary>
internal static class RequestJson
{
    /// <summary>The request body as a JSON object.</summary>
    public static JsonElement Object(ApiContext api)
    {
        RequireJson(api);
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(api.Body.Length == 0 ? "{}"u8.ToArray() : api.Body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ApiError.Invalid($"The request body is not valid JSON: {ex.Message}");
        }

        if (JsonStrings.Problem(root) is { } problem)
        {
            throw ApiError.Invalid($"The request body is not valid JSON: {problem}.");
        }

        return root.ValueKind == JsonValueKind.Object ? root : throw ApiError.Invalid("The request body must be a JSON object.");
    }

    /// <summary>Refuses an upload (<c>multipart/form-data</c>) where a JSON body is expected.</summary>
    public static void RequireJson(ApiContext api)
    {
        if (api.Form is not null)
        {
            throw ApiError.Invalid("The request body must be JSON, not multipart/form-data.");
        }
    }

    /// <summary>A required, non-empty string.</summary>
    public static string Required(JsonElement body, string name)
    {
        string? value = Optional(body, name);
        return string.IsNullOrWhiteSpace(value) ? throw new ApiError(422, "invalid_request", "Invalid request", $"'{name}' is required.") : value;
    }

    /// <summary>A string that may be absent or null.</summary>
    public static string? Optional(JsonElement body, string name)
        => body.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ApiError(422, "invalid_request", "Invalid request", $"'{name}' must be a string.")
            : null;

    /// <summary>Whether the property is present (null included).</summary>
    public static bool Has(JsonElement body, string name) => body.TryGetProperty(name, out _);

    /// <summary>A boolean that may be absent or null.</summary>
    public static bool? OptionalBool(JsonElement body, string name)
        => body.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new ApiError(422, "invalid_request", "Invalid request", $"'{name}' must be true or false."),
        } : null;

    /// <summary>An integer that may be absent or null.</summary>
    public static long? OptionalInteger(JsonElement body, string name)
        => body.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n : throw new ApiError(422, "invalid_request", "Invalid request", $"'{name}' must be an integer.")
            : null;

    /// <summary>An array of strings that may be absent or null.</summary>
    public static List<string>? OptionalStrings(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new ApiError(422, "invalid_request", "Invalid request", $"'{name}' must be an array of strings.");
        }

        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
