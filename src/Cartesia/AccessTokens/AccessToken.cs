using System.Text.Json.Serialization;

namespace Cartesia.AccessTokens;

/// <summary>A minted access token. It is a secret: hand it only to the client it is for.</summary>
public sealed class AccessToken : CartesiaResult
{
    /// <summary>The token (a JWT), sent as <c>Authorization: Bearer</c> or <c>?access_token=</c> on browser WebSockets.</summary>
    [JsonPropertyName("token")]
    public string Token { get; init; } = string.Empty;

    /// <summary>A credential for a <see cref="CartesiaClient"/> that acts with this token.</summary>
    public CartesiaCredential ToCredential() => CartesiaCredential.FromAccessToken(Token);

    /// <inheritdoc />
    public override string ToString() => "AccessToken(secret redacted)";
}
