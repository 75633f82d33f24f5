using System.Net.WebSockets;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Emulator.Agents.AgentSocketClient;

namespace Cartesia.Tests.Emulator.Agents;

/// <summary>
/// Issue 17 (emulator): the managed socket's rules (AGENTS-WEBSOCKET.md §3, U11, U15–U17, U23): session_create
/// first, strict fields and formats, dynamic-variable errors before session_ready (fatal, 1008), a bad event later a
/// non-fatal invalid_event, binary frames, the 1 MiB cap, and the timeouts on the emulator's clock.
/// </summary>
public class ManagedAgentProtocolTests
{
    private static CartesiaEmulatorOptions Fast() => new() { Agents = { RealTimeFactor = 0 } };

    public static TheoryData<string, string> FatalFirstEvents => new()
    {
        { """{"type":"audio_input","audio":"AAAA"}""", "first event must be session_create" },
        { """{"type":"session_create","audio":{"input_format":"pcm_8000"}}""", "input_format must be one of mulaw_8000, pcm_16000, pcm_24000, pcm_44100" },
        { """{"type":"session_create","audio":{}}""", "got none" },
        { """{"type":"session_create"}""", "needs an 'audio' object" },
        { """{"type":"session_create","audio":{"input_format":"pcm_16000"},"voice":"x"}""", "unknown field 'voice'" },
        { """{"type":"session_create","audio":{"input_format":"pcm_16000","sample_rate":16000}}""", "unknown field 'sample_rate'" },
        { """{"type":"session_create","audio":{"input_format":"pcm_16000","output_delivery":"fast"}}""", "output_delivery must be speaking_pace or as_available" },
        { """{"type":"session_create",""", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(FatalFirstEvents))]
    public async Task A_bad_or_missing_session_create_is_a_fatal_invalid_event_and_close_1008(string first, string expected)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);

        await call.SendAsync(first);
        JsonElement error = await call.NextAsync();

        Assert.Equal(("error", "invalid_event", true), (Type(error), error.GetProperty("code").GetString(), error.GetProperty("fatal").GetBoolean()));
        Assert.Contains(expected, error.GetProperty("message").GetString());
        Assert.Null(await call.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, call.CloseStatus);
    }

    public static TheoryData<string, string, string> DynamicVariableErrors => new()
    {
        { SupportAgent, """{"bad-name":"x"}""", "invalid_dynamic_variables" },
        { SupportAgent, """{"system__user":"x"}""", "invalid_dynamic_variables" },
        { SupportAgent, """{"secret__key":"x"}""", "invalid_dynamic_variables" },
        { SupportAgent, """{"nested":{"a":1}}""", "invalid_dynamic_variables" },
        { SupportAgent, """{"list":[1]}""", "invalid_dynamic_variables" },
        { SupportAgent, "{" + string.Join(',', Enumerable.Range(0, 65).Select(i => $"\"v{i}\":{i}")) + "}", "invalid_dynamic_variables" },
        { SupportAgent, "{\"" + new string('a', 65) + "\":1}", "invalid_dynamic_variables" },
        { BookingAgent, """{"other":"x"}""", "missing_dynamic_variables" },
    };

    [Theory]
    [MemberData(nameof(DynamicVariableErrors))]
    public async Task Dynamic_variable_errors_come_instead_of_session_ready_and_close_1008(string agent, string variables, string code)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator, agent);

        await call.SendAsync($$"""{"type":"session_create","audio":{"input_format":"pcm_16000"},"dynamic_variables":{{variables}}}""");
        JsonElement error = await call.NextAsync();

        Assert.Equal(("error", code, true), (Type(error), error.GetProperty("code").GetString(), error.GetProperty("fatal").GetBoolean()));
        Assert.Null(await call.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, call.CloseStatus);
    }

    [Fact]
    public async Task Valid_dynamic_variables_fill_the_welcome_message()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator, BookingAgent);

        await call.SendAsync("""{"type":"session_create","audio":{"input_format":"pcm_16000"},"dynamic_variables":{"customer_name":"Ada","is_vip":true,"visits":3}}""");
        Assert.Equal("session_ready", Type(await call.NextAsync()));
        List<JsonElement> greeting = await call.UntilTurnEndedAsync("assistant");

        Assert.Equal("Hello Ada! Shall we book a time?", greeting[^1].GetProperty("text").GetString());
    }

    public static TheoryData<string, string> BadLaterEvents => new()
    {
        { """{"type":"audio_input","audio":"AAAA","extra":1}""", "unknown field 'extra'" },
        { """{"type":"audio_input","audio":"not base64!"}""", "not valid base64" },
        { """{"type":"audio_input"}""", "needs 'audio'" },
        { """{"type":"dtmf_input","digit":"55"}""", "one key" },
        { """{"type":"dtmf_input","digit":"a"}""", "one key" },
        { """{"type":"client_tool_result","tool_call_id":"","result":"x"}""", "tool_call_id" },
        { """{"type":"client_tool_result","tool_call_id":"{{long}}","result":"x"}""", "tool_call_id" },
        { """{"type":"client_tool_result","tool_call_id":"t","result":1}""", "result must be a string" },
        { """{"type":"client_tool_result","tool_call_id":"t","result":"x","error_type":"{{long}}"}""", "error_type" },
        { """{"type":"session_create","audio":{"input_format":"pcm_16000"}}""", "already created" },
        { """{"type":"hang_up"}""", "Unknown event type 'hang_up'" },
        { """{"audio":"AAAA"}""", "string 'type'" },
        { """[1,2]""", "string 'type'" },
        { """{"type":""", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadLaterEvents))]
    public async Task A_bad_event_after_the_start_is_a_non_fatal_invalid_event_and_the_call_goes_on(string bad, string expected)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");

        await call.SendAsync(bad.Replace("{{long}}", new string('x', 257), StringComparison.Ordinal));
        JsonElement error = await call.NextAsync();

        Assert.Equal(("error", "invalid_event", false), (Type(error), error.GetProperty("code").GetString(), error.GetProperty("fatal").GetBoolean()));
        Assert.Contains(expected, error.GetProperty("message").GetString());
        await call.SendAsync("""{"type":"dtmf_input","digit":"5"}""");
        List<JsonElement> answer = await call.UntilTurnEndedAsync("assistant");
        Assert.Equal("You pressed 5.", answer[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_binary_frame_is_a_non_fatal_invalid_event()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");

        await call.Socket.SendAsync(new byte[320], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        JsonElement error = await call.NextAsync();

        Assert.Equal(("error", "invalid_event", false), (Type(error), error.GetProperty("code").GetString(), error.GetProperty("fatal").GetBoolean()));
        Assert.Contains("Binary frames", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_message_over_one_MiB_closes_the_socket_with_1009()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");

        string payload = Convert.ToBase64String(new byte[800 * 1024]);
        await call.SendAsync($$"""{"type":"audio_input","audio":"{{payload}}"}""");

        Assert.Null(await call.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, call.CloseStatus);
    }

    [Fact]
    public async Task No_session_create_within_the_deadline_is_a_fatal_error_on_the_emulators_clock()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock, Agents = { RealTimeFactor = 0 } });
        await using AgentSocketClient call = await ManagedAsync(emulator);

        await clock.TimerStartedAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10));
        JsonElement error = await call.NextAsync();

        Assert.Equal(("error", "invalid_event", true), (Type(error), error.GetProperty("code").GetString(), error.GetProperty("fatal").GetBoolean()));
        Assert.Contains("session_create", error.GetProperty("message").GetString());
        Assert.Null(await call.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, call.CloseStatus);
    }

    [Fact]
    public async Task A_call_without_valid_events_for_the_inactivity_timeout_is_closed_1000_idle()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock, Agents = { RealTimeFactor = 0 } });
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");
        await clock.TimerStartedAsync(TimeSpan.FromSeconds(120));

        // A valid event at 100 s moves the deadline to 220 s; an invalid one at 210 s does not.
        clock.Advance(TimeSpan.FromSeconds(100));
        await call.SendAsync("""{"type":"dtmf_input","digit":"1"}""");
        await call.UntilTurnEndedAsync("assistant");
        clock.Advance(TimeSpan.FromSeconds(20));
        await clock.TimerStartedAsync(TimeSpan.FromSeconds(100));
        clock.Advance(TimeSpan.FromSeconds(90));
        await call.SendAsync("""{"type":"nonsense"}""");
        Assert.Equal("error", Type(await call.NextAsync()));
        Assert.Equal(WebSocketState.Open, call.Socket.State);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(await call.ReceiveAsync());
        Assert.Equal((WebSocketCloseStatus.NormalClosure, "connection idle timeout"), (call.CloseStatus, call.CloseDescription));
    }
}
