using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Microsoft.Extensions.Time.Testing;

namespace Cartesia.Tests.Tts.WebSocket;

/// <summary>Every DisposeAsync call returns only when disposal has finished, also when two race.</summary>
public class TtsConcurrentDisposeTests
{
    [Fact]
    public async Task The_second_of_two_concurrent_disposals_waits_for_the_close()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { IgnoreClose = true });
        var clock = new FakeTimeProvider();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { TimeProvider = clock });
        TtsWebSocket socket = await client.Tts.ConnectAsync(new TtsWebSocketOptions { CloseTimeout = FakeClock.Hour });
        TtsContext context = socket.CreateContext(Requests.Context());
        await context.SendAsync("Keep the socket busy.");

        // The service never answers the close: the first disposal waits out CloseTimeout, which only the fake clock reaches.
        Task first = socket.DisposeAsync().AsTask();
        Task second = socket.DisposeAsync().AsTask();
        await Task.WhenAny(second, Task.Delay(200));
        Assert.False(second.IsCompleted, "The second DisposeAsync returned while the first was still closing the socket.");
        await FakeClock.AdvanceUntilAsync(clock, second, FakeClock.Hour);

        Assert.True(first.IsCompleted, "The second DisposeAsync returned while the first was still closing the socket.");
        Assert.False(socket.IsConnected);
        await first;
    }

    [Fact]
    public async Task The_second_of_two_concurrent_context_disposals_waits_for_the_cancel()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        await context.SendAsync("Something to cancel.");

        Task first = context.DisposeAsync().AsTask();
        Task second = context.DisposeAsync().AsTask();
        await second;

        Assert.True(first.IsCompleted, "The second DisposeAsync returned while the first was still cancelling.");
        Assert.Equal(TtsContextState.Cancelled, context.State);
    }
}
