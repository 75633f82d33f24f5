using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Browser;

/// <summary>Issue 19: in a browser the synchronous twins fail at once with a clear message instead of hanging the page.</summary>
public class BrowserSyncTests
{
    [Fact]
    public async Task Synchronous_calls_in_a_browser_throw_platform_not_supported_before_sending_and_async_ones_work()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { RunsInBrowser = true });

        var bytes = Assert.Throws<PlatformNotSupportedException>(() => client.Tts.GenerateBytes(Requests.Bytes()));
        var list = Assert.Throws<PlatformNotSupportedException>(() => client.Voices.List().First());
        var sse = Assert.Throws<PlatformNotSupportedException>(() => client.Tts.GenerateSse(Requests.Sse()).First());

        Assert.Empty(emulator.Journal.Requests);
        Assert.Contains("browser", bytes.Message, StringComparison.Ordinal);
        Assert.Contains("Async", bytes.Message, StringComparison.Ordinal);
        Assert.Contains("tts.generate", bytes.Message, StringComparison.Ordinal);
        Assert.NotNull(list.Message);
        Assert.NotNull(sse.Message);
        Assert.NotEmpty(await client.Tts.GenerateBytesAsync(Requests.Bytes()));
    }

    [Fact]
    public async Task Outside_a_browser_the_synchronous_twins_run()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { RunsInBrowser = false });

        Assert.NotEmpty(client.Tts.GenerateBytes(Requests.Bytes()));
    }
}
