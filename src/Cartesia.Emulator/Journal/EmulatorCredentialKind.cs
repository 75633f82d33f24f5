namespace Cartesia.Emulator.Journal;

/// <summary>How a request carried its credential (the journal records this, never the credential itself).</summary>
public enum EmulatorCredentialKind
{
    /// <summary>No credential was sent.</summary>
    None,

    /// <summary>An <c>Authorization: Bearer …</c> header.</summary>
    BearerHeader,

    /// <summary>An <c>X-API-Key</c> header.</summary>
    ApiKeyHeader,

    /// <summary>An <c>api_key</c> query parameter.</summary>
    ApiKeyQuery,

    /// <summary>An <c>access_token</c> query parameter.</summary>
    AccessTokenQuery,
}
