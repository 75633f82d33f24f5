using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Journal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cartesia.Emulator;

/// <summary>
/// A local Cartesia API server on loopback (Kestrel): REST, Server-Sent Events and WebSockets with in-memory
/// state, both error formats, API versions, deterministic decodable speech, pacing, fault injection and a
/// journal of what it received. Start one per test class (or per test) with <see cref="StartAsync"/>; point any
/// Cartesia SDK at <see cref="BaseUri"/>.
/// </summary>
/// <example>
/// <code>
/// await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
/// using CartesiaClient client = emulator.CreateClient();
/// byte[] wav = await client.Tts.GenerateBytesAsync(new TtsRequest { … });
/// </code>
/// </example>
public sealed class CartesiaEmulator : IAsyncDisposable
{
    /// <summary>The key <see cref="CreateClient"/> uses when the emulator accepts any key.</summary>
    public const string AnyKeyPlaceholder = "sk_car_emulator";

    private readonly WebApplication _app;
    private EmulatorPacing _pacing;
    private Firehose.FirehoseFrames? _firehose;
    private HttpClient? _trustingHttpClient;

    private CartesiaEmulator(CartesiaEmulatorOptions options)
    {
        options.Pacing.Validate();
        options.Limits.Validate();
        options.Agents.Validate();
        Journal.Limits = options.Limits;
        Journal.Clock = options.TimeProvider ?? TimeProvider.System;
        HostNames = new HostNames(options.Host);
        _pacing = options.Pacing.Clone();
        ApiKey = options.ApiKey;
        Options = options;
        if (options.UseTls)
        {
            TlsCertificate = EmulatorCertificate.Create();
            TlsCertificatePem = TlsCertificate.ExportCertificatePem();
            if (options.TlsCertificatePath is { } path)
            {
                File.WriteAllText(path, TlsCertificatePem);
            }
        }

        State = CreateState(options);
        if (options.StateDirectory is { } directory)
        {
            StateFile = new Persistence.EmulatorStateFile(directory, options.LoggerFactory?.CreateLogger<CartesiaEmulator>(), () => CreateState(options));
            StateFile.Initialize(State, state => AddVoices(state, options));
        }

        Firehose = options.Firehose;
        _app = EmulatorApp.Build(options, this, TlsCertificate);
    }

    /// <summary>The REST base URL, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The WebSocket base URL, for example <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri WebSocketBaseUri { get; private set; } = null!;

    /// <summary>The port the emulator listens on.</summary>
    public int Port => BaseUri.Port;

    /// <summary>The self-signed certificate served with <see cref="CartesiaEmulatorOptions.UseTls"/>, or null.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TlsCertificate { get; }

    /// <summary>The TLS certificate as PEM, for clients to trust, or null without TLS.</summary>
    public string? TlsCertificatePem { get; }

    /// <summary>The only API key accepted, or null when any non-empty key is.</summary>
    public string? ApiKey { get; }

    /// <summary>What the emulator received.</summary>
    public EmulatorJournal Journal { get; } = new();

    /// <summary>Faults to inject into coming requests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>How generated audio is paced (takes effect for requests that start after the change).</summary>
    public EmulatorPacing Pacing
    {
        get => Volatile.Read(ref _pacing);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            Volatile.Write(ref _pacing, value.Clone());
        }
    }

    /// <summary>
    /// The firehose mode for benchmarks (pre-built frames sent as fast as the client reads), or null (the default)
    /// for normal behaviour. Takes effect for connections and requests that start after the change.
    /// </summary>
    public EmulatorFirehose? Firehose
    {
        get => Volatile.Read(ref _firehose)?.Settings;
        set => Volatile.Write(ref _firehose, value is null ? null : new Firehose.FirehoseFrames(value.Validate()));
    }

    /// <summary>A public voice of the seeded catalogue ("Barbershop Man"), used by default by the CLI and samples.</summary>
    public static string DefaultVoiceId => VoiceCatalog.DefaultVoiceId;

    /// <summary>The seeded account's Pro Voice Clone, trained on <c>sonic-3-2026-01-12</c> (it needs that model id).</summary>
    public static string ProVoiceCloneId => VoiceCatalog.ProVoiceCloneId;

    internal EmulatorState State { get; }

    /// <summary>The file the state is kept in (<see cref="CartesiaEmulatorOptions.StateDirectory"/>), or null when it is in memory only.</summary>
    public string? StateFilePath => StateFile?.FilePath;

    /// <summary>
    /// What the emulator had to do about its state file, for the host to show: an unreadable file is moved aside to
    /// <c>state.json.corrupt-…</c> (nothing in it is lost) and the emulator carries on. Null when all was well.
    /// </summary>
    public string? StateNotice => StateFile?.Notice;

    internal Persistence.EmulatorStateFile? StateFile { get; }

    /// <summary>The firehose's pre-built frames while it is on.</summary>
    internal Firehose.FirehoseFrames? FirehoseFrames => Volatile.Read(ref _firehose);

    internal CartesiaEmulatorOptions Options { get; }

    /// <summary>The Host and Origin names the emulator answers.</summary>
    internal HostNames HostNames { get; }

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">Its settings; null for loopback on a free port, any key accepted.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException"><see cref="CartesiaEmulatorOptions.Host"/> is not an address or <see cref="CartesiaEmulatorOptions.Port"/> is out of range.</exception>
    /// <exception cref="IOException">The address cannot be listened on (not this machine's, or taken); the message names it.</exception>
    public static async Task<CartesiaEmulator> StartAsync(CartesiaEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CartesiaEmulatorOptions();
        ValidateEndpoint(options);
        var emulator = new CartesiaEmulator(options);
        try
        {
            await emulator._app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Kestrel reports a failed bind as a SocketException, an AddressInUseException or an IOException around one.
            await emulator._app.DisposeAsync().ConfigureAwait(false);
            string reason = (e.InnerException as System.Net.Sockets.SocketException)?.Message ?? e.Message;
            throw new IOException($"The emulator cannot listen on {options.Host}:{options.Port}: {reason.TrimEnd('.')}.", e);
        }

        string address = emulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        bool tls = emulator.TlsCertificate is not null;
        emulator.BaseUri = new UriBuilder(uri) { Scheme = tls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, Path = "/" }.Uri;
        emulator.WebSocketBaseUri = new UriBuilder(uri) { Scheme = tls ? Uri.UriSchemeWss : Uri.UriSchemeWs, Path = "/" }.Uri;
        return emulator;
    }

    /// <summary>Checks <see cref="CartesiaEmulatorOptions.Host"/> and <see cref="CartesiaEmulatorOptions.Port"/> before anything binds.</summary>
    private static void ValidateEndpoint(CartesiaEmulatorOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, $"CartesiaEmulatorOptions.Port must be from 0 (a free port) to 65535; {options.Port} is not.");
        }

        if (options.Host is not ("localhost" or "*") && !System.Net.IPAddress.TryParse(options.Host, out _))
        {
            throw new ArgumentException($"CartesiaEmulatorOptions.Host must be an IP address of this machine (for example 127.0.0.1, ::1 or 0.0.0.0), 'localhost' or '*'; '{options.Host}' is not.", nameof(options));
        }
    }

    /// <summary>
    /// A client pointed at this emulator, with the emulator's key (or a placeholder key when any is accepted).
    /// Dispose it before the emulator.
    /// </summary>
    /// <param name="options">Further settings; <see cref="CartesiaClientOptions.BaseUri"/> is set to the emulator's.</param>
    public CartesiaClient CreateClient(CartesiaClientOptions? options = null)
    {
        options ??= new CartesiaClientOptions();
        options.BaseUri = BaseUri;
        options.WebSocketBaseUri = WebSocketBaseUri;
        if (TlsCertificate is not null && options.HttpClient is null)
        {
            options.HttpClient = TrustingHttpClient;
        }

        return new CartesiaClient(ApiKey ?? AnyKeyPlaceholder, options);
    }

    /// <summary>
    /// With TLS: an <see cref="HttpClient"/> that trusts exactly this emulator's certificate (and nothing else
    /// unknown), owned by the emulator, on the handler the SDK makes for itself (<see cref="CartesiaClient.CreateHttpHandler"/>).
    /// <see cref="CreateClient"/> uses it for REST and WebSockets.
    /// </summary>
    public HttpClient TrustingHttpClient => _trustingHttpClient ??= CreateTrustingHttpClient();

    private static EmulatorState CreateState(CartesiaEmulatorOptions options)
    {
        var state = new EmulatorState { FineTuneTrainingTime = options.FineTuneTrainingTime, Clock = options.TimeProvider ?? TimeProvider.System };
        AddVoices(state, options);
        return state;
    }

    private static void AddVoices(EmulatorState state, CartesiaEmulatorOptions options)
    {
        DateTimeOffset at = new(2024, 11, 4, 6, 0, 0, TimeSpan.Zero);
        foreach (EmulatorVoice voice in options.Voices)
        {
            ArgumentNullException.ThrowIfNull(voice, nameof(options.Voices));
            ArgumentException.ThrowIfNullOrWhiteSpace(voice.Id, nameof(EmulatorVoice.Id));
            state.Voices.Put(voice.ToRecord(at));
            at = at.AddMinutes(1);
        }
    }

    private HttpClient CreateTrustingHttpClient()
    {
        string thumbprint = TlsCertificate?.Thumbprint ?? throw new InvalidOperationException("The emulator serves no TLS certificate.");
        SocketsHttpHandler handler = CartesiaClient.CreateHttpHandler(); // what a client without an HttpClient of its own uses
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None
            || (certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase));
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Ends a fine-tune's training now: <c>completed</c> (its four Pro Voice Clones appear) or <c>failed</c>.
    /// </summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="failed">Whether training fails instead.</param>
    /// <returns>False when there is no such fine-tune.</returns>
    public bool CompleteFineTune(string fineTuneId, bool failed = false)
    {
        if (StateFile is null)
        {
            return FineTunes.FineTuneEndpoints.Settle(State, fineTuneId, failed);
        }

        bool settled = false;
        StateFile.MutateAsync(State, () => { settled = FineTunes.FineTuneEndpoints.Settle(State, fineTuneId, failed); return Task.CompletedTask; }, CancellationToken.None).GetAwaiter().GetResult();
        return settled;
    }

    /// <summary>
    /// Removes the state kept in a directory (<see cref="CartesiaEmulatorOptions.StateDirectory"/>), under its lock:
    /// the next emulator using it starts from the seeded state, and one running on it starts again from there at its
    /// next request.
    /// </summary>
    /// <param name="stateDirectory">The state directory.</param>
    /// <returns>False when there was no saved state.</returns>
    public static bool ResetState(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        return Persistence.EmulatorStateFile.Reset(stateDirectory);
    }

    /// <summary>Waits until the emulator stops (for hosting it as a process).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the emulator, closing open connections.</summary>
    /// <param name="cancellationToken">Makes the stop less graceful.</param>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Streams that never finish are cut; stopping must not hang a test run.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _trustingHttpClient?.Dispose();
        TlsCertificate?.Dispose();
        StateFile?.Dispose();
    }
}
