using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.AccessTokens;

/// <summary>A short-lived access token to mint (<c>POST /access-token</c>), for a browser or an app.</summary>
public sealed class AccessTokenRequest : CartesiaModel
{
    /// <summary>The longest lifetime the service grants: one hour.</summary>
    public static TimeSpan MaxExpiresIn { get; } = TimeSpan.FromHours(1);

    /// <summary>What the token may be used for (<c>grants</c>).</summary>
    [JsonPropertyName("grants")]
    public AccessTokenGrants? Grants { get; set; }

    /// <summary>
    /// How long the token is valid, in whole seconds from 1 s to one hour (<c>expires_in</c>); null for the
    /// service's default.
    /// </summary>
    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(WholeSecondsJsonConverter))]
    public TimeSpan? ExpiresIn { get; set; }
}
