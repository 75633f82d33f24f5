using System.Net.WebSockets;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Emulator.Agents.AgentSocketClient;
using Words = Cartesia.Tests.Support.Speech;

namespace Cartesia.Tests.Emulator.Agents;

/// <summary>
/// Issue 17 (emulator): what the seeded agent does on the managed socket besides answering — barge-in, DTMF, the
/// lookup_order client tool (and a result too large, late or duplicated), hanging up, speaking pace on the emulator's
/// clock, and the echo mode for benchmarks.
/// </summary>
public class ManagedAgentBehaviourTests
{
    private static CartesiaEmulatorOptions Fast() => new() { Agents = { RealTimeFactor = 0 } };

    [Fact]
    public async Task User_speech_while_the_agent_talks_clears_its_audio_and_ends_its_turn_interrupted()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync("pcm_16000", "speaking_pace");
        string callId = (await call.NextAsync()).GetProperty("call_id").GetString()!;

        // Speaking pace on the emulator's clock: 20 ms of audio per 20 ms; 300 ms in, the agent has said "Hello!".
        await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(20));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        List<JsonElement> spoken = await call.UntilAsync(e => Type(e) == "turn_output_text_delta");
        Assert.Equal("Hello!", spoken[^1].GetProperty("text").GetString());

        await call.SendAudioAsync(Speak("Wait a moment.", "pcm_16000"), "pcm_16000");
        List<JsonElement> events = await call.UntilTurnEndedAsync("user");

        List<JsonElement> beforeClear = events.TakeWhile(e => Type(e) != "audio_output_clear").ToList();
        Assert.True(beforeClear.Count < events.Count, "no audio_output_clear");
        JsonElement ended = events[beforeClear.Count + 1];
        Assert.Equal(("turn_ended", 1, "assistant", true), (Type(ended), ended.GetProperty("turn").GetInt32(), ended.GetProperty("role").GetString(), ended.GetProperty("interrupted").GetBoolean()));
        string said = Deltas([.. spoken, .. beforeClear]);
        Assert.Equal(said, ended.GetProperty("text").GetString());
        Assert.StartsWith("Hello!", said);
        Assert.NotEqual(AgentScriptText.Greeting, said);
        Assert.Equal(("user", "Wait a moment."), (events[^1].GetProperty("role").GetString(), events[^1].GetProperty("text").GetString()));
        Assert.Equal(2, events[^1].GetProperty("turn").GetInt32());
        await call.CloseAsync();

        using HttpClient http = ControlClient.Create(emulator);
        JsonElement record = await ManagedAgentConversationTests.WaitForAsync(http, callId, r => r.GetProperty("status").GetString() == "completed");
        JsonElement first = record.GetProperty("transcript")[0];
        Assert.Equal((said, "interrupted", true), (first.GetProperty("text").GetString(), first.GetProperty("end_reason").GetString(), first.GetProperty("interrupted").GetBoolean()));
    }

    [Fact]
    public async Task A_key_press_is_acknowledged_in_speech()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync("mulaw_8000");
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");

        await call.SendAsync("""{"type":"dtmf_input","digit":"#"}""");
        List<JsonElement> answer = await call.UntilTurnEndedAsync("assistant");

        Assert.Equal("You pressed #.", answer[^1].GetProperty("text").GetString());
        Assert.Equal(Words.WordsOf("You pressed #."), Heard(answer, "mulaw_8000"));
    }

    [Fact]
    public async Task Asking_the_agent_to_press_a_key_sends_dtmf_output()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");

        await call.SendAudioAsync(Speak("Please press 7", "pcm_16000"), "pcm_16000");
        await call.UntilTurnEndedAsync("user");
        List<JsonElement> answer = await call.UntilTurnEndedAsync("assistant");

        JsonElement dtmf = Assert.Single(answer, e => Type(e) == "dtmf_output");
        Assert.Equal("7", dtmf.GetProperty("digit").GetString());
        Assert.Equal("Pressing 7.", answer[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Asking_about_an_order_calls_the_client_tool_and_speaks_its_result()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");

        await call.SendAudioAsync(Speak("Where is order 123?", "pcm_16000"), "pcm_16000");
        await call.UntilTurnEndedAsync("user");
        List<JsonElement> asked = await call.UntilAsync(e => Type(e) == "client_tool_call");
        JsonElement tool = asked[^1];
        Assert.Equal(("lookup_order", true, "123"), (tool.GetProperty("tool_name").GetString(), tool.GetProperty("expects_response").GetBoolean(), tool.GetProperty("parameters").GetProperty("order_id").GetString()));
        string id = tool.GetProperty("tool_call_id").GetString()!;

        await call.SendAsync(JsonSerializer.Serialize(new { type = "client_tool_result", tool_call_id = id, result = "It ships Friday." }));
        List<JsonElement> answer = await call.UntilTurnEndedAsync("assistant");

        JsonElement ended = answer[^1];
        Assert.Equal("Here is your order: It ships Friday.", ended.GetProperty("text").GetString());
        Assert.Equal(Words.WordsOf("Here is your order: It ships Friday."), Heard(answer, "pcm_16000"));
        JsonElement recorded = Assert.Single(ended.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(("lookup_order", "123", "It ships Friday.", id), (recorded.GetProperty("name").GetString(), recorded.GetProperty("arguments").GetProperty("order_id").GetString(), recorded.GetProperty("result").GetString(), recorded.GetProperty("id").GetString()));

        // A late duplicate is ignored: no error, no new turn.
        await call.SendAsync(JsonSerializer.Serialize(new { type = "client_tool_result", tool_call_id = id, result = "Again." }));
        await call.SendAsync("""{"type":"dtmf_input","digit":"2"}""");
        List<JsonElement> next = await call.UntilTurnEndedAsync("assistant");
        Assert.DoesNotContain(next, e => Type(e) == "error");
        Assert.Equal("You pressed 2.", next[^1].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(4097, false, "error: result_too_large")]
    [InlineData(5, true, "error: nope!")]
    public async Task A_tool_result_over_4096_bytes_or_an_error_result_makes_the_agent_apologise(int length, bool isError, string recordedResult)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");
        await call.SendAudioAsync(Speak("Check my order 9 please.", "pcm_16000"), "pcm_16000");
        string id = (await call.UntilAsync(e => Type(e) == "client_tool_call"))[^1].GetProperty("tool_call_id").GetString()!;

        string result = isError ? "nope!" : new string('x', length);
        await call.SendAsync(JsonSerializer.Serialize(new { type = "client_tool_result", tool_call_id = id, result, is_error = isError }));
        List<JsonElement> answer = await call.UntilTurnEndedAsync("assistant");

        Assert.DoesNotContain(answer, e => Type(e) == "error");
        Assert.Equal("Sorry, I could not look up that order.", answer[^1].GetProperty("text").GetString());
        Assert.Equal(recordedResult, answer[^1].GetProperty("tool_calls")[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_tool_result_that_never_comes_times_out_on_the_emulators_clock()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock, Agents = { RealTimeFactor = 0, ClientToolTimeout = TimeSpan.FromSeconds(7) } });
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        await call.NextAsync();
        await call.UntilTurnEndedAsync("assistant");
        await call.SendAudioAsync(Speak("My order please.", "pcm_16000"), "pcm_16000");
        await call.UntilAsync(e => Type(e) == "client_tool_call");

        await clock.TimerStartedAsync(TimeSpan.FromSeconds(7));
        clock.Advance(TimeSpan.FromSeconds(7));
        List<JsonElement> answer = await call.UntilTurnEndedAsync("assistant");

        Assert.Equal("Sorry, I could not look up that order.", answer[^1].GetProperty("text").GetString());
        Assert.Equal("error: timeout", answer[^1].GetProperty("tool_calls")[0].GetProperty("result").GetString());
    }

    [Fact]
    public async Task Saying_goodbye_makes_the_agent_say_goodbye_and_hang_up_without_a_last_turn_ended()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync();
        string callId = (await call.NextAsync()).GetProperty("call_id").GetString()!;
        await call.UntilTurnEndedAsync("assistant");

        await call.SendAudioAsync(Speak("Thanks, goodbye.", "pcm_16000"), "pcm_16000");
        await call.UntilTurnEndedAsync("user");
        List<JsonElement> last = await call.UntilClosedAsync();

        Assert.Equal((WebSocketCloseStatus.NormalClosure, "call ended by agent"), (call.CloseStatus, call.CloseDescription));
        Assert.Equal(("turn_started", "assistant"), (Type(last[0]), last[0].GetProperty("role").GetString()));
        Assert.DoesNotContain(last, e => Type(e) == "turn_ended");
        Assert.Equal("Goodbye!", Deltas(last));
        Assert.Equal(["Goodbye!"], Heard(last, "pcm_16000"));

        using HttpClient http = ControlClient.Create(emulator);
        JsonElement record = await ManagedAgentConversationTests.WaitForAsync(http, callId, r => r.GetProperty("status").GetString() == "completed");
        Assert.Equal("call_ended", record.GetProperty("transcript").EnumerateArray().Last().GetProperty("end_reason").GetString());
    }

    [Fact]
    public async Task At_speaking_pace_the_audio_goes_out_in_20_ms_chunks_on_the_emulators_clock()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync("pcm_24000", "speaking_pace");
        await call.NextAsync();

        // Only the first chunk is due at once; each next one waits 20 ms on the clock.
        List<JsonElement> first = await call.UntilAsync(e => Type(e) == "audio_output");
        Assert.Equal(960, AudioOf(first[^1]).Length);
        await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(20));
        clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal("audio_output", Type(await call.NextAsync()));
        await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(20), count: 2);
        clock.Advance(TimeSpan.FromSeconds(10));
        List<JsonElement> rest = await call.UntilTurnEndedAsync("assistant");
        Assert.Equal(AgentScriptText.Greeting, rest[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task In_echo_mode_every_audio_input_comes_straight_back_and_the_agent_says_nothing()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Agents = { EchoMode = true } });
        await using AgentSocketClient call = await ManagedAsync(emulator);
        await call.SessionCreateAsync("mulaw_8000", "speaking_pace");
        Assert.Equal("session_ready", Type(await call.NextAsync()));

        byte[] frame = [.. Enumerable.Range(0, 160).Select(i => (byte)i)];
        for (int i = 0; i < 3; i++)
        {
            await call.SendAsync($$"""{"type":"audio_input","audio":"{{Convert.ToBase64String(frame)}}"}""");
            JsonElement echo = await call.NextAsync();
            Assert.Equal("audio_output", Type(echo));
            Assert.Equal(frame, AudioOf(echo));
        }
    }
}
