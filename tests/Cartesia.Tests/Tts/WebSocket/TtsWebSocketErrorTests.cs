using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

public class TtsWebSocketErrorTests
{
    [Fact]
    public async Task A_rejected_handshake_is_the_typed_api_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_right" });
        emulator.Faults.Add("GET /tts/websocket", EmulatorFault.Status(429, "concurrency_limited").WithRetryAfter(3600));
        using CartesiaClient client = emulator.CreateClient();
        using var wrongKey = new CartesiaClient("sk_car_wrong", new CartesiaClientOptions { BaseUri = emulator.BaseUri });

        var limited = await Assert.ThrowsAsync<CartesiaRateLimitException>(() => client.Tts.ConnectAsync());
        var unauthorized = await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => wrongKey.Tts.ConnectAsync());

        Assert.Equal(TimeSpan.FromHours(1), limited.RetryAfter);
        Assert.Equal(429, limited.StatusCode);
        Assert.Equal(401, unauthorized.StatusCode);
        Assert.Equal(2, emulator.Journal.For("/tts/websocket").Count);
    }

    [Fact]
    public async Task A_transient_handshake_failure_is_retried()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /tts/websocket", EmulatorFault.Status(503).WithRetryAfterMs(10));
        using CartesiaClient client = emulator.CreateClient();

        await using TtsWebSocket socket = await client.Tts.ConnectAsync();

        Assert.True(socket.IsConnected);
        Assert.Equal([503, 0], emulator.Journal.For("/tts/websocket").Select(r => r.Completed ? r.StatusCode : 0));
    }

    [Fact]
    public async Task The_connection_limit_refuses_the_next_socket_with_429()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TtsMaxConnections = 1 });
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        await using TtsWebSocket first = await client.Tts.ConnectAsync();

        var error = await Assert.ThrowsAsync<CartesiaRateLimitException>(() => client.Tts.ConnectAsync());

        Assert.Equal(429, error.StatusCode);
        Assert.True(first.IsConnected);
    }

    [Fact]
    public async Task Contexts_beyond_the_concurrency_limit_fail_alone_and_the_socket_stays_up()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions
        {
            TtsMaxConcurrentContexts = 2,
            Pacing = new EmulatorPacing { RealTimeFactor = 0.3, ChunkDuration = TimeSpan.FromMilliseconds(50) },
        });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext[] contexts = [.. Enumerable.Range(0, 3).Select(i => socket.CreateContext(Requests.Context($"c{i}")))];
        foreach (TtsContext context in contexts)
        {
            await context.CompleteAsync($"Context number {context.ContextId} speaks."); // one message: a refusal cannot land between text and end
        }

        List<TtsEvent> first = await Speech.ReadAllAsync(contexts[0]);
        List<TtsEvent> second = await Speech.ReadAllAsync(contexts[1]);
        var refused = await Assert.ThrowsAsync<CartesiaStreamException>(() => Speech.ReadAllAsync(contexts[2]));

        Assert.IsType<TtsDoneEvent>(first[^1]);
        Assert.IsType<TtsDoneEvent>(second[^1]);
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal(CartesiaErrorCodes.ConcurrencyLimited, refused.ErrorCode);
        Assert.Equal("c2", refused.ContextId);
        Assert.True(socket.IsConnected);
    }

    [Theory]
    [InlineData("2026-08-14")]
    [InlineData("2025-11-04")]
    public async Task A_context_error_event_fails_that_context_in_both_shapes(string version)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContextOptions unknownVoice = Requests.Context("bad");
        unknownVoice.Voice = "00000000-0000-0000-0000-000000000000";
        TtsContext bad = socket.CreateContext(unknownVoice);
        await bad.SendAsync("Who am I?");

        var error = await Assert.ThrowsAsync<CartesiaStreamException>(() => Speech.ReadAllAsync(bad));
        List<TtsEvent> good = await TtsContextLifecycleTests.Collect(socket.GenerateAsync(Requests.Context(), "Still fine."));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Invalid voice", error.Title);
        Assert.Contains("was not found", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(version == "2026-08-14" ? "voice_not_found" : null, error.ErrorCode);
        Assert.Equal(TtsContextState.Failed, bad.State);
        Assert.IsType<TtsDoneEvent>(good[^1]);
        Assert.Contains("\"voice\":{\"mode\":\"id\"", version == "2025-11-04" ? emulator.Journal.For("/tts/websocket").Single().WebSocketMessages[0].Text : "\"voice\":{\"mode\":\"id\"", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_events_are_delivered_and_a_malformed_frame_fails_only_its_context()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /tts/websocket", new EmulatorFault { UnknownEvent = true, MalformedEvent = true });
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context("victim"));
        var received = new List<TtsEvent>();
        // The text and the end in one message: sent apart, the malformed frame can fail the context before the end.
        await context.CompleteAsync("Frames go wrong here.");

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(async () =>
        {
            await foreach (TtsEvent e in context.ReadEventsAsync())
            {
                received.Add(e);
            }
        });
        List<TtsEvent> next = await TtsContextLifecycleTests.Collect(socket.GenerateAsync(Requests.Context(), "Next context works."));

        Assert.Single(received.OfType<TtsUnknownEvent>(), u => u.Type == "emulator_notice");
        Assert.Contains("\"context_id\":\"victim\"", error.Payload, StringComparison.Ordinal);
        Assert.IsType<TtsDoneEvent>(next[^1]);
        Assert.Equal(1, socket.ConnectionCount);
    }
}
