using System.Net;
using Cartesia.Emulator.AccessTokens;
using Cartesia.Emulator.Agents;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Datasets;
using Cartesia.Emulator.FineTunes;
using Cartesia.Emulator.Generation;
using Cartesia.Emulator.PronunciationDictionaries;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Stt;
using Cartesia.Emulator.Tts;
using Cartesia.Emulator.Voices;
using Microsoft.Extensions.Logging;

namespace Cartesia.Emulator.Hosting;

/// <summary>Builds the emulator's Kestrel application: middleware and every endpoint.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(CartesiaEmulatorOptions options, CartesiaEmulator emulator, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
        });

        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton<ILoggerFactory>(new RedactingLoggerFactory(loggerFactory));
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            long largestBody = Math.Max(options.Limits.MaxRequestBodyBytes, options.Limits.MaxJsonBodyBytes);
            kestrel.Limits.MaxRequestBodySize = largestBody < long.MaxValue ? largestBody + 1 : null;
            kestrel.AddServerHeader = false;
            IPAddress address = options.Host switch
            {
                "localhost" => IPAddress.Loopback,
                "*" or "0.0.0.0" => IPAddress.Any,
                _ => IPAddress.Parse(options.Host),
            };
            kestrel.Listen(address, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddSingleton(emulator);
        if (options.Firehose is not null)
        {
            builder.Services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, Firehose.FirehoseMemoryPoolFactory>();
        }

        WebApplication app = builder.Build();
        app.UseMiddleware<HostFilterMiddleware>();
        app.UseMiddleware<CorsMiddleware>();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<Persistence.StatePersistenceMiddleware>();
        app.UseMiddleware<ApiMiddleware>();

        ControlEndpoints.Map(app, emulator);
        StatusEndpoint.Map(app);
        TtsHttpEndpoints.Map(app);
        TtsWebSocketEndpoint.Map(app);
        VoiceEndpoints.Map(app);
        VoiceChangerEndpoints.Map(app);
        InfillEndpoints.Map(app);
        DatasetEndpoints.Map(app);
        FineTuneEndpoints.Map(app);
        DictionaryEndpoints.Map(app);
        AgentEndpoints.Map(app);
        Agents.Realtime.AgentSocketEndpoints.Map(app);
        AccessTokenEndpoints.Map(app);
        SttHttpEndpoint.Map(app);
        SttWebSocketEndpoints.Map(app);
        CatalogEndpoints.Map(app);

        app.MapFallback((HttpContext context) => ErrorResponder.WriteAsync(context, ApiError.NotFound($"There is no {context.Request.Method} {context.Request.Path} in the Cartesia API.")));
        return app;
    }
}
