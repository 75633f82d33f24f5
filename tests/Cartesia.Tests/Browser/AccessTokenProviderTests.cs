using Cartesia.AccessTokens;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Journal;
using Cartesia.Stt;
using Cartesia.Tests.Stt;
using Cartesia.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Browser;

/// <summary>
/// Issue 19: a refreshing credential. The provider is asked when a request attempt or a WebSocket connect needs a
/// token and the last one is missing, near its expiry (by the client's clock) or was refused; never otherwise.
/// </summary>
public class AccessTokenProviderTests
{
    /// <summary>Mints real emulator tokens (tts + stt) and counts the calls.</summary>
    private sealed class Minter(CartesiaClient server, TimeProvider clock, TimeSpan lifetime)
    {
        public List<string> Tokens { get; } = [];

        public async ValueTask<CartesiaAccessToken> NextAsync(CancellationToken cancellationToken)
        {
            AccessToken token = await server.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true, Stt = true }, ExpiresIn = lifetime }, cancellationToken);
            lock (Tokens)
            {
                Tokens.Add(token.Token);
            }

            return new CartesiaAccessToken(token.Token, clock.GetUtcNow() + lifetime);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rest_calls_reuse_the_token_until_thirty_seconds_before_it_expires_then_ask_again(bool async)
    {
        var clock = new FakeTimeProvider();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        using CartesiaClient server = emulator.CreateClient();
        var minter = new Minter(server, clock, TimeSpan.FromMinutes(2));
        using var client = new CartesiaClient(CartesiaCredential.FromAccessTokenProvider(minter.NextAsync), new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0, TimeProvider = clock });

        Task<byte[]> Speak() => async ? client.Tts.GenerateBytesAsync(Requests.Bytes("Fresh.")) : Task.FromResult(client.Tts.GenerateBytes(Requests.Bytes("Fresh.")));
        await Speak();
        clock.Advance(TimeSpan.FromSeconds(89));
        await Speak();
        Assert.Single(minter.Tokens);
        clock.Advance(TimeSpan.FromSeconds(2)); // 29 s left: within the margin
        await Speak();

        Assert.Equal(2, minter.Tokens.Count);
        IReadOnlyList<EmulatorRequest> calls = emulator.Journal.For("/tts/bytes");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[0].Credential.Matches(minter.Tokens[0]));
        Assert.True(calls[1].Credential.Matches(minter.Tokens[0]));
        Assert.True(calls[2].Credential.Matches(minter.Tokens[1]));
        Assert.All(calls, c => Assert.Equal(EmulatorCredentialKind.BearerHeader, c.Credential.Kind));
    }

    [Fact]
    public async Task A_long_websocket_session_reconnects_with_a_fresh_token_after_the_first_expired()
    {
        var clock = new FakeTimeProvider();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        using CartesiaClient server = emulator.CreateClient();
        var minter = new Minter(server, clock, TimeSpan.FromMinutes(1));
        using var client = new CartesiaClient(CartesiaCredential.FromAccessTokenProvider(minter.NextAsync), new CartesiaClientOptions
        {
            BaseUri = emulator.BaseUri,
            MaxRetries = 0,
            TimeProvider = clock,
            WebSocketAuthentication = CartesiaWebSocketAuthentication.Query,
        });

        await using (await client.Tts.ConnectAsync())
        {
        }

        clock.Advance(TimeSpan.FromMinutes(5)); // the first token has expired on the emulator too
        await using (await client.Tts.ConnectAsync())
        {
        }

        IReadOnlyList<EmulatorRequest> handshakes = emulator.Journal.For("/tts/websocket");
        Assert.Equal(2, handshakes.Count);
        Assert.Equal(2, minter.Tokens.Count);
        Assert.True(handshakes[0].Credential.Matches(minter.Tokens[0]));
        Assert.True(handshakes[1].Credential.Matches(minter.Tokens[1]));
        Assert.All(handshakes, h => Assert.Equal(EmulatorCredentialKind.AccessTokenQuery, h.Credential.Kind));
        Assert.All(handshakes, h => Assert.Equal(101, h.StatusCode));
    }

    [Fact]
    public async Task The_stt_reconnector_asks_the_provider_again_when_the_connection_drops()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient server = emulator.CreateClient();
        // Tokens said to expire within the refresh margin: every connect asks the provider.
        var minter = new Minter(server, TimeProvider.System, TimeSpan.FromSeconds(20));
        using var client = new CartesiaClient(CartesiaCredential.FromAccessTokenProvider(minter.NextAsync), new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 1, DropCloseStatus = 1011 });
        SttSessionOptions options = SttAudio.Stream();
        options.Reconnect = new SttReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50) };

        await using SttSession session = await client.Stt.ConnectAsync(options);
        var reconnecting = new TaskCompletionSource();
        Task reading = Task.Run(async () =>
        {
            await foreach (SttEvent e in session.ReadEventsAsync())
            {
                if (e is SttReconnectingEvent)
                {
                    reconnecting.TrySetResult();
                }
            }
        });
        await session.SendAudioAsync(new byte[3200]);
        await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await session.SendAudioAsync(new byte[3200]);
        await session.CompleteAsync();
        await reading;

        IReadOnlyList<EmulatorRequest> connections = emulator.Journal.For("/stt/websocket");
        Assert.Equal(2, connections.Count);
        Assert.Equal(2, minter.Tokens.Count);
        Assert.True(connections[0].Credential.Matches(minter.Tokens[0]));
        Assert.True(connections[1].Credential.Matches(minter.Tokens[1]));
    }

    [Fact]
    public async Task A_refused_token_is_forgotten_so_the_next_call_asks_again()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_server_side_key" });
        using CartesiaClient server = emulator.CreateClient();
        var minter = new Minter(server, TimeProvider.System, TimeSpan.FromMinutes(10));
        int calls = 0;
        using var client = new CartesiaClient(
            CartesiaCredential.FromAccessTokenProvider(ct => ++calls == 1 ? new(new CartesiaAccessToken("revoked-token-123", DateTimeOffset.UtcNow.AddHours(1))) : minter.NextAsync(ct)),
            new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });

        await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => client.Tts.GenerateBytesAsync(Requests.Bytes()));
        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes());

        Assert.NotEmpty(audio);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_failing_or_stale_provider_fails_the_call_before_anything_is_sent_naming_the_provider()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var options = new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 };
        using var failing = new CartesiaClient(CartesiaCredential.FromAccessTokenProvider(_ => throw new InvalidOperationException("token server down")), options);
        using var stale = new CartesiaClient(CartesiaCredential.FromAccessTokenProvider(_ => new(new CartesiaAccessToken("stale-token-123", DateTimeOffset.UtcNow.AddMinutes(-1)))), options);
        using var blank = new CartesiaClient(CartesiaCredential.FromAccessTokenProvider(_ => new(new CartesiaAccessToken(" ", DateTimeOffset.UtcNow.AddMinutes(5)))), options);

        var down = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(() => failing.Tts.GenerateBytesAsync(Requests.Bytes()));
        var old = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(() => stale.Tts.ConnectAsync());
        var empty = Assert.Throws<CartesiaCredentialMissingException>(() => blank.Tts.GenerateBytes(Requests.Bytes()));

        Assert.Contains("FromAccessTokenProvider", down.Message, StringComparison.Ordinal);
        Assert.Contains("token server down", down.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(down.InnerException);
        Assert.Contains("not in the future", old.Message, StringComparison.Ordinal);
        Assert.Contains("unusable token", empty.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
        Assert.Equal("CartesiaCredential(AccessToken provider, secret redacted)", CartesiaCredential.FromAccessTokenProvider(_ => default).ToString());
        Assert.DoesNotContain("stale-token-123", new CartesiaAccessToken("stale-token-123", DateTimeOffset.UnixEpoch).ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => CartesiaCredential.FromAccessTokenProvider(null!));
    }
}
