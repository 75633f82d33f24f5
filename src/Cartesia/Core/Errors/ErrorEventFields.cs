using System.Text.Json;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Json;

namespace Cartesia.Core.Errors;

/// <summary>
/// The error fields of a streamed event (TTS or STT), gathered by a hand-written <see cref="Utf8JsonReader"/>
/// parser as it meets them: the structured ones (<c>error_code</c>, <c>title</c>, <c>message</c>, <c>doc_url</c>),
/// the legacy <c>"error": "Title: Message"</c>, and the older <c>code</c> (a number is the status, as in
/// <c>{"type":"error","message":…,"code":400}</c>; a string is the error code). Each string is redacted
/// (<see cref="SecretRedactor.Redact"/>) as it is read, so the event objects handed to callers and everything built
/// from them hold no echoed secret.
/// </summary>
internal struct ErrorEventFields
{
    public string? ErrorCode;
    public string? Title;
    public string? Message;
    public string? DocUrl;
    public string? LegacyError;
    public int? NumericCode;
    public string? TextCode;

    /// <summary>The event's <c>status_code</c>, or else its older numeric <c>code</c>.</summary>
    public readonly int? StatusCode(int? statusCode) => statusCode ?? NumericCode;

    /// <summary>The <c>error_code</c>, or else a textual <c>code</c>.</summary>
    public readonly string? Code => ErrorCode ?? TextCode;

    /// <summary>Reads the value of the current property when it is an error field.</summary>
    /// <returns>False, reading nothing, for any other property.</returns>
    public bool TryRead(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra)
    {
        if (reader.ValueTextEquals("error_code"u8))
        {
            ErrorCode = SecretRedactor.Redact(JsonReading.ReadString(ref reader));
        }
        else if (reader.ValueTextEquals("title"u8))
        {
            Title = SecretRedactor.Redact(JsonReading.ReadString(ref reader));
        }
        else if (reader.ValueTextEquals("message"u8))
        {
            Message = SecretRedactor.Redact(JsonReading.ReadString(ref reader));
        }
        else if (reader.ValueTextEquals("doc_url"u8))
        {
            DocUrl = SecretRedactor.Redact(JsonReading.ReadString(ref reader));
        }
        else if (reader.ValueTextEquals("code"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
            {
                NumericCode = number;
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                string text = JsonReading.GetString(ref reader)!;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
                {
                    NumericCode = number;
                }
                else
                {
                    TextCode = SecretRedactor.Redact(text);
                }
            }
            else
            {
                (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))["code"] = JsonElement.ParseValue(ref reader);
            }
        }
        else if (reader.ValueTextEquals("error"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                LegacyError = SecretRedactor.Redact(JsonReading.GetString(ref reader));
            }
            else
            {
                // Not the legacy string form: keep it as an unknown field rather than guess.
                (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))["error"] = JsonElement.ParseValue(ref reader);
            }
        }
        else
        {
            return false;
        }

        return true;
    }
}
