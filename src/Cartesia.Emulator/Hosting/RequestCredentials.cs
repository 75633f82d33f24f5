using Cartesia.Emulator.Journal;

namespace Cartesia.Emulator.Hosting;

/// <summary>Where a request's credential is, in the order the service looks: Bearer, X-API-Key, api_key, access_token.</summary>
internal static class RequestCredentials
{
    public static (EmulatorCredentialKind Kind, string? Value) Find(HttpRequest request)
    {
        string authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer)
        {
            return (EmulatorCredentialKind.BearerHeader, bearer);
        }

        if (request.Headers["X-API-Key"].ToString() is { Length: > 0 } header)
        {
            return (EmulatorCredentialKind.ApiKeyHeader, header);
        }

        if (request.Query["api_key"].ToString() is { Length: > 0 } key)
        {
            return (EmulatorCredentialKind.ApiKeyQuery, key);
        }

        return request.Query["access_token"].ToString() is { Length: > 0 } token
            ? (EmulatorCredentialKind.AccessTokenQuery, token)
            : (EmulatorCredentialKind.None, null);
    }
}
