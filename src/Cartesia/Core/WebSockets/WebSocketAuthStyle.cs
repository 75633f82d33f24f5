namespace Cartesia.Core.WebSockets;

/// <summary>
/// How one WebSocket endpoint expects the credential and the API version in its handshake. The TTS and STT sockets
/// take <c>Authorization: Bearer</c> and <c>Cartesia-Version</c> headers; the managed Agents socket takes an API key
/// as <c>X-API-Key</c>, an access token as the <c>access_token</c> query parameter and the version as
/// <c>cartesia_version</c>. In a browser (or with <see cref="CartesiaWebSocketAuthentication.Query"/>) every socket
/// takes <see cref="Query"/>: the documented browser form, with no header at all.
/// </summary>
internal sealed class WebSocketAuthStyle
{
    private WebSocketAuthStyle(string? apiKeyHeader, bool accessTokenInQuery, bool versionInQuery, bool apiKeyInQuery = false)
    {
        ApiKeyHeader = apiKeyHeader;
        AccessTokenInQuery = accessTokenInQuery;
        VersionInQuery = versionInQuery;
        ApiKeyInQuery = apiKeyInQuery;
    }

    /// <summary>TTS, STT and the Line agents stream: <c>Authorization: Bearer</c> and <c>Cartesia-Version</c> headers.</summary>
    public static WebSocketAuthStyle Standard { get; } = new(apiKeyHeader: null, accessTokenInQuery: false, versionInQuery: false);

    /// <summary>The managed Agents socket: <c>X-API-Key</c>, <c>access_token</c> and <c>cartesia_version</c> query.</summary>
    public static WebSocketAuthStyle ManagedAgents { get; } = new(apiKeyHeader: "X-API-Key", accessTokenInQuery: true, versionInQuery: true);

    /// <summary>
    /// Every socket in a browser, whose WebSocket cannot send headers: <c>cartesia_version</c>, then <c>access_token</c>
    /// or <c>api_key</c>, in the query (as the official JS SDK does in browsers).
    /// </summary>
    public static WebSocketAuthStyle Query { get; } = new(apiKeyHeader: null, accessTokenInQuery: true, versionInQuery: true, apiKeyInQuery: true);

    /// <summary>Whether an API key goes in the <c>api_key</c> query parameter instead of a header.</summary>
    public bool ApiKeyInQuery { get; }

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
        => QuerySuffix(credential.Kind, credential.Secret, apiVersion, hasQuery);

    /// <summary>The query parameters this style adds to the endpoint's own, or an empty string.</summary>
    /// <param name="kind">The kind of the credential of the connect.</param>
    /// <param name="secret">Its secret now (a provider's current token).</param>
    /// <param name="apiVersion">The client's API version.</param>
    /// <param name="hasQuery">Whether the endpoint's path already has a query string.</param>
    public string QuerySuffix(CartesiaCredentialKind kind, string secret, CartesiaApiVersion apiVersion, bool hasQuery)
    {
        var query = new System.Text.StringBuilder();
        if (VersionInQuery)
        {
            Append(query, "cartesia_version", apiVersion.Value, hasQuery);
        }

        if (AccessTokenInQuery && kind == CartesiaCredentialKind.AccessToken)
        {
            Append(query, "access_token", secret, hasQuery);
        }
        else if (ApiKeyInQuery && kind == CartesiaCredentialKind.ApiKey)
        {
            Append(query, "api_key", secret, hasQuery);
        }

        return query.ToString();
    }

    /// <summary>The credential header (name and value), or <see langword="null"/> when the credential travels in the query.</summary>
    /// <param name="credential">The credential of the connect.</param>
    public (string Name, string Value)? CredentialHeader(CartesiaCredential credential)
        => CredentialHeader(credential.Kind, credential.Secret);

    /// <summary>The credential header (name and value), or <see langword="null"/> when the credential travels in the query.</summary>
    /// <param name="kind">The kind of the credential of the connect.</param>
    /// <param name="secret">Its secret now (a provider's current token).</param>
    public (string Name, string Value)? CredentialHeader(CartesiaCredentialKind kind, string secret)
    {
        if (kind == CartesiaCredentialKind.AccessToken)
        {
            return AccessTokenInQuery ? null : ("Authorization", "Bearer " + secret);
        }

        if (ApiKeyInQuery)
        {
            return null;
        }

        return ApiKeyHeader is null ? ("Authorization", "Bearer " + secret) : (ApiKeyHeader, secret);
    }

    private static void Append(System.Text.StringBuilder query, string name, string value, bool hasQuery)
        => query.Append(query.Length == 0 && !hasQuery ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
