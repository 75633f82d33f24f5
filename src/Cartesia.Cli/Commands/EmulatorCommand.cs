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
        var command = new Command("emulator", "Run a local emulator of the Cartesia API (REST, SSE, WebSocket) for offline development and tests.")
        {
            port, host, apiKey, realistic, tls, certOut, firehose, firehoseChunks, firehoseChunkBytes, firehoseBytes,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new CartesiaEmulatorOptions
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                ApiKey = parse.GetValue(apiKey),
                Pacing = parse.GetValue(realistic) ? EmulatorPacing.Realistic : new EmulatorPacing(),
                UseTls = parse.GetValue(tls),
                TlsCertificatePath = parse.GetValue(tls) ? Path.GetFullPath(parse.GetValue(certOut) ?? "cartesia-emulator.pem") : null,
                Firehose = parse.GetValue(firehose)
                    ? new EmulatorFirehose { ChunksPerContext = parse.GetValue(firehoseChunks), ChunkBytes = parse.GetValue(firehoseChunkBytes), BytesLength = parse.GetValue(firehoseBytes) }
                    : null,
            };
            await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Cartesia emulator listening on {emulator.BaseUri} (WebSocket {emulator.WebSocketBaseUri}).").ConfigureAwait(false);
            await context.Out.WriteLineAsync(options.ApiKey is null ? "Any non-empty API key is accepted." : "Only the given API key is accepted.").ConfigureAwait(false);
            if (options.TlsCertificatePath is { } pem)
            {
                await context.Out.WriteLineAsync($"TLS certificate: {pem} (Node: NODE_EXTRA_CA_CERTS={pem}; Python/httpx: SSL_CERT_FILE={pem}).").ConfigureAwait(false);
            }

            if (options.Firehose is { } hose)
            {
                await context.Out.WriteLineAsync($"Firehose mode: {hose.ChunksPerContext} chunks of {hose.ChunkBytes} bytes per context, {hose.BytesLength} bytes per /tts/bytes.").ConfigureAwait(false);
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
}
