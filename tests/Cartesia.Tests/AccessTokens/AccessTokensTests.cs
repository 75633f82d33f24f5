using System.Text.Json;
using Cartesia.AccessTokens;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.AccessTokens;

public class AccessTokensTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_minted_token_reaches_what_its_grants_allow_and_nothing_else(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_server" });
        using CartesiaClient server = emulator.CreateClient();
        var request = new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true }, ExpiresIn = TimeSpan.FromMinutes(5) };

        AccessToken token = async ? await server.AccessTokens.CreateAsync(request) : server.AccessTokens.Create(request);
        using var browser = new CartesiaClient(token.ToCredential(), new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });

        Assert.Equal("{\"grants\":{\"tts\":true},\"expires_in\":300}", emulator.Journal.For("/access-token").Single().BodyText);
        Assert.Equal(3, token.Token.Split('.').Length);
        Assert.DoesNotContain(token.Token, token.ToString(), StringComparison.Ordinal);
        byte[] audio = await browser.Tts.GenerateBytesAsync(Requests.Bytes("With a token."));
        Assert.Equal("With a token.", Clips.Words(audio, Requests.Bytes().OutputFormat));
        Assert.True((await browser.GetStatusAsync()).Ok);
        var voices = await Assert.ThrowsAsync<CartesiaPermissionDeniedException>(() => browser.Voices.ListAsync().ToListAsync());
        Assert.Contains("API key", voices.ErrorMessage, StringComparison.Ordinal);
        var mint = Assert.Throws<CartesiaPermissionDeniedException>(() => browser.AccessTokens.Create());
        Assert.Equal(403, mint.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_tts_grant_cannot_speak_and_an_expired_one_is_refused()
    {
        var clock = new FakeTimeProvider();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        using CartesiaClient server = emulator.CreateClient();
        AccessToken sttOnly = await server.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Stt = true } });
        AccessToken brief = await server.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true }, ExpiresIn = TimeSpan.FromSeconds(1) });
        using var stt = new CartesiaClient(sttOnly.ToCredential(), new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });
        using var expired = new CartesiaClient(brief.ToCredential(), new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });

        var noGrant = await Assert.ThrowsAsync<CartesiaPermissionDeniedException>(() => stt.Tts.GenerateBytesAsync(Requests.Bytes()));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        byte[] stillValid = await expired.Tts.GenerateBytesAsync(Requests.Bytes());
        clock.Advance(TimeSpan.FromMilliseconds(2));
        var refused = await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => expired.Tts.GenerateBytesAsync(Requests.Bytes()));

        Assert.NotEmpty(stillValid);
        Assert.Contains("expired", refused.ErrorMessage, StringComparison.Ordinal);

        Assert.Contains("tts grant", noGrant.ErrorMessage, StringComparison.Ordinal);
        string payload = sttOnly.Token.Split('.')[1];
        using JsonDocument claims = JsonDocument.Parse(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (payload.Length % 4)) % 4)));
        Assert.True(claims.RootElement.GetProperty("grants").GetProperty("stt").GetBoolean());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    [InlineData(1.5)]
    public async Task Lifetimes_outside_one_second_to_one_hour_are_refused_locally(double seconds)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        var error = Assert.ThrowsAny<ArgumentException>(() => client.AccessTokens.Create(new AccessTokenRequest { ExpiresIn = TimeSpan.FromSeconds(seconds) }));

        Assert.Contains("AccessTokenRequest.ExpiresIn (expires_in)", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }
}
