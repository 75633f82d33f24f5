using System.Text.RegularExpressions;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// Keeps credentials out of the journal and the logs: the same secret query parameters as the SDK's redactor
/// (<c>Cartesia.Core.Diagnostics.SecretRedactor</c>; a test keeps the two in step), and credential headers.
/// </summary>
internal static partial class SecretRedaction
{
    public const string Redacted = "[redacted]";

    /// <summary>Query parameters that can carry a secret (as in the SDK).</summary>
    public static readonly string[] SecretQueryKeys = ["api_key", "access_token", "token", "key", "apikey"];

    /// <summary>Headers whose values are credentials.</summary>
    public static readonly string[] CredentialHeaders = ["Authorization", "X-API-Key", "Proxy-Authorization", "Cookie"];

    /// <summary>A query string (with or without its leading <c>?</c>) with the values of secret parameters replaced.</summary>
    public static string RedactQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return query;
        }

        bool mark = query[0] == '?';
        string[] pairs = (mark ? query[1..] : query).Split('&');
        for (int i = 0; i < pairs.Length; i++)
        {
            int equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            string rawName = equals < 0 ? pairs[i] : pairs[i][..equals];
            if (IsSecretQueryKey(Unescape(rawName)))
            {
                pairs[i] = rawName + "=" + Redacted;
            }
        }

        return (mark ? "?" : string.Empty) + string.Join('&', pairs);
    }

    /// <summary>Whether a query parameter name can carry a secret.</summary>
    public static bool IsSecretQueryKey(string name) => SecretQueryKeys.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a header carries a credential.</summary>
    public static bool IsCredentialHeader(string name) => CredentialHeaders.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>A credential header's value for the journal: the scheme of an <c>Authorization</c> header is kept, the rest is not.</summary>
    public static string RedactHeader(string value)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? value[..space] + " " + Redacted : Redacted;
    }

    /// <summary>
    /// Free text (a log message, a URL, an exception message) with secret query values, bearer tokens and credential
    /// header values replaced.
    /// </summary>
    public static string RedactText(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = SecretQueryPattern().Replace(text, m => m.Groups["name"].Value + "=" + Redacted);
        text = BearerPattern().Replace(text, m => m.Groups["scheme"].Value + " " + Redacted);
        return HeaderPattern().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Redacted);
    }

    /// <summary>
    /// A JSON answer as the journal keeps it: the secrets the SDK's own redactor knows (access tokens it hands out, as
    /// in the answer to <c>POST /access-token</c>, and API keys) replaced, so reading the journal never yields a
    /// working credential.
    /// </summary>
    public static byte[] RedactJsonAnswer(byte[] body)
    {
        string text = System.Text.Encoding.UTF8.GetString(body);
        string redacted = Cartesia.Core.Diagnostics.SecretRedactor.Redact(text);
        return ReferenceEquals(redacted, text) || redacted == text ? body : System.Text.Encoding.UTF8.GetBytes(redacted);
    }

    private static string Unescape(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    [GeneratedRegex(@"(?<=[?&;]|&amp;)(?<name>(?:api(?:_|%5f)?key|access(?:_|%5f)token|token|key))=[^&\s#""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQueryPattern();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)\s+(?!\[redacted\])[A-Za-z0-9\-._~+/=:%]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\b(?<name>X-API-Key|Cookie|Proxy-Authorization)(?<sep>\s*[:=]\s*)(?!\[redacted\])[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();
}
