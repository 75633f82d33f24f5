using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// Reads every voice shape (<c>"id"</c>, <c>{"id":…}</c>, <c>{"mode":"id","id":…}</c>) and writes the shape of
/// the API version: a plain id string (2026-08-14) or <c>{"mode":"id","id":…}</c> (earlier versions).
/// Extra fields of an object voice are kept and written back.
/// </summary>
public sealed class TtsVoiceJsonConverter : JsonConverter<TtsVoice>
{
    private readonly bool _legacyShape;

    /// <summary>A converter that writes the 2026-08-14 shape.</summary>
    public TtsVoiceJsonConverter() : this(legacyShape: false)
    {
    }

    /// <summary>A converter that writes either shape.</summary>
    /// <param name="legacyShape">Whether to write <c>{"mode":"id","id":…}</c> (API versions before 2026-08-14).</param>
    public TtsVoiceJsonConverter(bool legacyShape) => _legacyShape = legacyShape;

    /// <inheritdoc />
    public override TtsVoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new TtsVoice(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A voice is a voice id string or an object with an \"id\".");
        }

        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        string? id = null;
        Dictionary<string, JsonElement>? extra = null;
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("id") && property.Value.ValueKind == JsonValueKind.String)
            {
                id = property.Value.GetString();
            }
            else if (!(property.NameEquals("mode") && property.Value.ValueKind == JsonValueKind.String && property.Value.ValueEquals("id")))
            {
                (extra ??= new Dictionary<string, JsonElement>())[property.Name] = property.Value.Clone();
            }
        }

        return id is null
            ? throw new JsonException("The voice object has no \"id\".")
            : new TtsVoice(id) { AdditionalProperties = extra };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TtsVoice value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        bool hasExtra = value.AdditionalProperties is { Count: > 0 };
        if (!_legacyShape && !hasExtra)
        {
            writer.WriteStringValue(value.Id);
            return;
        }

        writer.WriteStartObject();
        if (_legacyShape)
        {
            writer.WriteString("mode", "id");
        }

        writer.WriteString("id", value.Id);
        if (hasExtra)
        {
            foreach ((string name, JsonElement extra) in value.AdditionalProperties!)
            {
                writer.WritePropertyName(name);
                extra.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
