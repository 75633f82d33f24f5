using System.Diagnostics;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Stt;
using Cartesia.Tts;

namespace Cartesia.Tests.Core.Diagnostics;

[Collection(TelemetryCollection.Name)]
public class TelemetryTests
{
    private const string Secret = "sk_car_TELEMETRY_SECRET_0123456789";

    [Fact]
    public async Task Rest_operations_emit_a_span_and_metrics_without_secrets()
    {
        using var telemetry = new TelemetryCapture();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", EmulatorFault.Status(503).WithRetryAfterMs(1));
        emulator.Faults.Add("POST /tts/bytes", EmulatorFault.Status(400, "model_not_found"));
        using var client = new CartesiaClient(Secret, new CartesiaClientOptions { BaseUri = emulator.BaseUri });

        await client.GetStatusAsync();
        await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateBytesAsync(Requests.Bytes()));
        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes());

        Activity status = Assert.Single(telemetry.Activities, a => a.DisplayName == "cartesia status.get");
        Assert.Equal(ActivityKind.Client, status.Kind);
        Assert.Equal(200, status.GetTagItem("http.response.status_code"));
        Assert.Equal(2, status.GetTagItem("cartesia.attempts"));
        Assert.Equal("2026-08-14", status.GetTagItem("cartesia.api_version"));
        Assert.Equal(emulator.Port, status.GetTagItem("server.port"));
        Activity failed = Assert.Single(telemetry.Activities, a => a.DisplayName == "cartesia tts.generate" && a.Status == ActivityStatusCode.Error);
        Assert.Equal("400", failed.GetTagItem("error.type"));
        Assert.Single(telemetry.Of("cartesia.client.retries"), m => (string?)m.Tags["cartesia.operation"] == "status.get");
        Assert.Single(telemetry.Of("cartesia.client.errors"), m => (string?)m.Tags["error.type"] == "400");
        Assert.Contains(telemetry.Of("cartesia.client.operation.duration"), m => (string?)m.Tags["cartesia.operation"] == "tts.generate" && (int?)m.Tags["http.response.status_code"] == 200);
        Assert.Single(telemetry.Of("cartesia.tts.time_to_first_audio"), m => (string?)m.Tags["cartesia.operation"] == "tts.generate");
        (string _, double seconds, _) = Assert.Single(telemetry.Of("cartesia.tts.audio.duration"));
        Assert.Equal((audio.Length - 44) / 32000.0, seconds, 2);
        string everything = string.Join('\n', telemetry.Activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")))
            + string.Join('\n', telemetry.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")));
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Requests.Sentence, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_record_time_to_first_audio_and_audio_seconds()
    {
        using var telemetry = new TelemetryCapture();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        List<TtsEvent> events = await Twin.GenerateSse(client, Requests.Sse(), async: true);

        long bytes = events.OfType<TtsChunkEvent>().Sum(c => (long)c.Audio.Length);
        Assert.Single(telemetry.Of("cartesia.tts.time_to_first_audio"), m => (string?)m.Tags["cartesia.operation"] == "tts.generate_sse" && (string?)m.Tags["cartesia.model"] == "sonic-3");
        (string _, double seconds, _) = Assert.Single(telemetry.Of("cartesia.tts.audio.duration"));
        Assert.Equal(bytes / 32000.0, seconds, 3);
    }

    [Fact]
    public async Task WebSocket_contexts_get_a_span_each_and_reconnects_are_counted()
    {
        using var telemetry = new TelemetryCapture();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TtsWebSocketIdleTimeout = TimeSpan.FromMilliseconds(200) });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        using var parent = new Activity("caller").Start();

        TtsContext context = socket.CreateContext(Requests.Context("ctx-telemetry"));
        await context.SendAsync("Telemetry for a context.");
        Assert.Same(parent, Activity.Current);
        await context.CompleteAsync();
        await Speech.ReadAllAsync(context);
        await Tts.WebSocket.TtsContextLifecycleTests.WaitUntil(() => !socket.IsConnected);
        await Tts.WebSocket.TtsContextLifecycleTests.Collect(socket.GenerateAsync(Requests.Context(), "After the idle close."));

        Activity span = Assert.Single(telemetry.Activities, a => (string?)a.GetTagItem("cartesia.context_id") == "ctx-telemetry");
        Assert.Equal("done", span.GetTagItem("cartesia.outcome"));
        Assert.Equal(context.Metrics.AudioBytes, span.GetTagItem("cartesia.audio_bytes"));
        Assert.Equal(parent.TraceId, span.TraceId);
        Assert.Equal(2, telemetry.Of("cartesia.tts.time_to_first_audio").Count(m => (string?)m.Tags["cartesia.operation"] == "tts.context"));
        Assert.Single(telemetry.Of("cartesia.websocket.reconnects"), m => (string?)m.Tags["cartesia.reason"] == "idle close");
    }

    [Fact]
    public async Task Stt_sessions_get_a_span_each_with_audio_seconds_reconnects_and_errors_without_secrets()
    {
        using var telemetry = new TelemetryCapture();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var client = new CartesiaClient(Secret, new CartesiaClientOptions { BaseUri = emulator.BaseUri });
        (byte[] speech, _) = await Stt.SttAudio.SpeakAsync(client, "Telemetry for a session.", AudioEncoding.PcmS16LE, 16000);
        byte[] audio = [.. speech, .. new byte[(3200 - (speech.Length % 3200)) % 3200]];
        using var parent = new Activity("caller").Start();

        // A session that completes, one that reconnects once, and one that loses its connection for good.
        await TranscribeAsync(reconnect: false);
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 2 });
        await TranscribeAsync(reconnect: true);
        emulator.Faults.Add("GET /stt/websocket", new EmulatorFault { DropAfterChunks = 2 });
        await Assert.ThrowsAsync<SttConnectionLostException>(() => TranscribeAsync(reconnect: false));
        Assert.Same(parent, Activity.Current);

        List<Activity> spans = [.. telemetry.Activities.Where(a => a.DisplayName == "cartesia stt.websocket").OrderBy(a => a.StartTimeUtc)];
        Assert.Equal(3, spans.Count);
        Assert.All(spans, s => Assert.Equal(parent.TraceId, s.TraceId));
        Assert.Equal(["completed", "completed", "failed"], spans.Select(s => (string?)s.GetTagItem("cartesia.outcome")));
        Assert.Equal([0, 1, 0], spans.Select(s => (int?)s.GetTagItem("cartesia.reconnects")));
        Assert.Equal("ink-2", spans[0].GetTagItem("cartesia.model"));
        Assert.Equal((long)audio.Length, spans[0].GetTagItem("cartesia.audio_bytes"));
        Assert.NotNull(spans[0].GetTagItem("cartesia.request_id"));
        Assert.Equal(ActivityStatusCode.Error, spans[2].Status);
        Assert.Equal(nameof(SttConnectionLostException), spans[2].GetTagItem("error.type"));
        Assert.Single(telemetry.Of("cartesia.websocket.reconnects"), m => (string?)m.Tags["cartesia.endpoint"] == "stt");
        Assert.Single(telemetry.Of("cartesia.client.errors"), m => (string?)m.Tags["cartesia.operation"] == "stt.websocket");
        Assert.Equal(audio.Length / 32000.0, telemetry.Of("cartesia.stt.audio.duration").First().Value, 3);
        string everything = string.Join('\n', telemetry.Activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")))
            + string.Join('\n', telemetry.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")));
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);

        async Task TranscribeAsync(bool reconnect)
        {
            SttSessionOptions options = Stt.SttAudio.Stream();
            options.Reconnect = reconnect ? new SttReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50) } : null;
            await using SttSession session = await client.Stt.ConnectAsync(options);
            Task<List<SttEvent>> reading = Stt.SttAudio.ReadAllAsync(session);
            await session.SendAudioAsync(audio);
            await session.CompleteAsync();
            await reading;
        }
    }
}
