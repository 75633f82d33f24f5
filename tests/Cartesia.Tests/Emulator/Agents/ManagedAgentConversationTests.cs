using System.Net.Http.Json;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Words = Cartesia.Tests.Support.Speech;
using static Cartesia.Tests.Emulator.Agents.AgentSocketClient;

namespace Cartesia.Tests.Emulator.Agents;

/// <summary>
/// Issue 17 (emulator): the seeded agent on the managed socket converses in the emulator's decodable speech — a
/// greeting, each user turn heard and answered by the documented script, with turn events and text deltas that match
/// the audio, and the call recorded.
/// </summary>
public class ManagedAgentConversationTests
{
    private static CartesiaEmulatorOptions Fast() => new() { Agents = { RealTimeFactor = 0 } };

    [Theory]
    [InlineData("pcm_16000")]
    [InlineData("mulaw_8000")]
    [InlineData("pcm_24000")]
    [InlineData("pcm_44100")]
    public async Task The_agent_greets_then_answers_what_it_heard_in_speech_that_decodes(string format)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);

        await call.SessionCreateAsync(format, "speaking_pace");
        JsonElement ready = await call.NextAsync();
        Assert.Equal("session_ready", Type(ready));
        Assert.Equal(SupportAgent, ready.GetProperty("agent_id").GetString());
        Assert.Equal(format, ready.GetProperty("audio").GetProperty("input_format").GetString());
        Assert.Equal("speaking_pace", ready.GetProperty("audio").GetProperty("output_delivery").GetString());

        List<JsonElement> greeting = await call.UntilTurnEndedAsync("assistant");
        Assert.Equal(("turn_started", 1, "assistant"), (Type(greeting[0]), greeting[0].GetProperty("turn").GetInt32(), greeting[0].GetProperty("role").GetString()));
        JsonElement greetingEnd = greeting[^1];
        Assert.Equal(1, greetingEnd.GetProperty("turn").GetInt32());
        Assert.Equal("Hello! How can I help you today?", greetingEnd.GetProperty("text").GetString());
        Assert.False(greetingEnd.GetProperty("interrupted").GetBoolean());
        Assert.Equal(greetingEnd.GetProperty("text").GetString(), Deltas(greeting));
        Assert.Equal(Words.WordsOf("Hello! How can I help you today?"), Heard(greeting, format));

        await call.SendAudioAsync(Speak("What are your hours?", format), format);
        List<JsonElement> user = await call.UntilTurnEndedAsync("user");
        Assert.Equal(("turn_started", 2, "user"), (Type(user[0]), user[0].GetProperty("turn").GetInt32(), user[0].GetProperty("role").GetString()));
        Assert.Equal("What are your hours?", user[^1].GetProperty("text").GetString());
        Assert.Equal(2, user[^1].GetProperty("turn").GetInt32());

        List<JsonElement> reply = await call.UntilTurnEndedAsync("assistant");
        Assert.Equal(3, reply[^1].GetProperty("turn").GetInt32());
        Assert.Equal("You said: What are your hours?", reply[^1].GetProperty("text").GetString());
        Assert.Equal("You said: What are your hours?", Deltas(reply));
        Assert.Equal(Words.WordsOf("You said: What are your hours?"), Heard(reply, format));
        Assert.All(reply.Where(e => Type(e) == "turn_output_text_delta"), d => Assert.Equal(3, d.GetProperty("turn").GetInt32()));
    }

    [Fact]
    public async Task Each_text_delta_comes_just_before_the_audio_of_its_word()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        await using AgentSocketClient call = await ManagedAsync(emulator);

        await call.SessionCreateAsync("pcm_16000");
        await call.NextAsync();
        List<JsonElement> greeting = await call.UntilTurnEndedAsync("assistant");

        // Before each delta, the audio sent so far does not yet hold the word; the 20 ms chunks that follow do.
        int deltas = 0;
        for (int i = 0; i < greeting.Count; i++)
        {
            if (Type(greeting[i]) != "turn_output_text_delta")
            {
                continue;
            }

            deltas++;
            Assert.Equal(deltas - 1, Heard(greeting.Take(i), "pcm_16000").Length);
        }

        Assert.Equal(Words.WordsOf(AgentScriptText.Greeting).Length, deltas);
        Assert.All(greeting.Where(e => Type(e) == "audio_output"), a => Assert.True(AudioOf(a).Length <= 640));
    }

    [Fact]
    public async Task The_call_is_recorded_with_both_sides_and_its_audio_transcribes_back()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        string callId;
        await using (AgentSocketClient call = await ManagedAsync(emulator))
        {
            await call.SessionCreateAsync("pcm_16000");
            callId = (await call.NextAsync()).GetProperty("call_id").GetString()!;
            await call.UntilTurnEndedAsync("assistant");
            using HttpClient during = ControlClient.Create(emulator);
            JsonElement active = await GetJsonAsync(during, $"agents/calls/{callId}");
            Assert.Equal("active", active.GetProperty("status").GetString());

            await call.SendAudioAsync(Speak("Is it raining?", "pcm_16000"), "pcm_16000");
            await call.UntilTurnEndedAsync("assistant");
            await call.CloseAsync();
        }

        using HttpClient http = ControlClient.Create(emulator);
        JsonElement record = await WaitForAsync(http, callId, r => r.GetProperty("status").GetString() == "completed");
        Assert.Equal(SupportAgent, record.GetProperty("agent_id").GetString());
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("end_time").ValueKind);
        (string Role, string? Text)[] transcript = [.. record.GetProperty("transcript").EnumerateArray().Select(t => (t.GetProperty("role").GetString()!, t.GetProperty("text").GetString()))];
        Assert.Equal([("assistant", AgentScriptText.Greeting), ("user", "Is it raining?"), ("assistant", "You said: Is it raining?")], transcript);

        JsonElement list = await GetJsonAsync(http, $"agents/calls?agent_id={SupportAgent}");
        Assert.Contains(list.GetProperty("data").EnumerateArray(), c => c.GetProperty("id").GetString() == callId);

        using var audioRequest = new HttpRequestMessage(HttpMethod.Get, $"agents/calls/{callId}/audio");
        audioRequest.Headers.Add("Cartesia-Version", "2026-08-14");
        using HttpResponseMessage audioResponse = await http.SendAsync(audioRequest);
        Assert.Equal("audio/wav", audioResponse.Content.Headers.ContentType?.MediaType);
        byte[] wav = await audioResponse.Content.ReadAsByteArrayAsync();
        var format = Cartesia.Audio.WavHeader.Read(wav);
        float[] samples = Cartesia.Audio.PcmCodec.Decode(wav.AsSpan((int)format.DataOffset), format.Encoding);
        string[] heard = [.. Cartesia.Emulator.Speech.SpeechRecognizer.Recognize(samples, format.SampleRate).Select(w => w.Word)];
        Assert.Equal(Words.WordsOf($"{AgentScriptText.Greeting} Is it raining? You said: Is it raining?"), heard);
    }

    [Fact]
    public async Task With_a_state_directory_a_finished_call_is_saved_for_the_next_emulator()
    {
        string directory = Directory.CreateTempSubdirectory("cartesia-agents-").FullName;
        try
        {
            string callId;
            await using (CartesiaEmulator first = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = directory, Agents = { RealTimeFactor = 0 } }))
            {
                await using AgentSocketClient call = await ManagedAsync(first);
                await call.SessionCreateAsync();
                callId = (await call.NextAsync()).GetProperty("call_id").GetString()!;
                await call.UntilTurnEndedAsync("assistant");
                await call.SendAsync("""{"type":"dtmf_input","digit":"3"}""");
                await call.UntilTurnEndedAsync("assistant");
                await call.CloseAsync();

                // No REST request here: those save the whole state too; the socket must save its call itself.
                await first.Journal.WaitForAsync(r => r.Path.StartsWith("/v1/agents/websocket/", StringComparison.Ordinal) && r.Completed, TimeSpan.FromSeconds(10));
            }

            await using CartesiaEmulator second = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { StateDirectory = directory });
            using HttpClient again = ControlClient.Create(second);
            JsonElement record = await GetJsonAsync(again, $"agents/calls/{callId}");
            Assert.Equal("completed", record.GetProperty("status").GetString());
            Assert.Equal("You pressed 3.", record.GetProperty("transcript")[1].GetProperty("text").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cartesia-Version", "2026-08-14");
        using HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<JsonElement> WaitForAsync(HttpClient http, string callId, Func<JsonElement, bool> condition)
    {
        for (int attempt = 0; ; attempt++)
        {
            JsonElement record = await GetJsonAsync(http, $"agents/calls/{callId}");
            if (condition(record) || attempt == 200)
            {
                return record;
            }

            await Task.Delay(50);
        }
    }
}
