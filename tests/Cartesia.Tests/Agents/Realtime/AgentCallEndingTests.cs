using System.Net.WebSockets;
using System.Text.Json;
using Cartesia.Agents;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Agents.Realtime.AgentCallDriver;

namespace Cartesia.Tests.Agents.Realtime;

/// <summary>
/// Issue 17 (SDK): the endings and edges the emulator's agent does not produce, against a scripted loopback server —
/// a dropped connection, a fatal error mid-call, an unknown event, the keep-alive on the client's clock.
/// </summary>
public class AgentCallEndingTests
{
    private const string Ready = """{"type":"session_ready","call_id":"call_1","agent_id":"agent_1","agent_version_id":"v1","audio":{"input_format":"pcm_16000","output_delivery":"speaking_pace"}}""";

    private static CartesiaClient ClientFor(ScriptedAgentServer server, TimeProvider? clock = null)
        => new(new CartesiaClientOptions { ApiKey = "sk_test_agents", BaseUri = server.BaseUri, MaxRetries = 0, TimeProvider = clock ?? TimeProvider.System });

    [Fact]
    public async Task A_dropped_connection_ends_the_call_with_the_typed_loss_saying_what_was_sent_and_received()
    {
        var audioReceived = new TaskCompletionSource();
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveAsync(); // session_create
            await peer.SendAsync(Ready);
            await peer.SendAsync("""{"type":"audio_output","audio":"AAABAAIAAwA="}""");
            await peer.ReceiveAsync(); // one frame of audio
            peer.Abort();
        });
        using CartesiaClient client = ClientFor(server);
        await using AgentSession call = await client.Agents.ConnectAsync("agent_1");
        await call.SendAudioAsync(new byte[640]);

        var events = new List<AgentEvent>();
        var lost = await Assert.ThrowsAsync<CartesiaAgentConnectionLostException>(async () =>
        {
            await foreach (AgentEvent e in call.ReadEventsAsync())
            {
                events.Add(e);
            }
        });

        Assert.Equal(2, events.Count);
        Assert.Equal(8, lost.AudioBytesReceived);
        Assert.Equal(2, lost.EventsReceived);
        Assert.Equal(640, lost.AudioBytesSent);
        Assert.Equal(2, lost.MessagesSent);
        Assert.Null(lost.CloseStatus);
        Assert.Contains("lost", lost.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CartesiaException>(lost);
        await Assert.ThrowsAsync<CartesiaAgentConnectionLostException>(() => call.Completion);
        await Assert.ThrowsAsync<CartesiaAgentConnectionLostException>(() => call.SendAudioAsync(new byte[640]).AsTask());
    }

    [Fact]
    public async Task Agent_audio_nobody_reads_is_bounded_and_over_the_bound_the_call_ends_with_a_buffer_overflow_naming_the_option()
    {
        string chunk = Convert.ToBase64String(new byte[1000]);
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveAsync(); // session_create
            await peer.SendAsync(Ready);
            for (int i = 0; i < 3; i++)
            {
                await peer.SendAsync($$"""{"type":"audio_output","audio":"{{chunk}}"}""");
            }

            await peer.ReceiveUntilCloseAsync();
        });
        using CartesiaClient client = ClientFor(server);
        await using AgentSession call = await client.Agents.ConnectAsync("agent_1", new AgentSessionOptions { MaxBufferedEventBytes = 2500 });

        // Nobody reads: the third chunk would make 3000 bytes waiting.
        var overflow = await Assert.ThrowsAsync<CartesiaBufferOverflowException>(() => call.Completion.WaitAsync(Patience));
        Assert.Equal(2500, overflow.LimitBytes);
        Assert.Contains("AgentSessionOptions.MaxBufferedEventBytes", overflow.Message, StringComparison.Ordinal);

        // What was received before is still read, then the ending.
        var events = new List<AgentEvent>();
        await Assert.ThrowsAsync<CartesiaBufferOverflowException>(async () =>
        {
            await foreach (AgentEvent e in call.ReadEventsAsync())
            {
                events.Add(e);
            }
        });
        Assert.Equal(2, events.OfType<AgentAudioEvent>().Count());
        await Assert.ThrowsAsync<CartesiaBufferOverflowException>(() => call.SendAudioAsync(new byte[640]).AsTask());
    }

    [Fact]
    public async Task Options_refuse_a_MaxBufferedEventBytes_under_1024()
    {
        using CartesiaClient client = new(new CartesiaClientOptions { ApiKey = "sk_test_agents", BaseUri = new Uri("http://127.0.0.1:9"), MaxRetries = 0 });
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Agents.ConnectAsync("agent_1", new AgentSessionOptions { MaxBufferedEventBytes = 100 }));
        Assert.Contains("MaxBufferedEventBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fatal_error_mid_call_ends_it_with_the_typed_error_and_its_code_while_a_non_fatal_one_is_an_event()
    {
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveAsync();
            await peer.SendAsync(Ready);
            await peer.SendAsync("""{"type":"error","code":"invalid_event","message":"Unknown field 'x'.","fatal":false}""");
            await peer.SendAsync("""{"type":"error","code":"agent_failed","message":"The agent crashed.","fatal":true}""");
            await peer.Socket.CloseAsync(WebSocketCloseStatus.InternalServerError, "agent failed", CancellationToken.None);
        });
        using CartesiaClient client = ClientFor(server);
        await using AgentSession call = await client.Agents.ConnectAsync("agent_1");

        var events = new List<AgentEvent>();
        var failed = await Assert.ThrowsAsync<CartesiaAgentErrorException>(async () =>
        {
            await foreach (AgentEvent e in call.ReadEventsAsync())
            {
                events.Add(e);
            }
        });

        AgentErrorEvent nonFatal = Assert.Single(events.OfType<AgentErrorEvent>());
        Assert.Equal("invalid_event", nonFatal.Code);
        Assert.Equal("agent_failed", failed.ErrorCode);
        Assert.Equal("The agent crashed.", failed.ErrorMessage);
        Assert.Equal(WebSocketCloseStatus.InternalServerError, failed.CloseStatus);
        Assert.Same(failed, await Assert.ThrowsAsync<CartesiaAgentErrorException>(() => call.Completion));
    }

    [Fact]
    public async Task Unknown_events_are_delivered_with_their_json_and_agent_keys_arrive_as_dtmf_events()
    {
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveAsync();
            await peer.SendAsync(Ready);
            await peer.SendAsync("""{"type":"agent_thinking","level":3}""");
            await peer.SendAsync("""{"type":"dtmf_output","digit":"#"}""");
            await peer.SendAsync("""{"type":"turn_started","turn":1,"role":"assistant","start_time":0.5,"future_field":true}""");
            await peer.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "call ended by agent, reason: done", CancellationToken.None);
        });
        using CartesiaClient client = ClientFor(server);
        await using AgentSession call = await client.Agents.ConnectAsync("agent_1");

        var events = new List<AgentEvent>();
        await foreach (AgentEvent e in call.ReadEventsAsync())
        {
            events.Add(e);
        }

        AgentUnknownEvent unknown = Assert.Single(events.OfType<AgentUnknownEvent>());
        Assert.Equal("agent_thinking", unknown.Type);
        Assert.Equal(3, unknown.Json.GetProperty("level").GetInt32());
        Assert.Equal("#", Assert.Single(events.OfType<AgentDtmfEvent>()).Digit);
        AgentTurnStartedEvent started = Assert.Single(events.OfType<AgentTurnStartedEvent>());
        Assert.True(started.AdditionalProperties!["future_field"].GetBoolean());
        AgentCallEnd end = Assert.IsType<AgentCallEndedEvent>(events[^1]).End;
        Assert.Equal(AgentCallEndReason.AgentEnded, end.Reason);
        Assert.Equal("call ended by agent, reason: done", end.CloseDescription);
    }

    [Fact]
    public async Task With_no_audio_for_the_keep_alive_interval_a_frame_of_silence_keeps_the_managed_call_open()
    {
        var clock = new TimerWatchingClock();
        var silence = new TaskCompletionSource<string>();
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveAsync();
            await peer.SendAsync(Ready);
            silence.TrySetResult(await peer.ReceiveAsync() ?? "closed");
            await peer.ReceiveUntilCloseAsync();
        });
        using CartesiaClient client = ClientFor(server, clock);
        await using AgentSession call = await client.Agents.ConnectAsync("agent_1", new AgentSessionOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        await clock.TimerStartedAsync(TimeSpan.FromSeconds(30)).WaitAsync(Patience);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(silence.Task.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        using JsonDocument json = JsonDocument.Parse(await silence.Task.WaitAsync(Patience));
        Assert.Equal("audio_input", json.RootElement.GetProperty("type").GetString());
        byte[] frame = json.RootElement.GetProperty("audio").GetBytesFromBase64();
        Assert.Equal(640, frame.Length);
        Assert.All(frame, b => Assert.Equal(0, b));
        Assert.Equal(AgentCallEndReason.UserEnded, (await call.EndAsync()).Reason);
    }

    [Fact]
    public async Task A_service_that_never_accepts_the_call_fails_the_connect_with_a_timeout_on_the_clients_clock()
    {
        var clock = new TimerWatchingClock();
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveUntilCloseAsync();
        });
        using CartesiaClient client = ClientFor(server, clock);
        Task<AgentSession> connecting = client.Agents.ConnectAsync("agent_1", new AgentSessionOptions { StartTimeout = TimeSpan.FromSeconds(15) });
        await clock.TimerStartedAsync(TimeSpan.FromSeconds(15)).WaitAsync(Patience);

        clock.Advance(TimeSpan.FromSeconds(15));

        var timeout = await Assert.ThrowsAsync<CartesiaTimeoutException>(() => connecting.WaitAsync(Patience));
        Assert.Contains("session_ready", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("StartTimeout", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_has_a_span_with_its_outcome_and_the_turn_latency_is_measured_from_user_turn_end_to_agent_audio()
    {
        using var telemetry = new TelemetryCapture();
        await using ScriptedAgentServer server = await ScriptedAgentServer.StartAsync(async peer =>
        {
            await peer.ReceiveAsync();
            await peer.SendAsync(Ready);
            await peer.SendAsync("""{"type":"turn_ended","turn":1,"role":"user","text":"Hi","interrupted":false,"start_time":0,"end_time":1,"tool_calls":[]}""");
            await peer.SendAsync("""{"type":"audio_output","audio":"AAA="}""");
            await peer.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "call ended by agent", CancellationToken.None);
        });
        using CartesiaClient client = ClientFor(server);
        await using AgentSession call = await client.Agents.ConnectAsync("agent_1");
        await call.Completion.WaitAsync(Patience);

        Assert.Single(telemetry.Of("cartesia.agents.turn_latency"));
        System.Diagnostics.Activity span = Assert.Single(telemetry.Activities, a => a.OperationName == "cartesia agents.websocket" || a.DisplayName == "cartesia agents.websocket");
        Assert.Equal("agent_ended", span.GetTagItem("cartesia.outcome"));
        Assert.Equal("call_1", span.GetTagItem("cartesia.call_id"));
    }
}
