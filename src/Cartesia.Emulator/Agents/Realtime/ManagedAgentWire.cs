using System.Text.Json;
using Cartesia.Emulator.Hosting;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>The managed socket's server events (<c>type</c> discriminator, AGENTS-WEBSOCKET.md §3.2).</summary>
internal sealed class ManagedAgentWire(EmulatorWebSocket socket) : IAgentWire
{
    public Task AudioAsync(ReadOnlyMemory<byte> audio) => Send(w =>
    {
        w.WriteString("type", "audio_output");
        w.WriteBase64String("audio", audio.Span);
    });

    public Task ClearAsync() => Send(w => w.WriteString("type", "audio_output_clear"));

    public Task TurnStartedAsync(int turn, string role, double start) => Send(w =>
    {
        w.WriteString("type", "turn_started");
        w.WriteNumber("turn", turn);
        w.WriteString("role", role);
        w.WriteNumber("start_time", start);
    });

    public Task TextDeltaAsync(int turn, string text) => Send(w =>
    {
        w.WriteString("type", "turn_output_text_delta");
        w.WriteNumber("turn", turn);
        w.WriteString("role", "assistant");
        w.WriteString("text", text);
    });

    public Task TurnEndedAsync(int turn, string role, string text, bool interrupted, double start, double end, AgentToolCall? tool) => Send(w =>
    {
        w.WriteString("type", "turn_ended");
        w.WriteNumber("turn", turn);
        w.WriteString("role", role);
        w.WriteString("text", text);
        w.WriteBoolean("interrupted", interrupted);
        w.WriteNumber("start_time", start);
        w.WriteNumber("end_time", end);
        w.WriteStartArray("tool_calls");
        if (tool is not null)
        {
            w.WriteStartObject();
            w.WriteString("name", tool.Name);
            Parameters(w, "arguments", tool.Arguments);
            if (tool.Result is not null)
            {
                w.WriteString("result", tool.Result);
            }

            w.WriteString("id", tool.Id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public Task ToolCallAsync(AgentToolCall call) => Send(w =>
    {
        w.WriteString("type", "client_tool_call");
        w.WriteString("tool_call_id", call.Id);
        w.WriteString("tool_name", call.Name);
        Parameters(w, "parameters", call.Arguments);
        w.WriteBoolean("expects_response", true);
    });

    public Task DtmfAsync(string digit) => Send(w =>
    {
        w.WriteString("type", "dtmf_output");
        w.WriteString("digit", digit);
    });

    public Task TransferAsync(string number) => Task.CompletedTask;

    /// <summary>Sends <c>session_ready</c>.</summary>
    public Task ReadyAsync(string callId, string agentId, string versionId, AgentAudioFormat format, string delivery) => Send(w =>
    {
        w.WriteString("type", "session_ready");
        w.WriteString("call_id", callId);
        w.WriteString("agent_id", agentId);
        w.WriteString("agent_version_id", versionId);
        w.WriteStartObject("audio");
        w.WriteString("input_format", format.Name);
        w.WriteString("output_delivery", delivery);
        w.WriteEndObject();
    });

    /// <summary>Sends an <c>error</c> event.</summary>
    public Task ErrorAsync(string code, string message, bool fatal) => Send(w =>
    {
        w.WriteString("type", "error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteBoolean("fatal", fatal);
    });

    private static void Parameters(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> values)
    {
        w.WriteStartObject(name);
        foreach ((string key, string value) in values)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private Task<bool> Send(Action<Utf8JsonWriter> body) => socket.SendTextAsync(JsonReply.Build(w =>
    {
        w.WriteStartObject();
        body(w);
        w.WriteEndObject();
    }));
}
