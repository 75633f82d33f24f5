// A phone bridge: Twilio Media Streams in, a Cartesia voice agent out. Twilio calls POST /twilio/voice when a call
// comes in; the TwiML it gets back connects the call's audio to the WebSocket /twilio/media, which bridges it to the
// agent (PhoneBridge__AgentId, default your first agent). Without CARTESIA_API_KEY it runs offline against the
// emulator embedded in this process, whose agent answers in the emulator's synthetic speech.
using Cartesia;
using Cartesia.Emulator;
using PhoneBridge;

await using CartesiaEmulator? emulator = Environment.GetEnvironmentVariable("CARTESIA_API_KEY") is null
    ? await CartesiaEmulator.StartAsync()
    : null;
using CartesiaClient client = emulator?.CreateClient() ?? new CartesiaClient(); // new CartesiaClient() reads CARTESIA_API_KEY
if (emulator is not null)
{
    Console.WriteLine($"No CARTESIA_API_KEY: bridging calls to the built-in emulator at {emulator.BaseUri}.");
}

await using WebApplication app = PhoneBridgeApp.Build(args, client);
await app.RunAsync();
