using System.Text.Json;

namespace Cartesia.Core.Json;

/// <summary>Small helpers for hand-written <see cref="Utf8JsonReader"/> parsers (tolerant of nulls).</summary>
internal static class JsonReading
{
    /// <summary>Reads the value after a property name as a string, or null for JSON null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => GetString(ref reader),
            _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
        };
    }

    /// <summary>
    /// The current string token (or property name), failing with <see cref="JsonException"/> like any other
    /// malformed JSON when it holds invalid UTF-8 or a lone surrogate escape (<c>\ud800</c>), where
    /// <see cref="Utf8JsonReader.GetString"/> throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static string? GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"A string is not valid text: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the value after a property name as an integer, or null.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt32(out int value) => value,
            JsonTokenType.Number => (int)reader.GetDouble(),
            _ => throw new JsonException($"Expected a number, found {reader.TokenType}."),
        };
    }

    /// <summary>Reads the value after a property name as a number, or null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetDouble(),
            _ => throw new JsonException($"Expected a number, found {reader.TokenType}."),
        };
    }

    /// <summary>Reads the value after a property name as a boolean, or null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new JsonException($"Expected true or false, found {reader.TokenType}."),
        };
    }

    /// <summary>Reads the value after a property name as a <see cref="JsonElement"/> of its own.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Reads an array of strings (null gives an empty array).</summary>
    public static string[] ReadStringArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.String ? GetString(ref reader)! : throw new JsonException("Expected a string in the array."));
        }

        return [.. items];
    }

    /// <summary>Reads an array of numbers (null gives an empty array).</summary>
    public static double[] ReadDoubleArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var items = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw new JsonException("Expected a number in the array."));
        }

        return [.. items];
    }

    /// <summary>Throws unless the current token is of the given type.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }

    /// <summary>Reads the property's value into the bag of unknown properties.</summary>
    public static void ReadUnknown(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? bag)
    {
        string name = GetString(ref reader)!;
        (bag ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = ReadElement(ref reader);
    }
}
