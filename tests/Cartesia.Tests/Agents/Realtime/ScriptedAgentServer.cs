using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cartesia.Tests.Agents.Realtime;

/// <summary>
/// A loopback WebSocket server that runs a test's script for each connection: what the emulator's agent never does
/// (drop the connection, fail fatally mid-call, send an unknown event) or what a test must watch frame by frame.
/// </summary>
internal sealed class ScriptedAgentServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedAgentServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every text message the clients sent, in order.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<ScriptedAgentServer> StartAsync(Func<Peer, Task> script)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var server = new ScriptedAgentServer(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            await script(new Peer(socket, server, context));
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One connection, from the server's side.</summary>
    internal sealed class Peer(WebSocket socket, ScriptedAgentServer server, HttpContext context)
    {
        public WebSocket Socket => socket;

        public HttpContext Context => context;

        public Task SendAsync(string json) => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next text message, or null at a close.</summary>
        public async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[1 << 16];
            var message = new MemoryStream();
            while (true)
            {
                WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    string text = Encoding.UTF8.GetString(message.ToArray());
                    server.Received.Enqueue(text);
                    return text;
                }
            }
        }

        /// <summary>Reads until the client closes (answering its close), returning what came.</summary>
        public async Task<List<string>> ReceiveUntilCloseAsync()
        {
            var all = new List<string>();
            while (await ReceiveAsync() is { } text)
            {
                all.Add(text);
            }

            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
            }

            return all;
        }

        public void Abort() => context.Abort();
    }
}
