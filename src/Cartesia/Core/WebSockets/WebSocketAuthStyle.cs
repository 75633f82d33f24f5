namespace Cartesia.Core.WebSockets;

/// <summary>
/// How one WebSocket endpoint expects the credential and the API version in its handshake. The TTS and STT sockets
/// take <c>Authorization: Bearer</c> and <c>Cartesia-Version</c> headers; the managed Agents socket takes an API key
/// as <c>X-API-Key</c>, an access token as the <c>access_token</c> query parameter and the version as
/// <c>cartesia_version</c>.
/// </summary>
internal sealed class WebSocketAuthStyle
{
    private WebSocketAuthStyle(string? apiKeyHeader, bool accessTokenInQuery, bool versionInQuery)
    {
        ApiKeyHeader = apiKeyHeader;
        AccessTokenInQuery = accessTokenInQuery;
        VersionInQuery = versionInQuery;
    }

    /// <summary>TTS, STT and the Line agents stream: <c>Authorization: Bearer</c> and <c>Cartesia-Version</c> headers.</summary>
    public static WebSocketAuthStyle Standard { get; } = new(apiKeyHeader: null, accessTokenInQuery: false, versionInQuery: false);

    /// <summary>The managed Agents socket: <c>X-API-Key</c>, <c>access_token</c> and <c>cartesia_version</c> query.</summary>
    public static WebSocketAuthStyle ManagedAgents { get; } = new(apiKeyHeader: "X-API-Key", accessTokenInQuery: true, versionInQuery: true);

    /// <summary>The header an API key is sent in, bare; <see langword="null"/> for <c>Authorization: Bearer</c>.</summary>
    public string? ApiKeyHeader { get; }

    /// <summary>Whether an access token goes in the <c>access_token</c> query parameter instead of a header.</summary>
    public bool AccessTokenInQuery { get; }

    /// <summary>Whether the API version goes in the <c>cartesia_version</c> query parameter instead of a header.</summary>
    public bool VersionInQuery { get; }

    /// <summary>The query parameters this style adds to the endpoint's own, or an empty string.</summary>
    /// <param name="credential">The credential of the connect.</param>
    /// <param name="apiVersion">The client's API version.</param>
    /// <param name="hasQuery">Whether the endpoint's path already has a query string.</param>
    public string QuerySuffix(CartesiaCredential credential, CartesiaApiVersion apiVersion, bool hasQuery)
    {
        var query = new System.Text.StringBuilder();
        if (VersionInQuery)
        {
            Append(query, "cartesia_version", apiVersion.Value, hasQuery);
        }

        if (AccessTokenInQuery && credential.Kind == CartesiaCredentialKind.AccessToken)
        {
            Append(query, "access_token", credential.Secret, hasQuery);
        }

        return query.ToString();
    }

    /// <summary>The credential header (name and value), or <see langword="null"/> when the credential travels in the query.</summary>
    /// <param name="credential">The credential of the connect.</param>
    public (string Name, string Value)? CredentialHeader(CartesiaCredential credential)
    {
        if (credential.Kind == CartesiaCredentialKind.AccessToken)
        {
            return AccessTokenInQuery ? null : ("Authorization", "Bearer " + credential.Secret);
        }

        return ApiKeyHeader is null ? ("Authorization", "Bearer " + credential.Secret) : (ApiKeyHeader, credential.Secret);
    }

    private static void Append(System.Text.StringBuilder query, string name, string value, bool hasQuery)
        => query.Append(query.Length == 0 && !hasQuery ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
