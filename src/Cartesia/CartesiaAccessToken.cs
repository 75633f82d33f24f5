namespace Cartesia;

/// <summary>
/// An access token and when it expires, as an access-token provider returns it (see
/// <see cref="CartesiaCredential.FromAccessTokenProvider"/>); the shape of Azure.Core's <c>AccessToken</c>.
/// </summary>
/// <remarks>The token never appears in <see cref="ToString"/>.</remarks>
public readonly struct CartesiaAccessToken
{
    /// <summary>Creates a token with its expiry.</summary>
    /// <param name="token">The access token (from <c>POST /access-token</c>, usually minted by your server).</param>
    /// <param name="expiresOn">When the token stops being accepted. The SDK asks for a new one shortly before.</param>
    public CartesiaAccessToken(string token, DateTimeOffset expiresOn)
    {
        Token = token;
        ExpiresOn = expiresOn;
    }

    /// <summary>The access token.</summary>
    public string Token { get; }

    /// <summary>When the token stops being accepted.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <inheritdoc />
    public override string ToString() => $"CartesiaAccessToken(expires {ExpiresOn:u}, secret redacted)";
}
