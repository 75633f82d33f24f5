using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Emulator.Agents.AgentSocketClient;
using Words = Cartesia.Tests.Support.Speech;

namespace Cartesia.Tests.Emulator.Agents;

/// <summary>
/// Issue 17 (emulator): the legacy <c>/agents/stream</c> socket (AGENTS-WEBSOCKET.md §2, U5–U10, U20–U22): start
/// first, ack, media both ways with the same agent script, clear on barge-in, DTMF, custom echoed, transfer_call,
/// echo mode, and the call record with telephony parameters.
/// </summary>
public class LegacyAgentSocketTests
{
    private static CartesiaEmulatorOptions Fast() => new() { Agents = { RealTimeFactor = 0 } };

    [Fact]
    public async Task Start_is_acked_with_a_generated_stream_id_and_the_config_then_the_agent_greets_and_answers()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await LegacyAsync(emulator);

        await call.SendAsync("""{"event":"start","config":{"input_format":"mulaw_8000"},"agent":{"system_prompt":"Be brief."}}""");
        JsonElement ack = await call.NextAsync();

        Assert.Equal("ack", Type(ack));
        string streamId = ack.GetProperty("stream_id").GetString()!;
        Assert.Matches(new Regex("^sid_[0-9a-f]{32}$"), streamId);
        Assert.Equal("mulaw_8000", ack.GetProperty("config").GetProperty("input_format").GetString());
        Assert.Equal(CartesiaEmulator.DefaultVoiceId, ack.GetProperty("config").GetProperty("voice_id").GetString());
        Assert.Equal("Be brief.", ack.GetProperty("agent").GetProperty("system_prompt").GetString());

        List<JsonElement> greeting = await UntilHeardAsync(call, AgentScriptText.Greeting, "mulaw_8000");
        Assert.All(greeting, e => Assert.Equal(("media_output", streamId), (Type(e), e.GetProperty("stream_id").GetString())));

        await call.SendMediaAsync(Speak("Can you hear me?", "mulaw_8000"), "mulaw_8000", streamId);
        await UntilHeardAsync(call, "You said: Can you hear me?", "mulaw_8000");
    }

    [Fact]
    public async Task A_client_stream_id_is_kept_media_of_another_stream_is_dropped_and_an_empty_introduction_means_no_greeting()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await LegacyAsync(emulator);

        await call.SendAsync("""{"event":"start","stream_id":"call-42","config":{"input_format":"pcm_16000","voice_id":"v-1"},"agent":{"introduction":""}}""");
        JsonElement ack = await call.NextAsync();
        Assert.Equal(("call-42", "v-1"), (ack.GetProperty("stream_id").GetString(), ack.GetProperty("config").GetProperty("voice_id").GetString()));

        await call.SendMediaAsync(Speak("Ignore this.", "pcm_16000"), "pcm_16000", "other-stream");
        await call.SendMediaAsync(Speak("Hear this.", "pcm_16000"), "pcm_16000", "call-42");

        List<JsonElement> reply = await UntilHeardAsync(call, "You said: Hear this.", "pcm_16000");
        Assert.Equal(Words.WordsOf("You said: Hear this."), Heard(reply, "pcm_16000"));
    }

    [Theory]
    [InlineData("""{"event":"media_input","stream_id":"s","media":{"payload":"AAAA"}}""")]
    [InlineData("""{"event":"start","config":{}}""")]
    [InlineData("""{"event":"start","config":{"input_format":"pcm_8000"}}""")]
    [InlineData("""{"event":"start",""")]
    public async Task A_first_message_that_is_not_a_valid_start_closes_1008_without_ack(string first)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await LegacyAsync(emulator);

        await call.SendAsync(first);

        Assert.Null(await call.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, call.CloseStatus);
    }

    [Fact]
    public async Task Dtmf_is_acknowledged_and_custom_is_echoed()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await LegacyAsync(emulator);
        await call.SendAsync("""{"event":"start","stream_id":"s1","config":{"input_format":"pcm_24000"},"agent":{"introduction":""}}""");
        await call.NextAsync();

        await call.SendAsync("""{"event":"custom","stream_id":"s1","metadata":{"user_id":"user123"}}""");
        JsonElement custom = await call.NextAsync();
        Assert.Equal(("custom", "s1", "user123"), (Type(custom), custom.GetProperty("stream_id").GetString(), custom.GetProperty("metadata").GetProperty("user_id").GetString()));

        await call.SendAsync("""{"event":"dtmf","stream_id":"s1","dtmf":"7"}""");
        await UntilHeardAsync(call, "You pressed 7.", "pcm_24000");
    }

    [Fact]
    public async Task User_speech_while_the_agent_talks_sends_clear()
    {
        var clock = new TimerWatchingClock();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { TimeProvider = clock });
        await using AgentSocketClient call = await LegacyAsync(emulator);
        await call.SendAsync("""{"event":"start","stream_id":"s1","config":{"input_format":"pcm_16000"}}""");
        await call.NextAsync();

        // The greeting streams at speaking pace on the clock; user speech cuts it off with clear.
        await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(20));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        await call.SendMediaAsync(Speak("Stop.", "pcm_16000"), "pcm_16000", "s1");
        List<JsonElement> cut = await call.UntilAsync(e => Type(e) == "clear");

        Assert.Equal("s1", cut[^1].GetProperty("stream_id").GetString());
        Assert.True(Heard(cut, "pcm_16000").Length < Words.WordsOf(AgentScriptText.Greeting).Length, "the whole greeting went out before clear");
    }

    [Fact]
    public async Task Asking_for_a_transfer_sends_transfer_call_then_the_agent_hangs_up_and_the_call_is_recorded()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await LegacyAsync(emulator);
        await call.SendAsync("""{"event":"start","stream_id":"s2","config":{"input_format":"pcm_16000"},"metadata":{"from":"+15559870000"}}""");
        await call.NextAsync();
        await UntilHeardAsync(call, AgentScriptText.Greeting, "pcm_16000");

        await call.SendMediaAsync(Speak("Transfer me to sales.", "pcm_16000"), "pcm_16000", "s2");
        List<JsonElement> rest = await call.UntilClosedAsync();

        JsonElement transfer = Assert.Single(rest, e => Type(e) == "transfer_call");
        Assert.Equal("+18005550100", transfer.GetProperty("transfer").GetProperty("target_phone_number").GetString());
        Assert.Equal(Words.WordsOf("Transferring you now."), Heard(rest, "pcm_16000"));
        Assert.Equal((WebSocketCloseStatus.NormalClosure, "call ended by agent"), (call.CloseStatus, call.CloseDescription));

        using HttpClient http = ControlClient.Create(emulator);
        JsonElement calls = await ManagedAgentConversationTests.GetJsonAsync(http, $"agents/calls?agent_id={SupportAgent}&expand=transcript");
        JsonElement record = calls.GetProperty("data").EnumerateArray().First();
        Assert.Equal((SupportAgent, "+15559870000"), (record.GetProperty("telephony_params").GetProperty("to").GetString(), record.GetProperty("telephony_params").GetProperty("from").GetString()));
        Assert.Equal(["assistant", "user", "assistant"], record.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task In_echo_mode_media_input_comes_straight_back_as_media_output()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Agents = { EchoMode = true } });
        await using AgentSocketClient call = await LegacyAsync(emulator);
        await call.SendAsync("""{"event":"start","stream_id":"e","config":{"input_format":"mulaw_8000"}}""");
        Assert.Equal("ack", Type(await call.NextAsync()));

        byte[] frame = [.. Enumerable.Range(0, 160).Select(i => (byte)(255 - i))];
        await call.SendAsync($$$"""{"event":"media_input","stream_id":"e","media":{"payload":"{{{Convert.ToBase64String(frame)}}}"}}""");
        JsonElement echo = await call.NextAsync();

        Assert.Equal(("media_output", "e"), (Type(echo), echo.GetProperty("stream_id").GetString()));
        Assert.Equal(frame, AudioOf(echo));
    }

    /// <summary>Reads media until the audio so far says <paramref name="text"/>.</summary>
    private static async Task<List<JsonElement>> UntilHeardAsync(AgentSocketClient call, string text, string format)
    {
        string[] expected = Words.WordsOf(text);
        var events = new List<JsonElement>();
        while (true)
        {
            events.Add(await call.NextAsync());
            string[] heard = Heard(events, format);
            if (heard.Length >= expected.Length)
            {
                Assert.Equal(expected, heard);
                return events;
            }
        }
    }
}
