using System.Text.Json;
using Cartesia.Agents;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;
using static Cartesia.Tests.Agents.Realtime.AgentCallDriver;

namespace Cartesia.Tests.Agents.Realtime;

/// <summary>Issue 17 (SDK): a call with the emulator's Line agent through <see cref="AgentsClient.ConnectLineStreamAsync"/>, over real sockets.</summary>
public class LineAgentSessionTests
{
    private const string Path = "/agents/stream/" + SupportAgent;

    [Fact]
    public async Task Start_carries_every_field_and_the_agent_answers_a_turn_with_media_on_the_acked_stream()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        var options = new AgentLineSessionOptions { InputFormat = AgentAudioFormat.Mulaw8000, StreamId = "call-42", To = "+15551230000", From = "+15559870000", Agent = new AgentLineOverrides { SystemPrompt = "Be brief." } };
        options.Metadata["crm_id"] = "abc";

        await using AgentLineSession call = await client.Agents.ConnectLineStreamAsync(SupportAgent, options);
        Assert.Equal("call-42", call.StreamId);
        await using IAsyncEnumerator<AgentEvent> events = call.ReadEventsAsync().GetAsyncEnumerator();
        var seen = new List<AgentEvent>();
        AgentAckEvent ack = await UntilAsync<AgentAckEvent>(events, seen);
        Assert.Equal("call-42", ack.StreamId);
        Assert.Equal("mulaw_8000", ack.Config!.Value.GetProperty("input_format").GetString());

        await call.SendAudioAsync(Speak("Is it raining?", AgentAudioFormat.Mulaw8000));
        await call.SendCustomAsync(new Dictionary<string, object?> { ["user_id"] = "user123", ["n"] = 2 });
        AgentCustomEvent custom = await UntilAsync<AgentCustomEvent>(events, seen);
        Assert.Equal("user123", custom.Metadata.GetProperty("user_id").GetString());
        await UntilHeardAsync(events, seen, AgentAudioFormat.Mulaw8000, Speech.WordsOf(Greeting + " You said: Is it raining?"));
        AgentCallEnd end = await call.EndAsync();
        Assert.Equal(AgentCallEndReason.UserEnded, end.Reason);
        Assert.All(seen.OfType<AgentAudioEvent>(), a => Assert.Equal("call-42", a.StreamId));

        IReadOnlyList<EmulatorWebSocketMessage> sent = Assert.Single(emulator.Journal.For(Path)).WebSocketMessages;
        using JsonDocument start = JsonDocument.Parse(sent[0].Data);
        Assert.Equal("start", start.RootElement.GetProperty("event").GetString());
        Assert.Equal("+15551230000", start.RootElement.GetProperty("metadata").GetProperty("to").GetString());
        Assert.Equal("abc", start.RootElement.GetProperty("metadata").GetProperty("crm_id").GetString());
        Assert.Equal("Be brief.", start.RootElement.GetProperty("agent").GetProperty("system_prompt").GetString());
        Assert.All(sent.Skip(1), m => Assert.Contains("\"stream_id\":\"call-42\"", m.Text, StringComparison.Ordinal));
        Assert.All(sent.Skip(1).Where(m => m.Text.Contains("media_input", StringComparison.Ordinal)), m => Assert.True(JsonDocument.Parse(m.Data).RootElement.GetProperty("media").GetProperty("payload").GetBytesFromBase64().Length <= 160));
    }

    [Fact]
    public async Task A_generated_stream_id_comes_from_ack_a_key_is_acknowledged_and_a_transfer_is_an_event_before_the_agent_hangs_up()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        await using AgentLineSession call = await client.Agents.ConnectLineStreamAsync(SupportAgent);
        Assert.StartsWith("sid_", call.StreamId, StringComparison.Ordinal);

        await call.SendDtmfAsync("7");
        await call.SendAudioAsync(Speak("Please transfer me", AgentAudioFormat.Pcm16000));
        var events = new List<AgentEvent>();
        await foreach (AgentEvent e in call.ReadEventsAsync().WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            events.Add(e);
        }

        AgentTransferCallEvent transfer = Assert.Single(events.OfType<AgentTransferCallEvent>());
        Assert.Equal("+18005550100", transfer.TargetPhoneNumber);
        AgentCallEnd end = Assert.IsType<AgentCallEndedEvent>(events[^1]).End;
        Assert.Equal(AgentCallEndReason.AgentEnded, end.Reason);
        Assert.Equal("call ended by agent", end.CloseDescription);
        string[] heard = Heard(AudioOf(events), AgentAudioFormat.Pcm16000);
        Assert.Equal(Speech.WordsOf(Greeting + " You pressed 7. Transferring you now."), heard);
    }

    [Fact]
    public async Task The_line_stream_authenticates_with_a_bearer_header_and_takes_an_agent_token()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient server = emulator.CreateClient();
        await using (AgentLineSession keyed = await server.Agents.ConnectLineStreamAsync(SupportAgent))
        {
            Assert.StartsWith("Bearer ", emulator.Journal.For(Path)[0].Header("Authorization"), StringComparison.Ordinal);
            Assert.NotNull(emulator.Journal.For(Path)[0].Header("Cartesia-Version"));
        }

        string token = (await server.AccessTokens.CreateAsync(new Cartesia.AccessTokens.AccessTokenRequest { Grants = new Cartesia.AccessTokens.AccessTokenGrants { Agent = true } })).Token;
        using var browser = new CartesiaClient(CartesiaCredential.FromAccessToken(token), new CartesiaClientOptions { BaseUri = emulator.BaseUri });
        await using AgentLineSession call = await browser.Agents.ConnectLineStreamAsync(SupportAgent);
        CredentialAssert.Bearer(token, emulator.Journal.For(Path)[1]);
        Assert.Equal(AgentCallEndReason.UserEnded, (await call.EndAsync()).Reason);
    }

    [Fact]
    public async Task Metadata_to_and_from_keys_and_values_of_other_types_are_refused_before_anything_is_sent()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(Fast());
        using CartesiaClient client = emulator.CreateClient();
        var withTo = new AgentLineSessionOptions();
        withTo.Metadata["to"] = "+1555";
        var withObject = new AgentLineSessionOptions();
        withObject.Metadata["when"] = new object();

        Assert.Contains("AgentLineSessionOptions.To", (await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.ConnectLineStreamAsync(SupportAgent, withTo))).Message, StringComparison.Ordinal);
        Assert.Contains("[\"when\"]", (await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.ConnectLineStreamAsync(SupportAgent, withObject))).Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.For(Path));
    }
}
