using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

public class TtsContextIdTests
{
    [Fact]
    public async Task Contexts_without_an_id_get_distinct_version_4_uuids()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 5_000; i++)
        {
            TtsContext context = socket.CreateContext(Requests.Context());
            Assert.True(Guid.TryParseExact(context.ContextId, "D", out Guid id), context.ContextId);
            Assert.Equal(4, id.Version);
            Assert.Equal(0x8, id.Variant & 0xC); // RFC 9562
            Assert.True(ids.Add(context.ContextId));
            await context.DisposeAsync();
        }
    }
}
