using Cartesia.Core;
using Cartesia.Core.Http;

namespace Cartesia.AccessTokens;

/// <summary>
/// Mints short-lived access tokens (<c>POST /access-token</c>, API key only) for clients that must not hold your API
/// key. Reach it as <see cref="CartesiaClient.AccessTokens"/>.
/// </summary>
public class AccessTokensClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected AccessTokensClient() => _core = null!;

    internal AccessTokensClient(ClientCore core) => _core = core;

    /// <summary>Mints an access token with grants and a lifetime.</summary>
    /// <param name="request">Grants and lifetime; null for the service's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The lifetime is not 1 s to 1 h in whole seconds (checked before anything is sent).</exception>
    public virtual Task<AccessToken> CreateAsync(AccessTokenRequest? request = null, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">Grants and lifetime; null for the service's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AccessToken Create(AccessTokenRequest? request = null, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<AccessToken> CreateCoreAsync(AccessTokenRequest? request, bool async, CancellationToken cancellationToken)
    {
        request ??= new AccessTokenRequest();
        if (request.ExpiresIn is { } lifetime)
        {
            if (lifetime < TimeSpan.FromSeconds(1) || lifetime > AccessTokenRequest.MaxExpiresIn)
            {
                throw new ArgumentOutOfRangeException(nameof(request), lifetime, "AccessTokenRequest.ExpiresIn (expires_in) must be between 1 second and 1 hour (3600 s).");
            }

            if (lifetime.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new ArgumentException($"AccessTokenRequest.ExpiresIn (expires_in) must be whole seconds; {lifetime} is not.", nameof(request));
            }
        }

        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Post, "/access-token", "access_token.create", JsonBody.Create(request, _core.Json.AccessTokenRequest)), _core.Json.AccessToken, async, cancellationToken);
    }
}
