using Cartesia.Emulator;
using Cartesia.Extensions.AI;
using Cartesia.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cartesia.Tests.Extensions.DependencyInjection;

[Collection(EnvironmentCollection.Name)]
public class DependencyInjectionTests
{
    [Fact]
    public async Task AddCartesia_binds_configuration_and_uses_the_http_client_factory_for_rest_and_websockets()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var environment = new EnvironmentScope().Set("CARTESIA_API_KEY", null);
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cartesia:ApiKey"] = "sk_car_from_config",
            ["Cartesia:BaseUri"] = emulator.BaseUri.ToString(),
            ["Cartesia:ApiVersion"] = "2026-03-01",
            ["Cartesia:MaxRetries"] = "1",
            ["Cartesia:Timeout"] = "00:00:30",
            ["Cartesia:DefaultHeaders:X-Team"] = "voice",
        });
        var counter = new CountingHandler();
        builder.Services.AddCartesia(builder.Configuration.GetSection("Cartesia")).AddHttpMessageHandler(() => counter);
        using IHost host = builder.Build();
        await host.StartAsync();

        CartesiaClient first = host.Services.GetRequiredService<CartesiaClient>();
        using IServiceScope scope = host.Services.CreateScope();
        CartesiaClient second = scope.ServiceProvider.GetRequiredService<CartesiaClient>();
        await first.GetStatusAsync();
        await using (Cartesia.Tts.TtsWebSocket socket = await first.Tts.ConnectAsync())
        {
            Assert.True(socket.IsConnected);
        }

        Assert.Same(first, second);
        Assert.Equal(CartesiaApiVersion.V2026_03_01, first.ApiVersion);
        Assert.Equal(2, counter.Requests);
        Assert.All(emulator.Journal.Requests, r => CredentialAssert.Bearer("sk_car_from_config", r));
        Assert.All(emulator.Journal.Requests, r => Assert.Equal("voice", r.Header("X-Team")));
        Assert.All(emulator.Journal.Requests, r => Assert.Equal("2026-03-01", r.Header("Cartesia-Version")));
        await host.StopAsync();
    }

    [Fact]
    public void The_factory_s_primary_handler_is_the_one_the_client_makes_for_itself()
    {
        var services = new ServiceCollection();
        services.AddCartesia(o => o.ApiKey = "sk_car_test");
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(CartesiaServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        SocketsHttpHandler primary = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.NotNull(primary.ConnectCallback); // the read-buffered connection
        Assert.Equal(TimeSpan.FromMinutes(5), primary.PooledConnectionLifetime);
    }

    [Fact]
    public async Task A_missing_key_stops_the_host_at_start_naming_the_setting()
    {
        using var environment = new EnvironmentScope().Set("CARTESIA_API_KEY", null);
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Voice:Cartesia:BaseUri"] = "https://api.cartesia.ai" });
        builder.Services.AddCartesia(builder.Configuration.GetSection("Voice:Cartesia"));
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'Voice:Cartesia:ApiKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CARTESIA_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_in_code_is_reported_at_start_and_the_environment_key_is_enough()
    {
        using var environment = new EnvironmentScope().Set("CARTESIA_API_KEY", "sk_car_env");
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCartesia(o => o.MaxRetries = -1);
        using IHost host = builder.Build();
        var bad = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var good = new ServiceCollection();
        good.AddCartesia(o => o.BaseUri = new Uri("http://127.0.0.1:1"));
        using ServiceProvider provider = good.BuildServiceProvider();

        Assert.Contains("MaxRetries", bad.Message, StringComparison.Ordinal);
        Assert.Equal(CartesiaCredentialKind.ApiKey, provider.GetRequiredService<CartesiaClient>().CredentialKind);
    }

    [Fact]
    public async Task Keyed_clients_talk_with_their_own_settings()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddKeyedCartesia("team-a", o => { o.ApiKey = "sk_a"; o.BaseUri = emulator.BaseUri; });
        services.AddKeyedCartesia("team-b", o => { o.ApiKey = "sk_b"; o.BaseUri = emulator.BaseUri; });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<CartesiaClient>("team-a").GetStatusAsync();
        await provider.GetRequiredKeyedService<CartesiaClient>("team-b").GetStatusAsync();

        Assert.Collection(emulator.Journal.Requests, r => CredentialAssert.Bearer("sk_a", r), r => CredentialAssert.Bearer("sk_b", r));
        Assert.NotSame(provider.GetRequiredKeyedService<CartesiaClient>("team-a"), provider.GetRequiredKeyedService<CartesiaClient>("team-b"));
    }

    [Fact]
    public async Task The_text_to_speech_client_is_registered_with_its_middleware()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCartesia(o => { o.ApiKey = "sk"; o.BaseUri = emulator.BaseUri; });
        services.AddCartesiaTextToSpeechClient(o => o.DefaultVoiceId = CartesiaEmulator.DefaultVoiceId).UseLogging();
        await using ServiceProvider provider = services.BuildServiceProvider();

        ITextToSpeechClient tts = provider.GetRequiredService<ITextToSpeechClient>();
        TextToSpeechResponse response = await tts.GetAudioAsync("Registered through dependency injection.");

        Assert.NotEmpty(response.Contents);
        Assert.Same(provider.GetRequiredService<CartesiaClient>(), tts.GetService<CartesiaClient>());
        Assert.NotNull(tts.GetService<CartesiaTextToSpeechClient>());
    }

    [Fact]
    public async Task The_speech_to_text_client_is_registered_with_its_middleware_and_defaults()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCartesia(o => { o.ApiKey = "sk"; o.BaseUri = emulator.BaseUri; });
        services.AddCartesiaSpeechToTextClient(o => o.DefaultModelId = "ink-whisper-2025-06-04").UseLogging();
        await using ServiceProvider provider = services.BuildServiceProvider();

        ISpeechToTextClient stt = provider.GetRequiredService<ISpeechToTextClient>();
        SpeechToTextResponse response = await stt.GetTextAsync(new MemoryStream(Clips.Wav("Registered for speech to text.")));

        Assert.Equal("Registered for speech to text.", response.Text);
        Assert.Equal("ink-whisper-2025-06-04", Assert.Single(emulator.Journal.For("/stt")).FormPart("model")!.Text);
        Assert.Equal("ink-whisper-2025-06-04", stt.GetService<SpeechToTextClientMetadata>()!.DefaultModelId);
        Assert.Same(provider.GetRequiredService<CartesiaClient>(), stt.GetService<CartesiaClient>());
        Assert.NotNull(stt.GetService<CartesiaSpeechToTextClient>());
    }

    [Fact]
    public void Options_clone_copies_every_setting()
    {
        var options = new CartesiaClientOptions();
        foreach (var property in typeof(CartesiaClientOptions).GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            object? value = property.PropertyType switch
            {
                var t when t == typeof(string) => "x",
                var t when t == typeof(Uri) => new Uri(property.Name.Contains("WebSocket", StringComparison.Ordinal) ? "ws://a" : "http://a"),
                var t when t == typeof(TimeSpan) => TimeSpan.FromSeconds(7),
                var t when t == typeof(int) => 7,
                var t when t == typeof(CartesiaApiVersion) => CartesiaApiVersion.V2024_06_10,
                var t when t == typeof(GenerationRetryMode) => GenerationRetryMode.Always,
                var t when t == typeof(CartesiaWebSocketAuthentication) => CartesiaWebSocketAuthentication.Query,
                var t when t == typeof(HttpClient) => new HttpClient(),
                var t when t == typeof(Microsoft.Extensions.Logging.ILoggerFactory) => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
                var t when t == typeof(TimeProvider) => new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
                _ => throw new InvalidOperationException($"Add a value for {property.Name} ({property.PropertyType}) to this test."),
            };
            property.SetValue(options, value);
        }

        options.DefaultHeaders["X-A"] = "1";
        CartesiaClientOptions clone = options.Clone();
        clone.DefaultHeaders["X-B"] = "2";

        foreach (var property in typeof(CartesiaClientOptions).GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            Assert.Equal(property.GetValue(options), property.GetValue(clone));
        }

        Assert.Equal(["X-A"], options.DefaultHeaders.Keys);
        Assert.Equal(2, clone.DefaultHeaders.Count);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.Send(request, cancellationToken);
        }
    }
}
