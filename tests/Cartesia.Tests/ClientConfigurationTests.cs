using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests;

[Collection(EnvironmentCollection.Name)]
public class ClientConfigurationTests
{
    [Fact]
    public async Task The_key_and_base_url_come_from_the_environment()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var environment = new EnvironmentScope()
            .Set(CartesiaClientOptions.ApiKeyEnvironmentVariable, "sk_car_from_env\n")
            .Set(CartesiaClientOptions.BaseUrlEnvironmentVariable, emulator.BaseUri.ToString());
        using var client = new CartesiaClient();

        await client.Tts.GenerateBytesAsync(Requests.Bytes());

        Assert.Equal(emulator.BaseUri, client.BaseUri);
        Assert.Equal(new Uri(emulator.BaseUri.ToString().Replace("http", "ws", StringComparison.Ordinal)), client.WebSocketBaseUri);
        CredentialAssert.Bearer("sk_car_from_env", emulator.Journal.Requests[0]);
    }

    [Fact]
    public async Task A_missing_key_is_a_clear_error_at_the_first_call_that_needs_one()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var environment = new EnvironmentScope().Set(CartesiaClientOptions.ApiKeyEnvironmentVariable, null);
        using var client = new CartesiaClient(new CartesiaClientOptions { BaseUri = emulator.BaseUri });

        ApiStatus status = await client.GetStatusAsync();
        var error = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(() => client.Tts.GenerateAsync(Requests.Bytes()));

        Assert.True(status.Ok);
        Assert.Contains("CARTESIA_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Journal.Requests);
        Assert.Null(client.CredentialKind);
    }

    [Fact]
    public async Task An_explicit_key_wins_over_options_and_environment_and_tokens_are_bearer_too()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var environment = new EnvironmentScope().Set(CartesiaClientOptions.ApiKeyEnvironmentVariable, "sk_env");
        using var withOptionsKey = new CartesiaClient(new CartesiaClientOptions { BaseUri = emulator.BaseUri, ApiKey = "sk_options" });
        using var withToken = new CartesiaClient(CartesiaCredential.FromAccessToken("tok_123"), new CartesiaClientOptions { BaseUri = emulator.BaseUri });

        await withOptionsKey.GetStatusAsync();
        await withToken.GetStatusAsync();

        CredentialAssert.Bearer("sk_options", emulator.Journal.Requests[0]);
        CredentialAssert.Bearer("tok_123", emulator.Journal.Requests[1]);
        Assert.Equal(CartesiaCredentialKind.AccessToken, withToken.CredentialKind);
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_it()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var client = new CartesiaClient("sk", new CartesiaClientOptions { BaseUri = new Uri(emulator.BaseUri, "proxy/v1") });

        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Tts.GenerateAsync(Requests.Bytes()));

        Assert.Equal("/proxy/v1/tts/bytes", emulator.Journal.Requests[0].Path);
        Assert.Equal(new Uri(emulator.BaseUri, "proxy/v1/"), client.BaseUri);
    }
}
