using Cartesia.Agents;
using Cartesia.Audio;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Agents.Realtime.AgentCallDriver;

namespace Cartesia.Tests.Agents.Realtime;

/// <summary>Issue 17 (SDK): a call with the emulator's managed agent through <see cref="AgentsClient.ConnectAsync"/>, over real sockets.</summary>
public class ManagedAgentSessionTests
{
    [Theory]
    [InlineData("pcm_16000")]
    [InlineData("mulaw_8000")]
    [InlineData("pcm_44100")]
    public async Task The_agent_greets_hears_a_pushed_turn_and_answers_in_speech_then_the_user_ends_the_call(string formatName)
    {
        var format = new AgentAudioFormat(formatName);
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();

        await using AgentSession call = await client.Agents.ConnectAsync(SupportAgent, new AgentSessionOptions { InputFormat = format });
        await using IAsyncEnumerator<AgentEvent> events = call.ReadEventsAsync().GetAsyncEnumerator();
        var seen = new List<AgentEvent>();

        AgentSessionReadyEvent ready = await UntilAsync<AgentSessionReadyEvent>(events, seen);
        Assert.Same(ready, seen[0]);
        Assert.Equal(call.CallId, ready.CallId);
        Assert.StartsWith("call", call.CallId, StringComparison.Ordinal);
        Assert.Equal(format, ready.InputFormat);
        AgentTurnEndedEvent greeting = await UntilAsync<AgentTurnEndedEvent>(events, seen);
        Assert.Equal((1, TranscriptRole.Assistant, Greeting), (greeting.Turn, greeting.Role, greeting.Text));
        Assert.Equal(Greeting, string.Concat(seen.OfType<AgentTurnTextDeltaEvent>().Select(d => d.Text)));
        Assert.Equal(Speech.WordsOf(Greeting), Heard(AudioOf(seen), format));

        // One push of the whole utterance, as the SDK frames it into 20 ms messages.
        await call.SendAudioAsync(Speak("What are your hours?", format));
        var turn = new List<AgentEvent>();
        AgentTurnEndedEvent user = await UntilAsync<AgentTurnEndedEvent>(events, turn, t => t.Role == TranscriptRole.User);
        Assert.Equal("What are your hours?", user.Text);
        AgentTurnEndedEvent reply = await UntilAsync<AgentTurnEndedEvent>(events, turn, t => t.Role == TranscriptRole.Assistant);
        Assert.Equal("You said: What are your hours?", reply.Text);
        Assert.Equal(Speech.WordsOf("You said: What are your hours?"), Heard(AudioOf(turn), format));

        AgentCallEnd end = await call.EndAsync();
        Assert.Equal(AgentCallEndReason.UserEnded, end.Reason);
        Assert.Equal(Speak("What are your hours?", format).Length, end.AudioBytesSent);
        Assert.Equal(call.AudioBytesReceived, end.AudioBytesReceived);
        List<AgentEvent> rest = await RestAsync(events);
        AgentCallEndedEvent last = Assert.IsType<AgentCallEndedEvent>(rest[^1]);
        Assert.Same(end, last.End);
        Assert.Same(end, await call.Completion);
    }

    [Fact]
    public async Task Audio_goes_out_in_20_ms_messages_of_whole_frames_whatever_the_push_sizes_and_a_key_keeps_its_place()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession call = await client.Agents.ConnectAsync(SupportAgent);
        byte[] audio = Speak("Is it raining?", AgentAudioFormat.Pcm16000);

        // Odd piece sizes from several pushes.
        int offset = 0;
        foreach (int size in new[] { 1, 333, 640, 2047, 5 })
        {
            await call.SendAudioAsync(audio.AsMemory(offset, size));
            offset += size;
        }

        await call.SendDtmfAsync("5");
        await call.SendAudioAsync(audio.AsMemory(offset));
        await call.EndAsync();

        IReadOnlyList<EmulatorWebSocketMessage> sent = Assert.Single(emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}")).WebSocketMessages;
        Assert.Contains("\"type\":\"session_create\"", sent[0].Text, StringComparison.Ordinal);
        var wire = new List<byte>();
        var kinds = new List<string>();
        foreach (EmulatorWebSocketMessage message in sent.Skip(1))
        {
            using var json = JsonDocument.Parse(message.Data);
            string type = json.RootElement.GetProperty("type").GetString()!;
            kinds.Add(type);
            if (type == "audio_input")
            {
                byte[] frame = json.RootElement.GetProperty("audio").GetBytesFromBase64();
                Assert.True(frame.Length <= 640 && frame.Length % 2 == 0, $"a frame of {frame.Length} bytes");
                wire.AddRange(frame);
            }
            else
            {
                Assert.Equal("dtmf_input", type);
                Assert.Equal("5", json.RootElement.GetProperty("digit").GetString());
                Assert.Equal(3026, wire.Count); // the whole samples pushed before the key, in order; the odd byte waits
            }
        }

        Assert.Equal(audio, wire.ToArray());
        Assert.Equal(1, kinds.Count(k => k == "dtmf_input"));
        Assert.True(kinds.Count(k => k == "audio_input") >= audio.Length / 640);
    }

    [Fact]
    public async Task The_agent_hangs_up_and_the_call_ends_once_with_its_close_reason()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession call = await client.Agents.ConnectAsync(SupportAgent);
        await call.SendAudioAsync(Speak("Goodbye", AgentAudioFormat.Pcm16000));

        var events = new List<AgentEvent>();
        await foreach (AgentEvent e in call.ReadEventsAsync().WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            events.Add(e);
        }

        AgentCallEnd end = Assert.IsType<AgentCallEndedEvent>(events[^1]).End;
        Assert.Equal(AgentCallEndReason.AgentEnded, end.Reason);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, end.CloseStatus);
        Assert.Equal("call ended by agent", end.CloseDescription);
        // The agent hangs up in its goodbye turn: no turn_ended for it (the close ends it).
        Assert.Equal(TranscriptRole.User, events.OfType<AgentTurnEndedEvent>().Last().Role);
        int lastTurn = events.OfType<AgentTurnStartedEvent>().Last().Turn;
        Assert.Equal("Goodbye!", string.Concat(events.OfType<AgentTurnTextDeltaEvent>().Where(d => d.Turn == lastTurn).Select(d => d.Text)));
        Assert.Same(end, await call.Completion);
        Assert.Same(end, await call.EndAsync()); // ending an ended call returns how it ended
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.SendAudioAsync(new byte[640]).AsTask());
    }

    [Fact]
    public async Task When_the_agent_hangs_up_the_ending_is_settled_before_a_send_fails_and_the_refusal_says_how_the_call_ended()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession call = await client.Agents.ConnectAsync(SupportAgent);
        await call.SendAudioAsync(Speak("Goodbye", AgentAudioFormat.Pcm16000));

        // A quiet microphone, sending until a send is refused; nobody waits for Completion first.
        using var patience = new CancellationTokenSource(Patience);
        byte[] silence = new byte[640];
        InvalidOperationException refused;
        while (true)
        {
            try
            {
                await call.SendAudioAsync(silence, patience.Token);
            }
            catch (InvalidOperationException ex)
            {
                refused = ex;
                break;
            }

            await Task.Yield();
        }

        Assert.True(call.Completion.IsCompleted, "a send failed before the call's ending was settled");
        AgentCallEnd end = await call.Completion;
        Assert.Equal(AgentCallEndReason.AgentEnded, end.Reason);
        Assert.Contains("the agent hung up", refused.Message, StringComparison.Ordinal);
        Assert.Contains("call ended by agent", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Barge_in_clears_the_playback_buffer_in_one_line_and_the_agent_turn_ends_interrupted()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(); // real-time agent speech
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession call = await client.Agents.ConnectAsync(SupportAgent);
        var playback = new AudioPlaybackBuffer(TimeSpan.FromSeconds(30), 32_000, blockAlign: 2);
        long cleared = -1;
        bool pushed = false;
        var events = new List<AgentEvent>();
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (AgentEvent e in call.ReadPooledEventsAsync(timeout.Token))
        {
            events.Add(e);
            switch (e)
            {
                case AgentAudioEvent audio:
                    playback.Write(audio.Audio.Span);
                    if (!pushed)
                    {
                        pushed = true;
                        _ = call.SendAudioAsync(Speak("Wait a moment", AgentAudioFormat.Pcm16000)).AsTask();
                    }

                    break;
                case AgentAudioClearEvent:
                    cleared = playback.Clear(); // "stop talking now"
                    break;
            }

            if (e is AgentTurnEndedEvent { Role.Value: "assistant", Interrupted: true })
            {
                break;
            }
        }

        Assert.True(cleared > 0, "queued agent audio was dropped");
        Assert.Equal(0, playback.BufferedBytes);
        AgentTurnEndedEvent interrupted = events.OfType<AgentTurnEndedEvent>().Last();
        Assert.Equal(1, interrupted.Turn);
        Assert.True(interrupted.Text.Length < Greeting.Length);
    }

    [Fact]
    public async Task A_tool_handler_answers_the_agents_client_tool_call_and_the_agent_speaks_the_result()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        var options = new AgentSessionOptions();
        System.Text.Json.JsonElement parameters = default;
        options.ClientTools["lookup_order"] = (call, _) =>
        {
            parameters = call.Parameters.Clone();
            return ValueTask.FromResult("It ships Friday");
        };
        await using AgentSession session = await client.Agents.ConnectAsync(SupportAgent, options);
        await using IAsyncEnumerator<AgentEvent> events = session.ReadEventsAsync().GetAsyncEnumerator();
        var seen = new List<AgentEvent>();
        await UntilAsync<AgentTurnEndedEvent>(events, seen);

        await session.SendAudioAsync(Speak("Where is my order", AgentAudioFormat.Pcm16000));
        AgentToolCallEvent toolCall = await UntilAsync<AgentToolCallEvent>(events, seen);
        Assert.Equal("lookup_order", toolCall.ToolName);
        Assert.True(toolCall.IsHandled);
        Assert.True(toolCall.ExpectsResponse);
        AgentTurnEndedEvent reply = await UntilAsync<AgentTurnEndedEvent>(events, seen, t => t.Role == TranscriptRole.Assistant);
        Assert.Equal("Here is your order: It ships Friday.", reply.Text);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, parameters.ValueKind);
    }

    [Fact]
    public async Task A_throwing_handler_sends_an_error_result_and_the_call_goes_on()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        var options = new AgentSessionOptions();
        options.ClientTools["lookup_order"] = (_, _) => throw new InvalidOperationException("The order service is down.");
        await using AgentSession session = await client.Agents.ConnectAsync(SupportAgent, options);
        await using IAsyncEnumerator<AgentEvent> events = session.ReadEventsAsync().GetAsyncEnumerator();
        var seen = new List<AgentEvent>();
        await UntilAsync<AgentTurnEndedEvent>(events, seen);

        await session.SendAudioAsync(Speak("Where is my order", AgentAudioFormat.Pcm16000));
        AgentTurnEndedEvent reply = await UntilAsync<AgentTurnEndedEvent>(events, seen, t => t.Role == TranscriptRole.Assistant);

        Assert.Equal("Sorry, I could not look up that order.", reply.Text);
        EmulatorWebSocketMessage result = Assert.Single(emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}")[0].WebSocketMessages, m => m.Text.Contains("client_tool_result", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(result.Data);
        Assert.True(json.RootElement.GetProperty("is_error").GetBoolean());
        Assert.Equal("The order service is down.", json.RootElement.GetProperty("result").GetString());
        Assert.Equal("InvalidOperationException", json.RootElement.GetProperty("error_type").GetString());
    }

    [Fact]
    public async Task Without_a_handler_the_event_is_answered_with_SendToolResultAsync_and_an_oversize_result_is_refused_first()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession session = await client.Agents.ConnectAsync(SupportAgent);
        await using IAsyncEnumerator<AgentEvent> events = session.ReadEventsAsync().GetAsyncEnumerator();
        var seen = new List<AgentEvent>();
        await UntilAsync<AgentTurnEndedEvent>(events, seen);
        await session.SendAudioAsync(Speak("Where is my order", AgentAudioFormat.Pcm16000));
        AgentToolCallEvent toolCall = await UntilAsync<AgentToolCallEvent>(events, seen);
        Assert.False(toolCall.IsHandled);

        var tooLarge = await Assert.ThrowsAsync<ArgumentException>(() => session.SendToolResultAsync(toolCall.ToolCallId, new string('é', 2049)).AsTask());
        Assert.Contains("4098 bytes", tooLarge.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => session.SendToolResultAsync(new string('x', 257), "ok").AsTask());
        await session.SendToolResultAsync(toolCall.ToolCallId, "Order 5 is on its way");

        AgentTurnEndedEvent reply = await UntilAsync<AgentTurnEndedEvent>(events, seen, t => t.Role == TranscriptRole.Assistant);
        Assert.Equal("Here is your order: Order 5 is on its way.", reply.Text);
    }

    [Fact]
    public async Task A_key_press_is_acknowledged_and_a_bad_key_is_refused_before_anything_is_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession session = await client.Agents.ConnectAsync(SupportAgent);
        await using IAsyncEnumerator<AgentEvent> events = session.ReadEventsAsync().GetAsyncEnumerator();
        var seen = new List<AgentEvent>();
        await UntilAsync<AgentTurnEndedEvent>(events, seen);

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => session.SendDtmfAsync("1A").AsTask());
        Assert.Contains("'A'", bad.Message, StringComparison.Ordinal);
        await session.SendDtmfAsync("5");

        AgentTurnEndedEvent reply = await UntilAsync<AgentTurnEndedEvent>(events, seen, t => t.Role == TranscriptRole.Assistant);
        Assert.Equal("You pressed 5.", reply.Text);
        Assert.DoesNotContain(emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}")[0].WebSocketMessages, m => m.Text.Contains("\"1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dynamic_variables_reach_the_greeting_and_a_missing_one_is_the_services_typed_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();

        var missing = await Assert.ThrowsAsync<CartesiaAgentErrorException>(() => client.Agents.ConnectAsync(BookingAgent));
        Assert.Equal("missing_dynamic_variables", missing.ErrorCode);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, missing.CloseStatus);

        var options = new AgentSessionOptions();
        options.DynamicVariables["customer_name"] = "Ada";
        options.DynamicVariables["is_vip"] = true;
        options.DynamicVariables["visits"] = 3;
        await using AgentSession session = await client.Agents.ConnectAsync(BookingAgent, options);
        await using IAsyncEnumerator<AgentEvent> events = session.ReadEventsAsync().GetAsyncEnumerator();
        AgentTurnEndedEvent greeting = await UntilAsync<AgentTurnEndedEvent>(events, []);
        Assert.Equal("Hello Ada! Shall we book a time?", greeting.Text);
    }

    [Theory]
    [InlineData("system__call_id", "reserved")]
    [InlineData("has space", "letters, digits and underscores")]
    [InlineData("", "empty name")]
    public async Task A_bad_dynamic_variable_is_refused_naming_it_before_anything_is_sent(string name, string why)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        var options = new AgentSessionOptions();
        options.DynamicVariables[name] = "x";

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.ConnectAsync(SupportAgent, options));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.Contains("AgentSessionOptions.DynamicVariables", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}"));
    }

    [Fact]
    public async Task Other_bad_options_are_refused_before_anything_is_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();

        var format = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.ConnectAsync(SupportAgent, new AgentSessionOptions { InputFormat = "opus" }));
        Assert.Contains("'opus'", format.Message, StringComparison.Ordinal);
        var variable = new AgentSessionOptions();
        variable.DynamicVariables["when"] = DateTime.UnixEpoch;
        Assert.Contains("DateTime", (await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.ConnectAsync(SupportAgent, variable))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Agents.ConnectAsync(SupportAgent, new AgentSessionOptions { FrameDuration = TimeSpan.FromMilliseconds(10) }));
        var tooMany = new AgentSessionOptions();
        for (int i = 0; i < 65; i++)
        {
            tooMany.DynamicVariables[$"v{i}"] = i;
        }

        Assert.Contains("at most 64", (await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.ConnectAsync(SupportAgent, tooMany))).Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}"));
    }

    [Fact]
    public async Task A_format_the_service_does_not_take_ends_the_start_with_its_typed_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();

        var ex = await Assert.ThrowsAsync<CartesiaAgentErrorException>(() => client.Agents.ConnectAsync(SupportAgent, new AgentSessionOptions { InputFormat = "pcm_48000" }));

        Assert.Equal("invalid_event", ex.ErrorCode);
        Assert.Contains("pcm_48000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_token_with_the_agent_grant_connects_and_one_without_it_is_the_typed_403()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient server = emulator.CreateClient();
        string agentToken = (await server.AccessTokens.CreateAsync(new Cartesia.AccessTokens.AccessTokenRequest { Grants = new Cartesia.AccessTokens.AccessTokenGrants { Agent = true } })).Token;
        string ttsToken = (await server.AccessTokens.CreateAsync(new Cartesia.AccessTokens.AccessTokenRequest { Grants = new Cartesia.AccessTokens.AccessTokenGrants { Tts = true } })).Token;

        using var browser = new CartesiaClient(CartesiaCredential.FromAccessToken(agentToken), new CartesiaClientOptions { BaseUri = emulator.BaseUri });
        await using (AgentSession call = await browser.Agents.ConnectAsync(SupportAgent))
        {
            Assert.False(string.IsNullOrEmpty(call.CallId));
            Assert.DoesNotContain(agentToken, call.ToString(), StringComparison.Ordinal);
        }

        EmulatorRequest handshake = emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}")[0];
        Assert.Contains("access_token=", handshake.Query, StringComparison.Ordinal);
        Assert.Contains("cartesia_version=", handshake.Query, StringComparison.Ordinal);
        Assert.Null(handshake.Header("Authorization"));

        using var wrong = new CartesiaClient(CartesiaCredential.FromAccessToken(ttsToken), new CartesiaClientOptions { BaseUri = emulator.BaseUri, MaxRetries = 0 });
        var denied = await Assert.ThrowsAsync<CartesiaPermissionDeniedException>(() => wrong.Agents.ConnectAsync(SupportAgent));
        Assert.DoesNotContain(ttsToken, denied.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_goes_in_X_API_Key_and_a_session_token_from_the_sessions_endpoint_opens_one_call()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient server = emulator.CreateClient();
        var request = new AgentWebSocketSessionRequest();
        request.DynamicVariables["customer_name"] = "Grace";
        AgentSessionToken token = await server.Agents.CreateWebSocketSessionAsync(BookingAgent, request);
        Assert.DoesNotContain(token.Token, token.ToString(), StringComparison.Ordinal);

        using var browser = new CartesiaClient(CartesiaCredential.FromAccessToken(token.Token), new CartesiaClientOptions { BaseUri = emulator.BaseUri });
        await using AgentSession call = await browser.Agents.ConnectAsync(BookingAgent);
        await using IAsyncEnumerator<AgentEvent> events = call.ReadEventsAsync().GetAsyncEnumerator();
        AgentTurnEndedEvent greeting = await UntilAsync<AgentTurnEndedEvent>(events, []);
        Assert.Equal("Hello Grace! Shall we book a time?", greeting.Text);

        await using AgentSession keyed = await server.Agents.ConnectAsync(SupportAgent);
        EmulatorRequest handshake = emulator.Journal.For($"/v1/agents/websocket/{SupportAgent}")[0];
        Assert.NotNull(handshake.Header("X-API-Key"));
        Assert.DoesNotContain("access_token", handshake.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wav_file_is_streamed_after_its_header_is_checked_and_a_mismatched_one_is_refused_naming_both_formats()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentSession call = await client.Agents.ConnectAsync(SupportAgent);
        byte[] pcm = Speak("Is it raining?", AgentAudioFormat.Pcm16000);
        byte[] wav = [.. WavHeader.Create(AudioEncoding.PcmS16LE, 16000, pcm.Length), .. pcm];
        byte[] wrongRate = [.. WavHeader.Create(AudioEncoding.PcmS16LE, 24000, pcm.Length), .. pcm];

        var mismatch = await Assert.ThrowsAsync<ArgumentException>(() => call.SendAudioAsync(new MemoryStream(wrongRate), AgentAudioPacing.AsFastAsPossible));
        Assert.Contains("24000 Hz", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("pcm_16000", mismatch.Message, StringComparison.Ordinal);
        Assert.Equal(0, call.AudioBytesSent);

        await call.SendAudioAsync(new MemoryStream(wav), AgentAudioPacing.AsFastAsPossible);
        await using IAsyncEnumerator<AgentEvent> events = call.ReadPooledEventsAsync().GetAsyncEnumerator();
        AgentTurnEndedEvent user = await UntilAsync<AgentTurnEndedEvent>(events, [], t => t.Role == TranscriptRole.User);
        Assert.Equal("Is it raining?", user.Text);
        AgentCallEnd end = await call.EndAsync();
        Assert.Equal(pcm.Length, end.AudioBytesSent);
    }
}
