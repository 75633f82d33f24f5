namespace Cartesia.Core.Diagnostics;

/// <summary>Keeps secrets out of log lines and messages.</summary>
internal static class SecretRedactor
{
    private static readonly string[] SecretQueryKeys = ["api_key", "access_token", "token", "key", "apikey"];

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
                pairs[i] = (equals < 0 ? pairs[i] : pairs[i][..equals]) + "=[redacted]";
            }
        }

        return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', pairs);
    }

    /// <summary>Replaces every occurrence of the secret in a text the service sent back (never expected, but never shown).</summary>
    public static string? Scrub(string? text, CartesiaCredential? credential)
    {
        if (text is null || credential is null || credential.Secret.Length < 8)
        {
            return text;
        }

        return text.Replace(credential.Secret, "[redacted]", StringComparison.Ordinal);
    }
}
