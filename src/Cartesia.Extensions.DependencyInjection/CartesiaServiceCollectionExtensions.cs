using Cartesia;
using Cartesia.Extensions.AI;
using Cartesia.Extensions.DependencyInjection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Cartesia in a service collection.</summary>
public static class CartesiaServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="AddCartesia(IServiceCollection, IConfiguration, Action{CartesiaClientOptions}?)"/> expects by convention: <c>Cartesia</c>.</summary>
    public const string DefaultSectionName = "Cartesia";

    /// <summary>The name of the <see cref="HttpClient"/> the default client uses (<c>Cartesia</c>).</summary>
    public const string HttpClientName = "Cartesia";

    /// <summary>
    /// Registers a singleton <see cref="CartesiaClient"/> configured in code (the key falls back to
    /// <c>CARTESIA_API_KEY</c>), validated at start-up, using an <see cref="HttpClient"/> from
    /// <see cref="IHttpClientFactory"/> and the registered <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers (for example a resilience handler; then set <c>MaxRetries = 0</c>).</returns>
    public static IHttpClientBuilder AddCartesia(this IServiceCollection services, Action<CartesiaClientOptions>? configure = null)
        => AddCore(services, serviceKey: null, Options.Options.DefaultName, HttpClientName, "CartesiaClientOptions.", options => configure?.Invoke(options));

    /// <summary>
    /// Registers a singleton <see cref="CartesiaClient"/> bound from configuration (the <c>Cartesia</c> section:
    /// <c>ApiKey</c>, <c>BaseUri</c>, <c>ApiVersion</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>DefaultHeaders</c>, …),
    /// validated at start-up with a message naming the missing setting.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind, for example <c>builder.Configuration.GetSection("Cartesia")</c>.</param>
    /// <param name="configure">Sets further options after binding.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddCartesia(this IServiceCollection services, IConfiguration configuration, Action<CartesiaClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string prefix = configuration is IConfigurationSection section ? section.Path + ":" : string.Empty;
        return AddCore(services, serviceKey: null, Options.Options.DefaultName, HttpClientName, prefix, options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>
    /// Registers a keyed singleton <see cref="CartesiaClient"/> (for several accounts in one application), resolved
    /// with <c>[FromKeyedServices(key)]</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder of this client.</returns>
    public static IHttpClientBuilder AddKeyedCartesia(this IServiceCollection services, object serviceKey, Action<CartesiaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentNullException.ThrowIfNull(configure);
        string name = "Cartesia:" + serviceKey;
        return AddCore(services, serviceKey, name, name, $"CartesiaClientOptions[{serviceKey}].", configure);
    }

    /// <summary>
    /// Registers an <see cref="ITextToSpeechClient"/> over the registered <see cref="CartesiaClient"/>; returns the
    /// Microsoft.Extensions.AI builder so middleware can be added (<c>.UseLogging().UseOpenTelemetry()</c>).
    /// </summary>
    /// <param name="services">The services (call <c>AddCartesia</c> too).</param>
    /// <param name="configure">Sets the adapter's defaults (voice, model, formats).</param>
    public static TextToSpeechClientBuilder AddCartesiaTextToSpeechClient(this IServiceCollection services, Action<CartesiaTextToSpeechClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddTextToSpeechClient(sp =>
        {
            var options = new CartesiaTextToSpeechClientOptions();
            configure?.Invoke(options);
            return new CartesiaTextToSpeechClient(sp.GetRequiredService<CartesiaClient>(), options);
        });
    }

    /// <summary>
    /// Registers an <see cref="ISpeechToTextClient"/> over the registered <see cref="CartesiaClient"/> (whole audio
    /// over <c>POST /stt</c>, streaming over a real STT session); returns the Microsoft.Extensions.AI builder so
    /// middleware can be added (<c>.UseLogging().UseOpenTelemetry()</c>).
    /// </summary>
    /// <param name="services">The services (call <c>AddCartesia</c> too).</param>
    /// <param name="configure">Sets the adapter's defaults (models, streaming pacing).</param>
    public static SpeechToTextClientBuilder AddCartesiaSpeechToTextClient(this IServiceCollection services, Action<CartesiaSpeechToTextClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSpeechToTextClient(sp =>
        {
            var options = new CartesiaSpeechToTextClientOptions();
            configure?.Invoke(options);
            return new CartesiaSpeechToTextClient(sp.GetRequiredService<CartesiaClient>(), options);
        });
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, object? serviceKey, string optionsName, string httpClientName, string settingPrefix, Action<CartesiaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CartesiaClientOptions>(optionsName).Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CartesiaClientOptions>>(new CartesiaOptionsValidator(optionsName, settingPrefix));

        // A singleton keeps its HttpClient for ever, so connections are recycled by the pooled lifetime of the
        // primary handler (DNS changes are picked up) rather than by the factory's handler rotation.
        IHttpClientBuilder http = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CartesiaClient.CreateHttpHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        Func<IServiceProvider, object?, CartesiaClient> factory = (sp, _) =>
        {
            CartesiaClientOptions configured = sp.GetRequiredService<IOptionsMonitor<CartesiaClientOptions>>().Get(optionsName);
            CartesiaClientOptions options = configured.Clone();
            options.HttpClient ??= sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            return new CartesiaClient(credential: null, options);
        };

        if (serviceKey is null)
        {
            services.TryAddSingleton(sp => factory(sp, null));
        }
        else
        {
            services.TryAddKeyedSingleton(serviceKey, factory);
        }

        return http;
    }
}
