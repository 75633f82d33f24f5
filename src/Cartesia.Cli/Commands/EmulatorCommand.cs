using System.CommandLine;
using Cartesia.Emulator;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia emulator</c>: run the local Cartesia API emulator until interrupted.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port", "-p") { Description = "The port to listen on (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "The address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var apiKey = new Option<string?>("--api-key") { Description = "Accept only this API key (default: any non-empty key)." };
        var realistic = new Option<bool>("--realistic") { Description = "Pace audio like the service (about 90 ms to first audio, 5x real time)." };
        var tls = new Option<bool>("--tls") { Description = "Serve https and wss with a self-signed certificate for 127.0.0.1/localhost (the official SDKs open the TTS socket with wss)." };
        var certOut = new Option<string?>("--cert-out") { Description = "With --tls: where to write the certificate as PEM (default: cartesia-emulator.pem in the current folder)." };
        var firehose = new Option<bool>("--firehose") { Description = "Benchmark mode: the TTS WebSocket sends pre-built audio frames as fast as the client reads, /tts/bytes a long pre-built body, /stt/websocket discards audio." };
        var firehoseChunks = new Option<int>("--firehose-chunks") { Description = "With --firehose: audio chunks per TTS WebSocket context.", DefaultValueFactory = _ => new EmulatorFirehose().ChunksPerContext };
        var firehoseChunkBytes = new Option<int>("--firehose-chunk-bytes") { Description = "With --firehose: audio bytes per chunk (before base64).", DefaultValueFactory = _ => new EmulatorFirehose().ChunkBytes };
        var firehoseBytes = new Option<long>("--firehose-bytes-length") { Description = "With --firehose: audio bytes per /tts/bytes response.", DefaultValueFactory = _ => new EmulatorFirehose().BytesLength };
        var firehoseRate = new Option<int?>("--firehose-chunks-per-second") { Description = "With --firehose: pace each TTS WebSocket's chunks (all its contexts together) at this rate instead of as fast as the client reads." };
        var stateDir = new Option<string?>("--state-dir") { Description = "Keep the emulator's state (voices, datasets, dictionaries, fine-tunes, agents' calls) in this directory, across runs and shared with other emulators using it (default: in memory)." };
        var persist = new Option<bool>("--persist") { Description = "Keep the state where the offline CLI keeps it (the directory its offline notice names), so this emulator and offline commands share voices." };
        var voices = new Option<string[]>("--voice")
        {
            Description = "Add a voice to the catalogue, as ID or ID:NAME (repeatable), for example an id your code uses.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("emulator", "Run a local emulator of the Cartesia API (REST, SSE, WebSocket) for offline development and tests.")
        {
            port, host, apiKey, realistic, tls, certOut, firehose, firehoseChunks, firehoseChunkBytes, firehoseBytes, firehoseRate, stateDir, persist, voices,
        };
        command.Subcommands.Add(CreateReset(context));
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? stateDirectory = parse.GetValue(stateDir) is { } dir
                ? Path.GetFullPath(dir)
                : parse.GetValue(persist) ? OfflineState.Directory(context) ?? throw new ArgumentException("--persist needs HOME or XDG_DATA_HOME (or CARTESIA_EMULATOR_STATE_DIR) to find the offline state; pass --state-dir instead.") : null;
            var options = new CartesiaEmulatorOptions
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                ApiKey = parse.GetValue(apiKey),
                Pacing = parse.GetValue(realistic) ? EmulatorPacing.Realistic : new EmulatorPacing(),
                UseTls = parse.GetValue(tls),
                TlsCertificatePath = parse.GetValue(tls) ? Path.GetFullPath(parse.GetValue(certOut) ?? "cartesia-emulator.pem") : null,
                Firehose = parse.GetValue(firehose)
                    ? new EmulatorFirehose { ChunksPerContext = parse.GetValue(firehoseChunks), ChunkBytes = parse.GetValue(firehoseChunkBytes), BytesLength = parse.GetValue(firehoseBytes), ChunksPerSecond = parse.GetValue(firehoseRate) }
                    : null,
                StateDirectory = stateDirectory,
            };
            foreach (string voice in parse.GetValue(voices) ?? [])
            {
                options.Voices.Add(EmulatorVoice.Parse(voice));
            }

            CartesiaEmulator started;
            try
            {
                started = await CartesiaEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // The message says which address and why; its socket error is not a service that cannot be reached.
                throw new IOException(e.Message);
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName is { } name && FirehoseOptions.TryGetValue(name, out string? option))
            {
                // The emulator's own check, in the terms the value was given in.
                string what = e.Message.Split(" (Parameter", 2)[0].Replace(name, option, StringComparison.Ordinal).TrimEnd('.');
                throw new ArgumentException($"{what}; it is {e.ActualValue}.");
            }

            await using CartesiaEmulator emulator = started;
            await context.Out.WriteLineAsync($"Cartesia emulator listening on {emulator.BaseUri} (WebSocket {emulator.WebSocketBaseUri}).").ConfigureAwait(false);
            await context.Out.WriteLineAsync(options.ApiKey is null ? "Any non-empty API key is accepted." : "Only the given API key is accepted.").ConfigureAwait(false);
            if (options.TlsCertificatePath is { } pem)
            {
                await context.Out.WriteLineAsync($"TLS certificate: {pem} (Node: NODE_EXTRA_CA_CERTS={pem}; Python/httpx: SSL_CERT_FILE={pem}).").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(emulator.StateFilePath is { } stateFile
                ? $"State kept in {stateFile} (reset: cartesia emulator reset --state-dir {Path.GetDirectoryName(stateFile)})."
                : "State is kept in memory (--state-dir or --persist keeps it).").ConfigureAwait(false);
            if (emulator.StateNotice is { } notice)
            {
                await context.Error.WriteLineAsync($"warning: {notice}").ConfigureAwait(false);
            }

            if (options.Voices.Count > 0)
            {
                await context.Out.WriteLineAsync($"Added voices: {string.Join(", ", options.Voices.Select(v => $"{v.Id} ({v.Name})"))}.").ConfigureAwait(false);
            }

            if (options.Firehose is { } hose)
            {
                await context.Out.WriteLineAsync($"Firehose mode: {hose.ChunksPerContext} chunks of {hose.ChunkBytes} bytes per context{(hose.ChunksPerSecond is { } rate ? $" at {rate} chunks a second per socket" : string.Empty)}, {hose.BytesLength} bytes per /tts/bytes.").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"Control API (send the API key as 'Authorization: Bearer <key>'): {emulator.BaseUri}_emulator/journal, /_emulator/faults, /_emulator/pacing, /_emulator/firehose. Press Ctrl+C to stop.").ConfigureAwait(false);
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await context.Out.WriteLineAsync("Stopping.").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>cartesia emulator reset</c>: forget the offline state (cloned voices, datasets, …).</summary>
    private static Command CreateReset(CliContext context)
    {
        var stateDir = new Option<string?>("--state-dir") { Description = "The state directory to reset (default: the offline CLI's)." };
        var command = new Command("reset", "Forget the offline emulator's state (cloned voices, datasets, dictionaries, fine-tunes, agents' calls): the next offline command starts from the seeded catalogue.")
        {
            stateDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string directory = parse.GetValue(stateDir) is { } dir
                ? Path.GetFullPath(dir)
                : OfflineState.Directory(context) ?? throw new ArgumentException("No offline state to reset: HOME, XDG_DATA_HOME and CARTESIA_EMULATOR_STATE_DIR are unset; pass --state-dir.");
            bool removed = CartesiaEmulator.ResetState(directory);
            await context.Out.WriteLineAsync(removed
                ? $"Reset the emulator state in {directory}."
                : $"No emulator state in {directory}; nothing to reset.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The command-line option of each firehose setting, to name a bad value the way it was given.</summary>
    private static readonly Dictionary<string, string> FirehoseOptions = new(StringComparer.Ordinal)
    {
        [nameof(EmulatorFirehose.ChunksPerContext)] = "--firehose-chunks",
        [nameof(EmulatorFirehose.ChunkBytes)] = "--firehose-chunk-bytes",
        [nameof(EmulatorFirehose.BytesLength)] = "--firehose-bytes-length",
        [nameof(EmulatorFirehose.ChunksPerSecond)] = "--firehose-chunks-per-second",
    };
}
