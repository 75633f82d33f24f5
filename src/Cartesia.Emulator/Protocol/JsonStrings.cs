using System.Text.Json;

namespace Cartesia.Emulator.Protocol;

/// <summary>
/// Checks that every string in a parsed JSON document can be read: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// accepts invalid UTF-8 and lone surrogate escapes inside strings, and only reading them throws (an
/// <see cref="InvalidOperationException"/>, which would otherwise end the request with a 500).
/// </summary>
internal static class JsonStrings
{
    /// <summary>What is wrong with the document's strings, or null when every one reads.</summary>
    public static string? Problem(JsonElement element)
    {
        try
        {
            Walk(element);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return $"a string is not valid UTF-8 or holds an invalid escape ({ex.Message})";
        }
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Walk(property.Value);
                }

                break;
        }
    }
}
