using System.Runtime.CompilerServices;

namespace Cartesia.Core;

/// <summary>
/// The refreshing side of <see cref="CartesiaCredential.FromAccessTokenProvider"/>: asks the provider for a token
/// when there is none yet or the one it has is within <see cref="RefreshMargin"/> of its expiry (by the clock of the
/// client asking), and keeps it until then. A token the service refused is forgotten (<see cref="Forget"/>).
/// </summary>
internal sealed class AccessTokenSource
{
    /// <summary>How long before its expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, ValueTask<CartesiaAccessToken>> _provider;
    private StrongBox<CartesiaAccessToken>? _current;

    public AccessTokenSource(Func<CancellationToken, ValueTask<CartesiaAccessToken>> provider) => _provider = provider;

    /// <summary>The token last handed out, or <see langword="null"/> before the first.</summary>
    public string? Current => Volatile.Read(ref _current)?.Value.Token;

    /// <summary>A token valid for at least <see cref="RefreshMargin"/> more, asking the provider when needed.</summary>
    /// <param name="time">The asking client's clock.</param>
    /// <param name="async">Whether the caller is on the asynchronous path (the synchronous one waits for the provider).</param>
    /// <param name="cancellationToken">Cancels the wait; passed to the provider.</param>
    /// <exception cref="CartesiaCredentialMissingException">The provider failed or returned an unusable token.</exception>
    public async ValueTask<string> GetAsync(TimeProvider time, bool async, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } cached && time.GetUtcNow() < cached.Value.ExpiresOn - RefreshMargin)
        {
            return cached.Value.Token;
        }

        cancellationToken.ThrowIfCancellationRequested();
        CartesiaAccessToken token;
        try
        {
            ValueTask<CartesiaAccessToken> pending = _provider(cancellationToken);
            token = async || !pending.IsCompleted
                ? (async ? await pending.ConfigureAwait(false) : pending.AsTask().GetAwaiter().GetResult())
                : pending.Result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new CartesiaCredentialMissingException($"The access-token provider (CartesiaCredential.FromAccessTokenProvider) failed: {ex.Message}", ex);
        }

        try
        {
            CartesiaCredential.Check(token.Token, "token");
        }
        catch (ArgumentException ex)
        {
            throw new CartesiaCredentialMissingException($"The access-token provider (CartesiaCredential.FromAccessTokenProvider) returned an unusable token: {ex.Message}", ex);
        }

        DateTimeOffset now = time.GetUtcNow();
        if (token.ExpiresOn <= now)
        {
            throw new CartesiaCredentialMissingException(
                $"The access-token provider (CartesiaCredential.FromAccessTokenProvider) returned a token that expires at {token.ExpiresOn:u}, which is not in the future by the client's clock ({now:u}); return the token's real expiry.");
        }

        Volatile.Write(ref _current, new StrongBox<CartesiaAccessToken>(token));
        return token.Token;
    }

    /// <summary>Forgets <paramref name="token"/> if it is still the current one (the service refused it), so the next call asks again.</summary>
    public void Forget(string token)
    {
        StrongBox<CartesiaAccessToken>? current = Volatile.Read(ref _current);
        if (current is not null && current.Value.Token == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }
}
