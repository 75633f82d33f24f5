using System.Security;
using Cartesia;

namespace PhoneBridge;

/// <summary>The web app: the TwiML webhook and the media-stream WebSocket, bridged with one <see cref="CartesiaClient"/>.</summary>
public static class PhoneBridgeApp
{
    /// <summary>The path of the Twilio media-stream WebSocket.</summary>
    public const string MediaPath = "/twilio/media";

    /// <summary>Builds the app; <paramref name="client"/> is shared by every call (it is thread-safe).</summary>
    /// <param name="args">Command-line arguments (ASP.NET Core configuration: --urls, --PhoneBridge:AgentId, …).</param>
    /// <param name="client">The Cartesia client the calls go through.</param>
    public static WebApplication Build(string[] args, CartesiaClient client)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TwilioAgentBridge>();
        WebApplication app = builder.Build();
        app.UseWebSockets();

        // Twilio's voice webhook: answer the call by streaming its audio to this app (bidirectional <Connect><Stream>).
        app.MapPost("/twilio/voice", (HttpRequest request) =>
        {
            string url = $"wss://{request.Host}{MediaPath}";
            return Results.Content($"""<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="{SecurityElement.Escape(url)}" /></Connect></Response>""", "text/xml");
        });

        app.Map(MediaPath, async (HttpContext context, TwilioAgentBridge bridge) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest("This is Twilio's media-stream WebSocket.");
            }

            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            await bridge.RunAsync(socket, context.RequestAborted);
            return Results.Empty;
        });
        return app;
    }
}
