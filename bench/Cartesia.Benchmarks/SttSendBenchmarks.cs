using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using Cartesia.Emulator;
using Cartesia.Stt;

namespace Cartesia.Benchmarks;

/// <summary>
/// Sending speech-to-text audio: one 3,200-byte frame (100 ms of 16 kHz 16-bit mono) to an emulator in firehose
/// mode over loopback, which only counts the bytes. The baseline is a bare <see cref="ClientWebSocket"/> sending the
/// frame as a binary message; the SDK's <see cref="SttStreamingSession.SendAudioAsync(ReadOnlyMemory{byte}, CancellationToken)"/>
/// queues it for its writer, with a bounded queue, so in steady state one call costs what one frame's send does.
/// </summary>
[MemoryDiagnoser]
public class SttSendBenchmarks
{
    private readonly byte[] _frame = new byte[3200];
    private CartesiaEmulator _emulator = null!;
    private CartesiaClient _client = null!;
    private SttStreamingSession _session = null!;
    private ClientWebSocket _raw = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        new Random(1).NextBytes(_frame);
        _emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Firehose = new EmulatorFirehose() });
        _client = _emulator.CreateClient();
        _session = await _client.Stt.ConnectAsync(new SttSessionOptions { Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 });
        _ = Task.Run(async () =>
        {
            await foreach (SttEvent _ in _session.ReadEventsAsync())
            {
            }
        });
        _raw = new ClientWebSocket();
        _raw.Options.SetRequestHeader("Authorization", "Bearer " + (_emulator.ApiKey ?? "sk_car_bench"));
        _raw.Options.SetRequestHeader("Cartesia-Version", CartesiaApiVersion.Default.Value);
        await _raw.ConnectAsync(new Uri(_emulator.WebSocketBaseUri, "stt/websocket?model=ink-2&encoding=pcm_s16le&sample_rate=16000"), CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Abort();
        _raw.Dispose();
        await _session.DisposeAsync();
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    /// <summary>The least a client can do: the frame as one binary WebSocket message.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask RawSend() => _raw.SendAsync(_frame.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    /// <summary>The SDK: validated, copied into a pooled buffer and queued for the session's writer.</summary>
    [Benchmark]
    public ValueTask SdkSend() => _session.SendAudioAsync(_frame);
}
