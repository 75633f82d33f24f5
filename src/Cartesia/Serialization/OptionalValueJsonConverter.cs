using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cartesia.Serialization;

/// <summary>
/// Writes an <see cref="OptionalValue{T}"/> as its value (JSON <c>null</c> when set to null); pair it with
/// <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]</c> so an unset field is omitted.
/// Reads a present property as set (null included). Trimming-safe: the inner type's metadata comes from the
/// source-generated context.
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public sealed class OptionalValueJsonConverter<T> : JsonConverter<OptionalValue<T>>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override OptionalValue<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new OptionalValue<T>(default!);
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        return new OptionalValue<T>(JsonSerializer.Deserialize(ref reader, typeInfo)!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OptionalValue<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        T inner = value.GetValueOrDefault(default!);
        if (inner is null)
        {
            writer.WriteNullValue();
            return;
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        JsonSerializer.Serialize(writer, inner, typeInfo);
    }
}
