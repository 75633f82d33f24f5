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
    /// Serve https and wss with a self-signed certificate the emulator generates for 127.0.0.1 and localhost
    /// (see <see cref="CartesiaEmulator.TlsCertificatePem"/>). The official SDKs always open the TTS socket with
    /// wss, so they need this. Default false.
    /// </summary>
    public bool UseTls { get; set; }

    /// <summary>With <see cref="UseTls"/>: a file to write the certificate to as PEM, for clients to trust (for Node: <c>NODE_EXTRA_CA_CERTS</c>).</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>
    /// How long a fine-tune takes to train: it is <c>created</c> for the first quarter, then <c>training</c>, then
    /// <c>completed</c>. Default 20 seconds; <see cref="CartesiaEmulator.CompleteFineTune"/> settles one at once.
    /// </summary>
    public TimeSpan FineTuneTrainingTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How fast generated audio is streamed. Default: as fast as possible.</summary>
    public EmulatorPacing Pacing { get; set; } = new();

    /// <summary>
    /// How long a TTS WebSocket may stay without a generation before the emulator closes it the way the service
    /// does (1000, "connection idle timeout"). Default 5 minutes.
    /// </summary>
    public TimeSpan TtsWebSocketIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many TTS WebSockets may be open at once; one more is refused at the handshake with 429. Default: no limit.</summary>
    public int? TtsMaxConnections { get; set; }

    /// <summary>
    /// How many contexts may generate at once on one TTS WebSocket; a context beyond it gets a 429
    /// <c>concurrency_limited</c> error event. Default: no limit.
    /// </summary>
    public int? TtsMaxConcurrentContexts { get; set; }

    /// <summary>
    /// Start in firehose mode (see <see cref="EmulatorFirehose"/>): pre-built audio sent as fast as the client reads,
    /// for benchmarks. Default null (normal behaviour).
    /// </summary>
    public EmulatorFirehose? Firehose { get; set; }

    /// <summary>
    /// A directory to keep the emulator's state in (voices, datasets, fine-tunes, dictionaries, agents and their calls,
    /// access tokens), so it outlives the emulator and is shared by every emulator using the directory — the CLI's
    /// offline mode uses one per user. Changes are made under a file lock and saved atomically; an unreadable state
    /// file is moved aside (see <see cref="CartesiaEmulator.StateNotice"/>). Default null: in memory only, which is
    /// what tests want.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>
    /// Voices to add to the seeded catalogue (an id your code uses, with a name). A voice with the id of a seeded one
    /// replaces it.
    /// </summary>
    public IList<EmulatorVoice> Voices { get; } = [];

    /// <summary>
    /// How much the emulator accepts and keeps: request bodies, WebSocket messages, and the journal's size. The
    /// defaults are generous; see <see cref="EmulatorLimits"/>.
    /// </summary>
    public EmulatorLimits Limits { get; set; } = new();

    /// <summary>
    /// How the Agents WebSockets behave: timeouts, the concurrent-call cap, the agent's speaking pace and an echo mode
    /// for benchmarks. See <see cref="EmulatorAgentOptions"/>.
    /// </summary>
    public EmulatorAgentOptions Agents { get; set; } = new();

    /// <summary>
    /// Where the emulator logs (ASP.NET Core included), with secret query parameters and credential headers
    /// redacted. Default: nowhere.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The emulator's clock (fine-tune training, access-token expiry and other timed state). Default:
    /// <see cref="System.TimeProvider.System"/>; tests pass a fake clock to move time without waiting.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }
}
