using System.Text.Json;
using Cartesia.Core.Json;
using Cartesia.Core.WebSockets;

namespace Cartesia.Agents;

/// <summary>
/// The managed agents socket, <c>/v1/agents/websocket/{agent_id}</c> (AGENTS-WEBSOCKET.md §3): <c>type</c> events,
/// <c>session_create</c> → <c>session_ready</c>, <c>audio_input</c>, <c>dtmf_input</c>, <c>client_tool_result</c>.
/// </summary>
internal sealed class ManagedAgentProtocol : AgentProtocol
{
    private readonly AgentSessionOptions _options;
    private readonly HashSet<string> _handledTools;

    public ManagedAgentProtocol(string escapedAgentId, AgentSessionOptions options, IEnumerable<string> handledTools)
    {
        _options = options;
        _handledTools = new HashSet<string>(handledTools, StringComparer.Ordinal);
        Path = $"/v1/agents/websocket/{escapedAgentId}";
        SetAudioFraming("{\"type\":\"audio_input\",\"audio\":\""u8.ToArray(), "\"}"u8.ToArray());
    }

    public override string Path { get; }

    public override WebSocketAuthStyle AuthStyle => WebSocketAuthStyle.ManagedAgents;

    public override string Operation => "agents.websocket";

    public override string OptionsName => nameof(AgentSessionOptions);

    public override byte[] OpeningMessage() => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "session_create");
        w.WriteStartObject("audio");
        w.WriteString("input_format", _options.InputFormat.Value);
        if (_options.OutputDelivery is { } delivery)
        {
            w.WriteString("output_delivery", delivery.Value);
        }

        w.WriteEndObject();
        if (_options.DynamicVariables.Count > 0)
        {
            w.WritePropertyName("dynamic_variables");
            AgentJsonValues.WriteObject(w, _options.DynamicVariables);
        }

        w.WriteEndObject();
    });

    public override byte[] DtmfMessage(char digit) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "dtmf_input");
        w.WriteString("digit", digit.ToString());
        w.WriteEndObject();
    });

    public static byte[] ToolResultMessage(string toolCallId, string result, bool isError, string? errorType) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "client_tool_result");
        w.WriteString("tool_call_id", toolCallId);
        w.WriteString("result", result);
        w.WriteBoolean("is_error", isError);
        if (errorType is not null)
        {
            w.WriteString("error_type", errorType);
        }

        w.WriteEndObject();
    });

    public override bool IsReady(AgentEvent e) => e is AgentSessionReadyEvent;

    public override AgentEvent Parse(ReadOnlySpan<byte> json, bool pooledAudio)
    {
        var e = new EventReader(json);
        (byte[] Buffer, int Length, bool Pooled)? audio = null;
        string? callId = null, agentId = null, versionId = null, inputFormat = null, outputDelivery = null;
        string? digit = null, toolCallId = null, toolName = null, role = null, text = null;
        JsonElement parameters = default;
        JsonElement? toolCalls = null;
        bool? expectsResponse = null, interrupted = null, fatal = null;
        int? turn = null;
        double? startTime = null, endTime = null, eagerEnd = null;
        try
        {
            while (e.NextField())
            {
                ref Utf8JsonReader r = ref e.Json;
                if (r.ValueTextEquals("audio"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.StartObject)
                    {
                        // session_ready.audio: { input_format, output_delivery }
                        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                        {
                            if (r.ValueTextEquals("input_format"u8))
                            {
                                inputFormat = JsonReading.ReadString(ref r);
                            }
                            else if (r.ValueTextEquals("output_delivery"u8))
                            {
                                outputDelivery = JsonReading.ReadString(ref r);
                            }
                            else
                            {
                                r.Skip();
                            }
                        }
                    }
                    else
                    {
                        audio = ReadAudioValue(ref r, pooledAudio);
                    }
                }
                else if (r.ValueTextEquals("call_id"u8))
                {
                    callId = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("agent_id"u8))
                {
                    agentId = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("agent_version_id"u8))
                {
                    versionId = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("digit"u8))
                {
                    digit = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("tool_call_id"u8))
                {
                    toolCallId = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("tool_name"u8))
                {
                    toolName = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("parameters"u8))
                {
                    parameters = JsonReading.ReadElement(ref r);
                }
                else if (r.ValueTextEquals("expects_response"u8))
                {
                    expectsResponse = JsonReading.ReadBoolean(ref r);
                }
                else if (r.ValueTextEquals("turn"u8))
                {
                    turn = JsonReading.ReadInt32(ref r);
                }
                else if (r.ValueTextEquals("role"u8))
                {
                    role = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("text"u8))
                {
                    text = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("interrupted"u8))
                {
                    interrupted = JsonReading.ReadBoolean(ref r);
                }
                else if (r.ValueTextEquals("start_time"u8))
                {
                    startTime = JsonReading.ReadDouble(ref r);
                }
                else if (r.ValueTextEquals("end_time"u8))
                {
                    endTime = JsonReading.ReadDouble(ref r);
                }
                else if (r.ValueTextEquals("eager_end_timestamp"u8))
                {
                    eagerEnd = JsonReading.ReadDouble(ref r);
                }
                else if (r.ValueTextEquals("tool_calls"u8))
                {
                    toolCalls = JsonReading.ReadElement(ref r);
                }
                else if (r.ValueTextEquals("fatal"u8))
                {
                    fatal = JsonReading.ReadBoolean(ref r);
                }
                else
                {
                    e.KeepUnknown();
                }
            }
        }
        catch
        {
            if (audio is { Pooled: true } rented)
            {
                Core.Audio.AudioBufferPool.Instance.Return(rented.Buffer);
            }

            throw;
        }

        Dictionary<string, JsonElement>? extra = e.Extra;
        string type = e.Type ?? throw EventReader.NoType();
        switch (type)
        {
            case "audio_output":
                return ToAudioEvent(type, audio ?? throw new JsonException("audio_output has no \"audio\"."), extra);
            case "audio_output_clear":
                return new AgentAudioClearEvent(type) { AdditionalProperties = extra };
            case "dtmf_output":
                return new AgentDtmfEvent(type, digit ?? throw new JsonException("dtmf_output has no \"digit\".")) { AdditionalProperties = extra };
            case "session_ready":
                return new AgentSessionReadyEvent
                {
                    CallId = callId ?? string.Empty,
                    AgentId = agentId ?? string.Empty,
                    AgentVersionId = versionId,
                    InputFormat = inputFormat is null ? (AgentAudioFormat?)null : new AgentAudioFormat(inputFormat),
                    OutputDelivery = outputDelivery is null ? (AgentOutputDelivery?)null : new AgentOutputDelivery(outputDelivery),
                    AdditionalProperties = extra,
                };
            case "turn_started":
                return new AgentTurnStartedEvent { Turn = turn ?? 0, Role = RoleOf(role), StartTime = startTime ?? 0, AdditionalProperties = extra };
            case "turn_output_text_delta":
                return new AgentTurnTextDeltaEvent { Turn = turn ?? 0, Role = RoleOf(role ?? "assistant"), Text = text ?? string.Empty, AdditionalProperties = extra };
            case "turn_ended":
                return new AgentTurnEndedEvent
                {
                    Turn = turn ?? 0,
                    Role = RoleOf(role),
                    Text = text ?? string.Empty,
                    Interrupted = interrupted ?? false,
                    StartTime = startTime ?? 0,
                    EndTime = endTime ?? 0,
                    EagerEndTimestamp = eagerEnd,
                    ToolCalls = ReadToolCalls(toolCalls),
                    AdditionalProperties = extra,
                };
            case "client_tool_call":
                return new AgentToolCallEvent
                {
                    ToolCallId = toolCallId ?? throw new JsonException("client_tool_call has no \"tool_call_id\"."),
                    ToolName = toolName ?? string.Empty,
                    Parameters = parameters,
                    ExpectsResponse = expectsResponse ?? false,
                    IsHandled = toolName is not null && _handledTools.Contains(toolName),
                    AdditionalProperties = extra,
                };
            case "error":
                return new AgentErrorEvent
                {
                    Code = e.Error.Code ?? e.Error.NumericCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown",
                    Message = e.Error.Message ?? e.Error.LegacyError ?? e.Error.Title ?? string.Empty,
                    Fatal = fatal ?? false,
                    AdditionalProperties = extra,
                };
            default:
                if (audio is { Pooled: true } unused)
                {
                    Core.Audio.AudioBufferPool.Instance.Return(unused.Buffer);
                }

                return new AgentUnknownEvent(type, EventReader.Payload(json));
        }
    }

    internal static AgentAudioEvent ToAudioEvent(string type, (byte[] Buffer, int Length, bool Pooled) audio, Dictionary<string, JsonElement>? extra, string? streamId = null)
        => audio.Pooled
            ? new AgentAudioEvent(type, audio.Buffer, audio.Length) { StreamId = streamId, AdditionalProperties = extra }
            : new AgentAudioEvent(type, audio.Buffer.AsMemory(0, audio.Length)) { StreamId = streamId, AdditionalProperties = extra };

    private static TranscriptRole RoleOf(string? role) => string.IsNullOrEmpty(role) ? TranscriptRole.Assistant : new TranscriptRole(role);

    private static AgentTurnToolCall[] ReadToolCalls(JsonElement? toolCalls)
    {
        if (toolCalls is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        var calls = new List<AgentTurnToolCall>();
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            Dictionary<string, JsonElement>? extra = null;
            string name = string.Empty;
            string? result = null, id = null;
            JsonElement arguments = default;
            JsonElement? updates = null;
            foreach (JsonProperty property in item.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "name":
                        name = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : string.Empty;
                        break;
                    case "arguments":
                        arguments = property.Value;
                        break;
                    case "result":
                        result = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                        break;
                    case "id":
                        id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                        break;
                    case "dynamic_variable_updates":
                        updates = property.Value;
                        break;
                    default:
                        (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[property.Name] = property.Value;
                        break;
                }
            }

            calls.Add(new AgentTurnToolCall { Name = name, Arguments = arguments, Result = result, Id = id, DynamicVariableUpdates = updates, AdditionalProperties = extra });
        }

        return calls.ToArray();
    }
}
