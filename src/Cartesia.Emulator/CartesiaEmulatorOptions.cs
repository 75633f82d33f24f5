using Microsoft.Extensions.Logging;

namespace Cartesia.Emulator;

/// <summary>Settings of a <see cref="CartesiaEmulator"/>.</summary>
public sealed class CartesiaEmulatorOptions
{
    /// <summary>The address to listen on. Default <c>127.0.0.1</c> (loopback only).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The only API key the emulator accepts. When null (the default) any non-empty key is accepted; access
    /// tokens the emulator minted are accepted either way.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long a fine-tune takes to train: it is <c>created</c> for the first quarter, then <c>training</c>, then
    /// <c>completed</c>. Default 20 seconds; <see cref="CartesiaEmulator.CompleteFineTune"/> settles one at once.
    /// </summary>
    public TimeSpan FineTuneTrainingTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How fast generated audio is streamed. Default: as fast as possible.</summary>
    public EmulatorPacing Pacing { get; set; } = new();

    /// <summary>Where the emulator logs (ASP.NET Core included). Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
