using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator.Hosting;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// One call on the managed socket <c>/v1/agents/websocket/{agent_id}</c> (AGENTS-WEBSOCKET.md §3): <c>session_create</c>
/// first and within the deadline (else a fatal <c>invalid_event</c> and 1008), checked strictly (unknown fields,
/// formats, dynamic variables: fatal errors sent instead of <c>session_ready</c>), then audio, DTMF and tool results,
/// each bad one answered with a non-fatal <c>invalid_event</c> and ignored. Idle after
/// <see cref="EmulatorAgentOptions.InactivityTimeout"/> without a valid event.
/// </summary>
internal sealed class ManagedAgentSession : AgentSocketSession
{
    private const string VersionId = "agent_version_1";
    private static readonly string[] SessionCreateFields = ["type", "audio", "dynamic_variables"];
    private static readonly string[] AudioFields = ["input_format", "output_delivery"];
    private readonly ManagedAgentWire _wire;
    private readonly bool _accessToken;
    private readonly AgentSessionGrant? _grant;
    private bool _created;

    public ManagedAgentSession(EmulatorWebSocket socket, CartesiaEmulator emulator, AgentRecord agent, bool accessToken, AgentSessionGrant? grant)
        : base(socket, emulator, agent)
    {
        _wire = new ManagedAgentWire(socket);
        _accessToken = accessToken;
        _grant = grant;
    }

    protected override TimeSpan InactivityTimeout => Options.InactivityTimeout;

    protected override TimeSpan? StartDeadline => Options.SessionCreateTimeout;

    protected override Task StartTimedOutAsync()
        => FatalAsync("invalid_event", $"No session_create arrived within {Options.SessionCreateTimeout.TotalSeconds:0.###} s of connecting.");

    protected override async Task HandleAsync(WebSocketMessageType type, byte[] data)
    {
        if (type == WebSocketMessageType.Binary)
        {
            await _wire.ErrorAsync("invalid_event", "Binary frames are not accepted: send JSON text events, with audio in base64.", fatal: false).ConfigureAwait(false);
            return;
        }

        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(data);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await RejectAsync($"The event is not valid JSON: {ex.Message}").ConfigureAwait(false);
            return;
        }

        if (Protocol.JsonStrings.Problem(root) is { } unreadable)
        {
            await RejectAsync($"The event is not valid JSON: {unreadable}.").ConfigureAwait(false);
            return;
        }

        string? eventType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!_created)
        {
            if (eventType != "session_create")
            {
                await FatalAsync("invalid_event", $"The first event must be session_create; got {(eventType is null ? "an event without a string 'type'" : $"'{eventType}'")}.").ConfigureAwait(false);
                return;
            }

            await CreateAsync(root).ConfigureAwait(false);
            return;
        }

        string? problem = eventType switch
        {
            "audio_input" => await AudioAsync(root).ConfigureAwait(false),
            "dtmf_input" => Dtmf(root),
            "client_tool_result" => ToolResult(root),
            "session_create" => "The session was already created; session_create is sent once.",
            null => "Every event needs a string 'type'.",
            _ => $"Unknown event type '{eventType}'; the client events are session_create, audio_input, dtmf_input and client_tool_result.",
        };
        if (problem is not null)
        {
            await _wire.ErrorAsync("invalid_event", problem, fatal: false).ConfigureAwait(false);
        }
        else
        {
            Touch();
        }
    }

    private Task RejectAsync(string problem)
        => _created ? _wire.ErrorAsync("invalid_event", problem, fatal: false) : FatalAsync("invalid_event", problem);

    private async Task FatalAsync(string code, string message)
    {
        await _wire.ErrorAsync(code, message, fatal: true).ConfigureAwait(false);
        await CloseAsync(WebSocketCloseStatus.PolicyViolation, code).ConfigureAwait(false);
    }

    private async Task CreateAsync(JsonElement root)
    {
        if (UnknownField(root, SessionCreateFields) is { } field)
        {
            await FatalAsync("invalid_event", $"session_create has an unknown field '{field}'; its fields are {string.Join(", ", SessionCreateFields)}.").ConfigureAwait(false);
            return;
        }

        if (!root.TryGetProperty("audio", out JsonElement audio) || audio.ValueKind != JsonValueKind.Object)
        {
            await FatalAsync("invalid_event", "session_create needs an 'audio' object with 'input_format'.").ConfigureAwait(false);
            return;
        }

        if (UnknownField(audio, AudioFields) is { } audioField)
        {
            await FatalAsync("invalid_event", $"session_create.audio has an unknown field '{audioField}'; its fields are input_format and output_delivery.").ConfigureAwait(false);
            return;
        }

        string? formatName = audio.TryGetProperty("input_format", out JsonElement f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (AgentAudioFormat.Find(formatName) is not { } format)
        {
            await FatalAsync("invalid_event", $"session_create.audio.input_format must be one of {string.Join(", ", AgentAudioFormat.Names)}; got {(formatName is null ? "none" : $"'{formatName}'")}.").ConfigureAwait(false);
            return;
        }

        string delivery = "speaking_pace";
        if (audio.TryGetProperty("output_delivery", out JsonElement d) && d.ValueKind != JsonValueKind.Null)
        {
            delivery = d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            if (delivery is not ("speaking_pace" or "as_available"))
            {
                await FatalAsync("invalid_event", "session_create.audio.output_delivery must be speaking_pace or as_available.").ConfigureAwait(false);
                return;
            }
        }

        IReadOnlyDictionary<string, string> variables = _grant?.Variables ?? new Dictionary<string, string>();
        if (root.TryGetProperty("dynamic_variables", out JsonElement given) && given.ValueKind != JsonValueKind.Null)
        {
            if (_accessToken)
            {
                await FatalAsync("dynamic_variables_not_allowed", "A session opened with an access token cannot set dynamic_variables: set them when creating the session (POST /v1/agents/websocket/{agent_id}/sessions).").ConfigureAwait(false);
                return;
            }

            (Dictionary<string, string>? values, string? problem) = DynamicVariables.Read(given);
            if (problem is not null)
            {
                await FatalAsync("invalid_dynamic_variables", problem).ConfigureAwait(false);
                return;
            }

            variables = values!;
        }

        string template = _grant?.InitialMessage ?? AgentScript.GreetingOf(Agent.Id);
        List<string> missing = AgentScript.VariablesOf(template).Where(v => !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            await FatalAsync("missing_dynamic_variables", $"The agent's welcome message needs the dynamic variable{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}.").ConfigureAwait(false);
            return;
        }

        _created = true;
        Touch();
        var recorder = new AgentCallRecorder(Emulator.State, Agent.Id, telephony: null);
        AgentConversation? conversation = Options.EchoMode
            ? null
            : new AgentConversation(_wire, format, Clock, recorder, delivery == "as_available" ? 0 : Options.RealTimeFactor, Options.ClientToolTimeout, legacy: false, AgentHungUpAsync);
        Started(recorder, conversation);
        await _wire.ReadyAsync(recorder.CallId, Agent.Id, VersionId, format, delivery).ConfigureAwait(false);
        conversation?.Start(AgentScript.Fill(template, variables));
    }

    private async Task<string?> AudioAsync(JsonElement root)
    {
        if (UnknownField(root, "type", "audio") is { } field)
        {
            return $"audio_input has an unknown field '{field}'.";
        }

        if (!root.TryGetProperty("audio", out JsonElement audio) || audio.ValueKind != JsonValueKind.String)
        {
            return "audio_input needs 'audio': base64 audio in the session's input_format.";
        }

        if (!audio.TryGetBytesFromBase64(out byte[]? bytes))
        {
            return "audio_input.audio is not valid base64.";
        }

        if (Conversation is { } conversation)
        {
            await conversation.HearAsync(bytes).ConfigureAwait(false);
        }
        else
        {
            await _wire.AudioAsync(bytes).ConfigureAwait(false);
        }

        return null;
    }

    private string? Dtmf(JsonElement root)
    {
        if (UnknownField(root, "type", "digit") is { } field)
        {
            return $"dtmf_input has an unknown field '{field}'.";
        }

        string? digit = root.TryGetProperty("digit", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (digit is not { Length: 1 } || !(char.IsAsciiDigit(digit[0]) || digit is "*" or "#"))
        {
            return "dtmf_input.digit must be one key: 0-9, * or #.";
        }

        Conversation?.Pressed(digit);
        return null;
    }

    private string? ToolResult(JsonElement root)
    {
        if (UnknownField(root, "type", "tool_call_id", "result", "is_error", "error_type") is { } field)
        {
            return $"client_tool_result has an unknown field '{field}'.";
        }

        string? id = root.TryGetProperty("tool_call_id", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        if (string.IsNullOrEmpty(id) || id.Length > AgentLimits.MaxToolCallIdChars)
        {
            return $"client_tool_result.tool_call_id must be a string of 1 to {AgentLimits.MaxToolCallIdChars} characters.";
        }

        if (!root.TryGetProperty("result", out JsonElement r) || r.ValueKind != JsonValueKind.String)
        {
            return "client_tool_result.result must be a string.";
        }

        bool isError = false;
        if (root.TryGetProperty("is_error", out JsonElement e) && e.ValueKind != JsonValueKind.Null)
        {
            if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "client_tool_result.is_error must be a boolean.";
            }

            isError = e.GetBoolean();
        }

        if (root.TryGetProperty("error_type", out JsonElement et) && et.ValueKind != JsonValueKind.Null
            && (et.ValueKind != JsonValueKind.String || Encoding.UTF8.GetByteCount(et.GetString()!) > AgentLimits.MaxErrorTypeBytes))
        {
            return $"client_tool_result.error_type must be a string of at most {AgentLimits.MaxErrorTypeBytes} UTF-8 bytes.";
        }

        Conversation?.ToolResult(id, r.GetString()!, isError);
        return null;
    }

    private static string? UnknownField(JsonElement element, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                return property.Name;
            }
        }

        return null;
    }
}
