using Cartesia.Emulator;

namespace Cartesia.Cli;

/// <summary>A client, and the embedded emulator it talks to when the command runs offline.</summary>
internal sealed class ClientConnection : IAsyncDisposable
{
    public ClientConnection(CartesiaClient client, CartesiaEmulator? emulator)
    {
        Client = client;
        Emulator = emulator;
    }

    public CartesiaClient Client { get; }

    public CartesiaEmulator? Emulator { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
