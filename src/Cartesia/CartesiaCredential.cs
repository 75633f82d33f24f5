namespace Cartesia;

/// <summary>
/// The secret a client authenticates with: an API key or an access token. Both are sent as
/// <c>Authorization: Bearer …</c> on HTTP requests and WebSocket handshakes, never in a URL.
/// </summary>
/// <remarks>The secret never appears in <see cref="ToString"/>, log lines or exception messages.</remarks>
public sealed class CartesiaCredential
{
    private CartesiaCredential(CartesiaCredentialKind kind, string secret)
    {
        Kind = kind;
        Secret = secret;
    }

    /// <summary>What kind of secret this is.</summary>
    public CartesiaCredentialKind Kind { get; }

    /// <summary>The secret itself; only the HTTP pipeline reads it.</summary>
    internal string Secret { get; }

    /// <summary>A credential from an API key.</summary>
    /// <param name="apiKey">The API key, for example <c>sk_car_…</c>.</param>
    /// <exception cref="ArgumentException">The key is empty or has surrounding white space.</exception>
    public static CartesiaCredential FromApiKey(string apiKey) => new(CartesiaCredentialKind.ApiKey, Check(apiKey, nameof(apiKey)));

    /// <summary>A credential from an access token minted with <c>POST /access-token</c>.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <exception cref="ArgumentException">The token is empty or has surrounding white space.</exception>
    public static CartesiaCredential FromAccessToken(string accessToken) => new(CartesiaCredentialKind.AccessToken, Check(accessToken, nameof(accessToken)));

    /// <inheritdoc />
    public override string ToString() => $"CartesiaCredential({Kind}, secret redacted)";

    private static string Check(string secret, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret, paramName);
        if (secret.Trim().Length != secret.Length || secret.Any(char.IsControl))
        {
            // A key pasted with a newline or a non-breaking space is the usual cause of a puzzling 401.
            throw new ArgumentException("The credential has leading or trailing white space or control characters; remove them.", paramName);
        }

        if (secret.Any(c => c is < '!' or > '~'))
        {
            // It is sent as a header value: only printable ASCII can be, and no real key or token has anything else.
            throw new ArgumentException("The credential holds a space or a character outside printable ASCII; Cartesia keys and tokens never do, so it was probably copied wrong.", paramName);
        }

        return secret;
    }
}
