using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cartesia.Core.Diagnostics;

/// <summary>
/// Keeps secrets out of log lines, messages, telemetry and exception properties. Every text the service sent
/// back that can reach one of those goes through <see cref="Redact"/> after it has been parsed (so a key the
/// service JSON-escaped is caught too): Cartesia API keys (<c>sk_car_…</c>), access tokens (JWTs), anything after
/// <c>Bearer</c>, and the secret of every live client's credential, whatever its shape.
/// </summary>
internal static partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    private static readonly string[] SecretQueryKeys = ["api_key", "access_token", "token", "key", "apikey"];

    // The credentials of the clients alive in the process (weakly held: a disposed, collected client's key is
    // forgotten). Redaction is on failure paths only, so walking them is cheap enough.
    private static readonly ConditionalWeakTable<CartesiaCredential, object?> Known = new();

    /// <summary>Makes <see cref="Redact"/> remove this credential's secret wherever it appears.</summary>
    public static void Remember(CartesiaCredential credential) => Known.AddOrUpdate(credential, null);

    /// <summary>A URL for logs: its query values are kept except those that can carry a secret.</summary>
    public static string RedactUri(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.Query))
        {
            return uri.GetLeftPart(UriPartial.Path);
        }

        string[] pairs = uri.Query.TrimStart('?').Split('&');
        for (int i = 0; i < pairs.Length; i++)
        {
            int equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(equals < 0 ? pairs[i] : pairs[i][..equals]);
            if (SecretQueryKeys.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                pairs[i] = (equals < 0 ? pairs[i] : pairs[i][..equals]) + "=" + Mask;
            }
        }

        return Redact(uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', pairs));
    }

    /// <summary>Replaces every occurrence of the secret in a text the service sent back (never expected, but never shown).</summary>
    public static string? Scrub(string? text, CartesiaCredential? credential)
    {
        if (text is null || credential is null || credential.Secret.Length < 8)
        {
            return Redact(text);
        }

        return Redact(text.Replace(credential.Secret, Mask, StringComparison.Ordinal));
    }

    /// <summary>
    /// A text the service sent (an error message, title, code, close reason…) with every secret it may hold
    /// replaced by <see cref="Mask"/>. Call it on parsed (unescaped) strings.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        string result;
        try
        {
            result = SecretPattern().Replace(text, static m => m.Groups["bearer"].Success ? m.Groups["bearer"].Value + Mask : Mask);
        }
        catch (RegexMatchTimeoutException)
        {
            return Mask; // never expected (the pattern is linear); if it happens, show nothing rather than a secret
        }

        foreach (KeyValuePair<CartesiaCredential, object?> known in Known)
        {
            string secret = known.Key.Secret;
            if (secret.Length >= 8 && result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    /// <summary>
    /// A raw response body redacted for <see cref="CartesiaApiException.ResponseBody"/>. The text is redacted as
    /// it is; when it is JSON whose strings hide a secret behind escapes (<c>sk\u005fcar_…</c>), the body is
    /// rewritten from its parsed form with those strings redacted.
    /// </summary>
    [return: NotNullIfNotNull(nameof(body))]
    public static string? RedactBody(string? body)
    {
        string? redacted = Redact(body);
        if (redacted is null || !redacted.Contains('\\', StringComparison.Ordinal))
        {
            return redacted;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(redacted);
            if (!HidesSecret(document.RootElement))
            {
                return redacted;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteRedacted(writer, document.RootElement);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that cannot be decoded (a lone surrogate escape): the text redaction stands.
            return redacted;
        }
    }

    private static bool HidesSecret(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                string value = element.GetString()!;
                return Redact(value) != value;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (Redact(property.Name) != property.Name || HidesSecret(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (HidesSecret(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static void WriteRedacted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Redact(element.GetString()));
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Redact(property.Name));
                    WriteRedacted(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    WriteRedacted(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    // sk_car_… keys, JWTs (access tokens), and the token after "Bearer".
    [GeneratedRegex(@"sk_car_[A-Za-z0-9_\-]+|eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*|(?<bearer>\b[Bb][Ee][Aa][Rr][Ee][Rr][ \t]+)(?!\[redacted\])[^\s""',;]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SecretPattern();
}
