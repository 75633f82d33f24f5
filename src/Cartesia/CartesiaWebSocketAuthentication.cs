namespace Cartesia;

/// <summary>Where the SDK's WebSockets carry the credential and the API version (<see cref="CartesiaClientOptions.WebSocketAuthentication"/>).</summary>
public enum CartesiaWebSocketAuthentication
{
    /// <summary>
    /// <see cref="Query"/> in a browser (Blazor WebAssembly, where a WebSocket cannot send headers), else
    /// <see cref="Headers"/>. The default.
    /// </summary>
    Automatic,

    /// <summary>
    /// Handshake headers: <c>Authorization: Bearer</c> and <c>Cartesia-Version</c> (the managed Agents socket takes
    /// an API key as <c>X-API-Key</c> and an access token as the <c>access_token</c> query parameter, as the service
    /// documents). Nothing secret is in the URL.
    /// </summary>
    Headers,

    /// <summary>
    /// Query parameters, the service's documented browser form: <c>cartesia_version</c>, then <c>access_token</c>
    /// (an access token) or <c>api_key</c> (an API key; never ship one to a browser). No header is set. The SDK
    /// redacts these values from its logs, messages and telemetry, but proxies and servers may log URLs: prefer
    /// short-lived access tokens here.
    /// </summary>
    Query,
}
