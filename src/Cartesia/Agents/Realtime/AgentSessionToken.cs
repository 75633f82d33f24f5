using System.Text.Json.Serialization;

namespace Cartesia.Agents;

/// <summary>
/// A session token for one browser (or mobile) call to a managed agent (<see cref="AgentsClient.CreateWebSocketSessionAsync"/>):
/// hand <see cref="Token"/> to the client, which connects with it as an access token
/// (<c>new CartesiaClient(CartesiaCredential.AccessToken(token))</c>, or <c>?access_token=</c>). Redacted in
/// <see cref="ToString"/>.
/// </summary>
public sealed class AgentSessionToken : CartesiaResult
{
    /// <summary>The token.</summary>
    [JsonPropertyName("token")]
    public string Token { get; init; } = string.Empty;

    /// <summary>Seconds until the token expires, when the service says.</summary>
    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"AgentSessionToken (token [redacted], expires in {(ExpiresIn is { } s ? s + " s" : "?")})";
}
