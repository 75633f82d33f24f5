using System.Text.Json;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>The legacy socket's server events (<c>event</c> discriminator, AGENTS-WEBSOCKET.md §2.2): no turn, text or tool events.</summary>
internal sealed class LegacyAgentWire(EmulatorWebSocket socket) : IAgentWire
{
    /// <summary>The call's stream id, on every message.</summary>
    public string StreamId { get; set; } = string.Empty;

    public Task AudioAsync(ReadOnlyMemory<byte> audio) => Send("media_output", w =>
    {
        w.WriteStartObject("media");
        w.WriteBase64String("payload", audio.Span);
        w.WriteEndObject();
    });

    public Task ClearAsync() => Send("clear", null);

    public Task TurnStartedAsync(int turn, string role, double start) => Task.CompletedTask;

    public Task TextDeltaAsync(int turn, string text) => Task.CompletedTask;

    public Task TurnEndedAsync(int turn, string role, string text, bool interrupted, double start, double end, AgentToolCall? tool) => Task.CompletedTask;

    public Task ToolCallAsync(AgentToolCall call) => Task.CompletedTask;

    public Task DtmfAsync(string digit) => Send("dtmf", w => w.WriteString("dtmf", digit));

    public Task TransferAsync(string number) => Send("transfer_call", w =>
    {
        w.WriteStartObject("transfer");
        w.WriteString("target_phone_number", number);
        w.WriteEndObject();
    });

    /// <summary>Sends <c>ack</c> with the resolved config (and the agent overrides, when sent).</summary>
    public Task AckAsync(JsonElement config, string voiceId, JsonElement? agent) => Send("ack", w =>
    {
        w.WriteStartObject("config");
        foreach (JsonProperty property in config.EnumerateObject())
        {
            property.WriteTo(w);
        }

        if (!config.TryGetProperty("voice_id", out _))
        {
            w.WriteString("voice_id", voiceId);
        }

        w.WriteEndObject();
        if (agent is { } overrides)
        {
            w.WritePropertyName("agent");
            overrides.WriteTo(w);
        }
    });

    /// <summary>Sends <c>custom</c> with the given metadata.</summary>
    public Task CustomAsync(JsonElement metadata) => Send("custom", w =>
    {
        w.WritePropertyName("metadata");
        metadata.WriteTo(w);
    });

    private Task<bool> Send(string name, Action<Utf8JsonWriter>? body) => socket.SendTextAsync(JsonReply.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("event", name);
        w.WriteString("stream_id", StreamId);
        body?.Invoke(w);
        w.WriteEndObject();
    }));
}
