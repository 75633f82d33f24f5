using System.Globalization;
using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>Writes the loosely typed values of dynamic variables and metadata (already validated) as JSON.</summary>
internal static class AgentJsonValues
{
    public static void WriteObject<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> values)
    {
        writer.WriteStartObject();
        foreach ((string key, T value) in values)
        {
            writer.WritePropertyName(key);
            Write(writer, value);
        }

        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonElement json:
                json.WriteTo(writer);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case IConvertible c:
                writer.WriteNumberValue(c.ToInt64(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }
}
