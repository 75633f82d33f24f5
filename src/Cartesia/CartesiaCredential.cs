using Cartesia.Core;

namespace Cartesia;

/// <summary>
/// The secret a client authenticates with: an API key, an access token, or a provider of access tokens that the
/// SDK asks for a fresh one before the last expires. They are sent as <c>Authorization: Bearer …</c> on HTTP
/// requests and WebSocket handshakes, or, for WebSockets in a browser, as the <c>access_token</c> / <c>api_key</c>
/// query parameter (see <see cref="CartesiaClientOptions.WebSocketAuthentication"/>).
/// </summary>
/// <remarks>The secret never appears in <see cref="ToString"/>, log lines or exception messages.</remarks>
public sealed class CartesiaCredential
{
    private readonly string _secret;

    private CartesiaCredential(CartesiaCredentialKind kind, string secret, AccessTokenSource? tokens = null)
    {
        Kind = kind;
        _secret = secret;
        Tokens = tokens;
    }

    /// <summary>What kind of secret this is.</summary>
    public CartesiaCredentialKind Kind { get; }

    /// <summary>
    /// The secret itself (for a provider, the token it last returned, or an empty string before the first); the
    /// HTTP pipeline and the WebSocket connector read <see cref="GetSecretAsync"/> instead, the redactor this.
    /// </summary>
    internal string Secret => Tokens is null ? _secret : Tokens.Current ?? string.Empty;

    /// <summary>The refreshing token source of a provider credential, else <see langword="null"/>.</summary>
    internal AccessTokenSource? Tokens { get; }

    /// <summary>A credential from an API key.</summary>
    /// <param name="apiKey">The API key, for example <c>sk_car_…</c>.</param>
    /// <exception cref="ArgumentException">The key is empty or has surrounding white space.</exception>
    public static CartesiaCredential FromApiKey(string apiKey) => new(CartesiaCredentialKind.ApiKey, Check(apiKey, nameof(apiKey)));

    /// <summary>A credential from an access token minted with <c>POST /access-token</c>.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <exception cref="ArgumentException">The token is empty or has surrounding white space.</exception>
    public static CartesiaCredential FromAccessToken(string accessToken) => new(CartesiaCredentialKind.AccessToken, Check(accessToken, nameof(accessToken)));

    /// <summary>
    /// A credential that asks <paramref name="provider"/> for an access token when a request or a WebSocket connect
    /// (or reconnect) needs one and the last token is missing, within 30 seconds of its expiry, or was refused (401), so a long
    /// session never runs on an expired token. Typically the provider calls your server, which mints a short-lived
    /// token with <c>client.AccessTokens.CreateAsync</c> (the API key stays on the server).
    /// </summary>
    /// <param name="provider">Returns a fresh token and its expiry; it gets the call's cancellation token. Its exceptions
    /// reach the caller as <see cref="CartesiaCredentialMissingException"/> (with the original as inner exception).</param>
    /// <remarks>
    /// Expiry is judged by the client's <see cref="CartesiaClientOptions.TimeProvider"/>. A WebSocket checks its token
    /// only at the handshake, so an open socket outlives the token it was opened with. The synchronous methods wait
    /// for the provider.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static CartesiaCredential FromAccessTokenProvider(Func<CancellationToken, ValueTask<CartesiaAccessToken>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(CartesiaCredentialKind.AccessToken, string.Empty, new AccessTokenSource(provider));
    }

    /// <inheritdoc />
    public override string ToString() => Tokens is null ? $"CartesiaCredential({Kind}, secret redacted)" : $"CartesiaCredential({Kind} provider, secret redacted)";

    /// <summary>The secret to send now: the fixed one, or a provider's current (refreshed when near expiry) token.</summary>
    /// <param name="time">The client's clock.</param>
    /// <param name="async">Whether the caller is on the asynchronous path.</param>
    /// <param name="cancellationToken">Cancels a provider call.</param>
    internal ValueTask<string> GetSecretAsync(TimeProvider time, bool async, CancellationToken cancellationToken)
        => Tokens is null ? new(_secret) : Tokens.GetAsync(time, async, cancellationToken);

    /// <summary>Tells a provider credential that the service refused <paramref name="secret"/> (401): the next use asks again.</summary>
    internal void Refused(string secret) => Tokens?.Forget(secret);

    /// <summary>Checks a secret's shape: printable ASCII, no surrounding white space.</summary>
    internal static string Check(string secret, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret, paramName);
        if (secret.Trim().Length != secret.Length || Core.Validate.HasControl(secret))
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
