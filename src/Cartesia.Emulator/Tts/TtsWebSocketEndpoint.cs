using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Tts;

/// <summary><c>/tts/websocket</c>: the upgrade (refused with 429 past the connection limit), then one <see cref="EmulatorTtsConnection"/>.</summary>
internal static class TtsWebSocketEndpoint
{
    public static void Map(WebApplication app) => app.Map("/tts/websocket", HandleAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        CartesiaEmulator emulator = context.RequestServices.GetRequiredService<CartesiaEmulator>();
        ApiContext api = ApiContext.Get(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw new ApiError(400, "invalid_request", "WebSocket expected", "Connect to /tts/websocket with a WebSocket upgrade.");
        }

        if (api.Token is { Tts: false })
        {
            throw new ApiError(403, "forbidden", "Forbidden", "This access token has no 'tts' grant.");
        }

        int open = Interlocked.Increment(ref emulator.State.TtsConnections);
        try
        {
            if (emulator.Options.TtsMaxConnections is { } limit && open > limit)
            {
                throw new ApiError(429, "concurrency_limited", "Too many connections", $"At most {limit} TTS WebSockets may be open at once.");
            }

            if (emulator.FirehoseFrames is { } firehose)
            {
                await Firehose.FirehoseEndpoints.TtsWebSocketAsync(context, firehose).ConfigureAwait(false);
                return;
            }

            using EmulatorWebSocket socket = await EmulatorWebSocket.AcceptAsync(context).ConfigureAwait(false);
            await new EmulatorTtsConnection(socket, emulator, api).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref emulator.State.TtsConnections);
        }
    }
}
