using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests;

/// <summary>The SDK's first minutes: a client made the way the official quickstarts make one.</summary>
[Collection(EnvironmentCollection.Name)]
public class FirstRunTests
{
    [Fact]
    public async Task An_empty_key_counts_as_none_and_the_first_call_names_CARTESIA_API_KEY()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var environment = new EnvironmentScope()
            .Set(CartesiaClientOptions.ApiKeyEnvironmentVariable, null)
            .Set(CartesiaClientOptions.BaseUrlEnvironmentVariable, emulator.BaseUri.ToString());

        // The Python idiom ported: must not throw in the constructor.
        using var client = new CartesiaClient(Environment.GetEnvironmentVariable("CARTESIA_API_KEY") ?? "");
        using var blank = new CartesiaClient("   ", new CartesiaClientOptions { BaseUri = emulator.BaseUri, ApiKey = " " });

        var error = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(() => client.Tts.GenerateBytesAsync(Requests.Bytes()));
        var blankError = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(() => blank.Voices.GetAsync(CartesiaEmulator.DefaultVoiceId));

        Assert.IsAssignableFrom<CartesiaException>(error);
        Assert.Contains("CARTESIA_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("CARTESIA_API_KEY", blankError.Message, StringComparison.Ordinal);
        Assert.Null(client.CredentialKind);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task A_client_without_any_key_fails_with_the_same_type_on_REST_and_WebSocket_calls()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var environment = new EnvironmentScope()
            .Set(CartesiaClientOptions.ApiKeyEnvironmentVariable, "")
            .Set(CartesiaClientOptions.BaseUrlEnvironmentVariable, emulator.BaseUri.ToString());
        using var client = new CartesiaClient();

        var rest = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(() => client.Voices.GetAsync(CartesiaEmulator.DefaultVoiceId));
        var socket = await Assert.ThrowsAsync<CartesiaCredentialMissingException>(async () => await client.Tts.ConnectAsync());

        Assert.Contains("CARTESIA_API_KEY", rest.Message, StringComparison.Ordinal);
        Assert.Contains("CARTESIA_API_KEY", socket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_with_stray_white_space_is_still_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => new CartesiaClient("sk_car_abc\n"));
    }
}
