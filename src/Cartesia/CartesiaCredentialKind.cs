namespace Cartesia;

/// <summary>What kind of secret a <see cref="CartesiaCredential"/> holds.</summary>
public enum CartesiaCredentialKind
{
    /// <summary>An API key (<c>sk_car_…</c>), for servers.</summary>
    ApiKey,

    /// <summary>A short-lived access token from <c>POST /access-token</c>, for untrusted clients.</summary>
    AccessToken,
}
