using System.Net.WebSockets;
using System.Text.Json;
using Cartesia.Emulator.Hosting;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// One call on the legacy socket <c>/agents/stream/{agent_id}</c> (AGENTS-WEBSOCKET.md §2, U5–U10, U20–U22): the first
/// message must be <c>start</c> with a known <c>config.input_format</c> (else close 1008, no <c>ack</c>); <c>ack</c>
/// echoes the config (with the agent's <c>voice_id</c> when none was sent) and <c>agent</c>; <c>stream_id</c> is the
/// client's or <c>sid_</c> and 32 hex digits. Afterwards there are no error events: a malformed message, binary
/// frame, <c>media_input</c> of another stream id or unknown event is ignored. <c>custom</c> is echoed back. Idle after
/// <see cref="EmulatorAgentOptions.LegacyInactivityTimeout"/> without any message.
/// </summary>
internal sealed class LegacyAgentSession : AgentSocketSession
{
    private readonly LegacyAgentWire _wire;
    private bool _started;

    public LegacyAgentSession(EmulatorWebSocket socket, CartesiaEmulator emulator, AgentRecord agent)
        : base(socket, emulator, agent)
    {
        _wire = new LegacyAgentWire(socket);
    }

    protected override TimeSpan InactivityTimeout => Options.LegacyInactivityTimeout;

    protected override async Task HandleAsync(WebSocketMessageType type, byte[] data)
    {
        Touch();
        if (type == WebSocketMessageType.Binary)
        {
            return;
        }

        JsonElement root = default;
        string? eventName = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(data);
            root = document.RootElement.Clone();
            if (Protocol.JsonStrings.Problem(root) is null && root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("event", out JsonElement e) && e.ValueKind == JsonValueKind.String)
            {
                eventName = e.GetString();
            }
        }
        catch (JsonException)
        {
        }

        if (!_started)
        {
            await StartAsync(root, eventName).ConfigureAwait(false);
            return;
        }

        if (eventName is not ("media_input" or "dtmf" or "custom") || !root.TryGetProperty("stream_id", out JsonElement sid)
            || sid.ValueKind != JsonValueKind.String || sid.GetString() != _wire.StreamId)
        {
            return;
        }

        switch (eventName)
        {
            case "media_input":
                if (root.TryGetProperty("media", out JsonElement media) && media.ValueKind == JsonValueKind.Object
                    && media.TryGetProperty("payload", out JsonElement payload) && payload.ValueKind == JsonValueKind.String
                    && payload.TryGetBytesFromBase64(out byte[]? audio))
                {
                    await (Conversation is { } conversation ? conversation.HearAsync(audio) : _wire.AudioAsync(audio)).ConfigureAwait(false);
                }

                break;
            case "dtmf":
                if (root.TryGetProperty("dtmf", out JsonElement d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: 1 } digit
                    && (char.IsAsciiDigit(digit[0]) || digit is "*" or "#"))
                {
                    Conversation?.Pressed(digit);
                }

                break;
            case "custom":
                if (root.TryGetProperty("metadata", out JsonElement metadata) && metadata.ValueKind == JsonValueKind.Object)
                {
                    await _wire.CustomAsync(metadata).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task StartAsync(JsonElement root, string? eventName)
    {
        if (eventName != "start")
        {
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "the first message must be a start event").ConfigureAwait(false);
            return;
        }

        if (!root.TryGetProperty("config", out JsonElement config) || config.ValueKind != JsonValueKind.Object
            || !config.TryGetProperty("input_format", out JsonElement f) || f.ValueKind != JsonValueKind.String
            || AgentAudioFormat.Find(f.GetString()) is not { } format)
        {
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "start needs config.input_format: mulaw_8000, pcm_16000, pcm_24000 or pcm_44100").ConfigureAwait(false);
            return;
        }

        JsonElement? agent = root.TryGetProperty("agent", out JsonElement a) && a.ValueKind == JsonValueKind.Object ? a : null;
        JsonElement? metadata = root.TryGetProperty("metadata", out JsonElement m) && m.ValueKind == JsonValueKind.Object ? m : null;
        _wire.StreamId = root.TryGetProperty("stream_id", out JsonElement sid) && sid.ValueKind == JsonValueKind.String && sid.GetString() is { Length: > 0 } given
            ? given
            : "sid_" + Guid.NewGuid().ToString("N");
        string to = metadata is { } md && md.TryGetProperty("to", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : Agent.Id;
        string from = metadata is { } md2 && md2.TryGetProperty("from", out JsonElement fr) && fr.ValueKind == JsonValueKind.String ? fr.GetString()! : "websocket";
        string? greeting = agent is { } overrides && overrides.TryGetProperty("introduction", out JsonElement intro) && intro.ValueKind == JsonValueKind.String
            ? intro.GetString()
            : AgentScript.DefaultGreeting;

        _started = true;
        var recorder = new AgentCallRecorder(Emulator.State, Agent.Id, (to, from));
        AgentConversation? conversation = Options.EchoMode
            ? null
            : new AgentConversation(_wire, format, Clock, recorder, Options.RealTimeFactor, Options.ClientToolTimeout, legacy: true, AgentHungUpAsync);
        Started(recorder, conversation);
        await _wire.AckAsync(config, Agent.TtsVoice, agent).ConfigureAwait(false);
        conversation?.Start(greeting);
    }
}
