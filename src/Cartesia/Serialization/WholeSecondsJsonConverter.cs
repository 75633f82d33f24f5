using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cartesia.Serialization;

/// <summary>A duration on the wire as an integer number of seconds (<c>expires_in: 300</c>).</summary>
public sealed class WholeSecondsJsonConverter : JsonConverter<TimeSpan?>
{
    /// <inheritdoc />
    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => TimeSpan.FromSeconds(reader.GetDouble()),
            _ => throw new JsonException($"Expected a number of seconds, found {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } duration)
        {
            writer.WriteNumberValue((long)duration.TotalSeconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
