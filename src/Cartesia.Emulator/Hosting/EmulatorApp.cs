using System.Net;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Stt;
using Cartesia.Emulator.Tts;
using Microsoft.Extensions.Logging;

namespace Cartesia.Emulator.Hosting;

/// <summary>Builds the emulator's Kestrel application: middleware and every endpoint.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(CartesiaEmulatorOptions options, CartesiaEmulator emulator)
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
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 512L * 1024 * 1024;
            kestrel.AddServerHeader = false;
            switch (options.Host)
            {
                case "localhost":
                    kestrel.Listen(IPAddress.Loopback, options.Port);
                    break;
                case "*" or "0.0.0.0":
                    kestrel.ListenAnyIP(options.Port);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
                    break;
            }
        });
        builder.Services.AddSingleton(emulator);

        WebApplication app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<ApiMiddleware>();

        ControlEndpoints.Map(app, emulator);
        StatusEndpoint.Map(app);
        TtsHttpEndpoints.Map(app);
        SttHttpEndpoint.Map(app);
        SttWebSocketEndpoints.Map(app);

        app.MapFallback((HttpContext context) => ErrorResponder.WriteAsync(context, ApiError.NotFound($"There is no {context.Request.Method} {context.Request.Path} in the Cartesia API.")));
        return app;
    }
}
