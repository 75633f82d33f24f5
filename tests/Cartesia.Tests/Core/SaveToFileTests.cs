using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Core;

/// <summary>The save-to-file helpers name the user's path when its directory is missing, and write nothing.</summary>
public class SaveToFileTests
{
    private static readonly string MissingDirectory = Path.Combine(Path.GetTempPath(), $"cartesia-missing-{Guid.NewGuid():N}", "sub");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AudioResponse_save_to_a_missing_directory_names_the_users_path(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        string path = Path.Combine(MissingDirectory, "x.wav");
        using AudioResponse audio = await client.Tts.GenerateAsync(Requests.Bytes());

        var error = async
            ? await Assert.ThrowsAsync<DirectoryNotFoundException>(() => audio.SaveToFileAsync(path))
            : Assert.Throws<DirectoryNotFoundException>(() => audio.SaveToFile(path));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".partial", error.Message, StringComparison.Ordinal);
        Assert.Contains(MissingDirectory, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TtsContext_SaveWavAsync_to_a_missing_directory_names_the_users_path()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        string path = Path.Combine(MissingDirectory, "x.wav");
        TtsContext context = socket.CreateContext(Requests.Context(sampleRate: 16000));
        await context.SendAsync("Nowhere to go.");
        await context.CompleteAsync();

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => context.SaveWavAsync(path));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".partial", error.Message, StringComparison.Ordinal);
    }
}
