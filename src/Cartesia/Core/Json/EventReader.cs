using System.Text.Json;
using Cartesia.Core.Errors;

namespace Cartesia.Core.Json;

/// <summary>
/// The one way a streamed event (a TTS frame or SSE event, a voice-changer SSE event, an STT frame) is read from
/// its UTF-8 JSON object: the fields every event shares — <c>type</c>, <c>request_id</c>, <c>status_code</c> and
/// the error fields (<see cref="ErrorEventFields"/>, every shape PROTOCOL.md lists) — are read here, the parser of
/// each kind reads its own fields, and anything else is kept in <see cref="Extra"/> for
/// <see cref="CartesiaModel.AdditionalProperties"/>. It also holds the type dispatch rules they share: an untyped
/// event named <c>error</c> by SSE is an error, an event without a type is malformed (where the kind needs one),
/// and an unknown type keeps its whole payload.
/// </summary>
/// <example>
/// <code>
/// var e = new EventReader(json);
/// while (e.NextField())
/// {
///     if (e.Json.ValueTextEquals("data"u8)) { … read it with ref e.Json … }
///     else { e.KeepUnknown(); }
/// }
/// return e.Type switch { …, null => throw EventReader.NoType(), _ => unknown(e.Type, EventReader.Payload(json)) };
/// </code>
/// </example>
internal ref struct EventReader
{
    /// <summary>The JSON reader; between <see cref="NextField"/> calls it is on a property name the caller reads.</summary>
    public Utf8JsonReader Json;

    /// <summary>The <c>type</c> field.</summary>
    public string? Type;

    /// <summary>The <c>request_id</c> field, as sent (not redacted).</summary>
    public string? RequestId;

    /// <summary>The <c>status_code</c> field (see <see cref="StatusCode"/> for the one to report).</summary>
    public int? StatusCodeField;

    /// <summary>The error fields, redacted as read.</summary>
    public ErrorEventFields Error;

    /// <summary>The fields nobody read.</summary>
    public Dictionary<string, JsonElement>? Extra;

    /// <summary>Starts reading an event.</summary>
    /// <exception cref="JsonException">The payload is not a JSON object.</exception>
    public EventReader(ReadOnlySpan<byte> json)
    {
        Json = new Utf8JsonReader(json);
        if (!Json.Read() || Json.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An event must be a JSON object.");
        }
    }

    /// <summary>The status: <c>status_code</c>, or else the older numeric <c>code</c> of an error.</summary>
    public readonly int? StatusCode => Error.StatusCode(StatusCodeField);

    /// <summary>
    /// Moves to the next field the caller reads, reading the shared ones itself. Returns false at the end of the
    /// object.
    /// </summary>
    /// <exception cref="JsonException">The object ends early.</exception>
    public bool NextField()
    {
        while (Json.Read() && Json.TokenType == JsonTokenType.PropertyName)
        {
            if (Json.ValueTextEquals("type"u8))
            {
                Type = JsonReading.ReadString(ref Json);
            }
            else if (Json.ValueTextEquals("request_id"u8))
            {
                RequestId = JsonReading.ReadString(ref Json);
            }
            else if (Json.ValueTextEquals("status_code"u8))
            {
                StatusCodeField = JsonReading.ReadInt32(ref Json);
            }
            else if (!Error.TryRead(ref Json, ref Extra))
            {
                return true;
            }
        }

        if (Json.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The event object is incomplete.");
        }

        return false;
    }

    /// <summary>Keeps the current field, which the caller does not know, in <see cref="Extra"/>.</summary>
    public void KeepUnknown() => JsonReading.ReadUnknown(ref Json, ref Extra);

    /// <summary>The event's type: its <c>type</c>, or <c>error</c> for an untyped event whose SSE event name is <c>error</c>.</summary>
    public readonly string? TypeOr(string? sseEventName) => Type ?? (sseEventName is "error" ? "error" : null);

    /// <summary>The exception for an event without a type, where its kind needs one.</summary>
    public static JsonException NoType() => new("The event has no \"type\".");

    /// <summary>The whole payload of an event of an unknown type, kept for the caller.</summary>
    public static JsonElement Payload(ReadOnlySpan<byte> json) => JsonElement.Parse(json);
}
