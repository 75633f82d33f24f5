using System.Net.WebSockets;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Stt;

/// <summary>
/// <c>/stt/websocket</c> (manual finalize) and <c>/stt/turns/websocket</c> (turn detection). The handshake went
/// through <see cref="ApiMiddleware"/> (auth, version, handshake faults); bad query parameters are reported as an
/// error event in the version's shape, then the socket closes (1008).
/// </summary>
internal static class SttWebSocketEndpoints
{
    public static void Map(WebApplication app)
    {
        app.Map("/stt/websocket", context => RunAsync(context, turns: false));
        app.Map("/stt/turns/websocket", context => RunAsync(context, turns: true));
    }

    /// <summary>An access token must carry the <c>stt</c> grant (API keys may do anything).</summary>
    public static void RequireGrant(ApiContext api)
    {
        if (api.Token is { Stt: false })
        {
            throw new ApiError(403, "forbidden", "Forbidden", "The access token has no 'stt' grant.");
        }
    }

    private static async Task RunAsync(HttpContext context, bool turns)
    {
        ApiContext api = ApiContext.Get(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw ApiError.BadRequest("WebSocket required", $"{context.Request.Path} is a WebSocket endpoint: connect with an upgrade request.");
        }

        RequireGrant(api);
        if (!turns && context.RequestServices.GetRequiredService<CartesiaEmulator>().FirehoseFrames is not null)
        {
            await Firehose.FirehoseEndpoints.SttWebSocketAsync(context).ConfigureAwait(false);
            return;
        }

        using EmulatorWebSocket socket = await EmulatorWebSocket.AcceptAsync(context).ConfigureAwait(false);
        SttSocketParameters parameters;
        try
        {
            parameters = SttSocketParameters.Read(context.Request.Query, turns);
        }
        catch (ApiError error)
        {
            await socket.SendTextAsync(SttEventWriter.Error(error, api.Version, api.RequestId)).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, error.Title).ConfigureAwait(false);
            return;
        }

        SttSocketSession session = turns
            ? new TurnsSttSession(socket, api, parameters)
            : new ManualSttSession(socket, api, parameters);
        await session.RunAsync().ConfigureAwait(false);
    }
}
