using System.Text.Json;
using Cartesia.Core.Audio;
using Cartesia.Core.Json;
using Cartesia.Core.WebSockets;

namespace Cartesia.Agents;

/// <summary>
/// The Line stream, <c>/agents/stream/{agent_id}</c> (AGENTS-WEBSOCKET.md §2): <c>event</c> messages, <c>start</c> →
/// <c>ack</c>, <c>media_input</c>, <c>dtmf</c>, <c>custom</c>, each carrying the <c>stream_id</c> the <c>ack</c> named.
/// </summary>
internal sealed class LineAgentProtocol : AgentProtocol
{
    private readonly AgentLineSessionOptions _options;
    private JsonEncodedText _streamId;

    public LineAgentProtocol(string escapedAgentId, AgentLineSessionOptions options)
    {
        _options = options;
        Path = $"/agents/stream/{escapedAgentId}";
        if (options.StreamId is { } streamId)
        {
            SetStreamId(streamId);
        }
        else
        {
            SetAudioFraming("{\"event\":\"media_input\",\"media\":{\"payload\":\""u8.ToArray(), "\"}}"u8.ToArray());
        }
    }

    public override string Path { get; }

    public override WebSocketAuthStyle AuthStyle => WebSocketAuthStyle.Standard;

    public override string Operation => "agents.line_stream";

    public override string OptionsName => nameof(AgentLineSessionOptions);

    /// <summary>The stream id every message carries (the client's, or the one <c>ack</c> named).</summary>
    public string? StreamId { get; private set; }

    public override byte[] OpeningMessage() => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("event", "start");
        if (_options.StreamId is { } streamId)
        {
            w.WriteString("stream_id", streamId);
        }

        w.WriteStartObject("config");
        w.WriteString("input_format", _options.InputFormat.Value);
        if (_options.VoiceId is { } voice)
        {
            w.WriteString("voice_id", voice);
        }

        w.WriteEndObject();
        if (_options.Agent is { } agent && (agent.SystemPrompt is not null || agent.Introduction is not null))
        {
            w.WriteStartObject("agent");
            if (agent.SystemPrompt is not null)
            {
                w.WriteString("system_prompt", agent.SystemPrompt);
            }

            if (agent.Introduction is not null)
            {
                w.WriteString("introduction", agent.Introduction);
            }

            w.WriteEndObject();
        }

        if (_options.To is not null || _options.From is not null || _options.Metadata.Count > 0)
        {
            w.WriteStartObject("metadata");
            if (_options.To is not null)
            {
                w.WriteString("to", _options.To);
            }

            if (_options.From is not null)
            {
                w.WriteString("from", _options.From);
            }

            foreach ((string key, object? value) in _options.Metadata)
            {
                w.WritePropertyName(key);
                AgentJsonValues.Write(w, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    });

    public override byte[] DtmfMessage(char digit) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("event", "dtmf");
        WriteStreamId(w);
        w.WriteString("dtmf", digit.ToString());
        w.WriteEndObject();
    });

    public byte[] CustomMessage(IEnumerable<KeyValuePair<string, object?>> metadata) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("event", "custom");
        WriteStreamId(w);
        w.WritePropertyName("metadata");
        AgentJsonValues.WriteObject(w, metadata);
        w.WriteEndObject();
    });

    public override bool IsReady(AgentEvent e)
    {
        if (e is not AgentAckEvent ack)
        {
            return false;
        }

        if (StreamId is null && ack.StreamId is { Length: > 0 } id)
        {
            SetStreamId(id);
        }

        return true;
    }

    public override AgentEvent Parse(ReadOnlySpan<byte> json, bool pooledAudio)
    {
        var e = new EventReader(json);
        string? type = null, streamId = null, digit = null;
        (byte[] Buffer, int Length, bool Pooled)? audio = null;
        JsonElement? config = null, agent = null, metadata = null, transfer = null;
        try
        {
            while (e.NextField())
            {
                ref Utf8JsonReader r = ref e.Json;
                if (r.ValueTextEquals("event"u8))
                {
                    type = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("stream_id"u8))
                {
                    streamId = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("media"u8))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.StartObject)
                    {
                        r.Skip();
                        continue;
                    }

                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        if (r.ValueTextEquals("payload"u8) && audio is null)
                        {
                            r.Read();
                            audio = ReadAudioValue(ref r, pooledAudio);
                        }
                        else
                        {
                            r.Skip();
                        }
                    }
                }
                else if (r.ValueTextEquals("dtmf"u8))
                {
                    digit = JsonReading.ReadString(ref r);
                }
                else if (r.ValueTextEquals("config"u8))
                {
                    config = JsonReading.ReadElement(ref r);
                }
                else if (r.ValueTextEquals("agent"u8))
                {
                    agent = JsonReading.ReadElement(ref r);
                }
                else if (r.ValueTextEquals("metadata"u8))
                {
                    metadata = JsonReading.ReadElement(ref r);
                }
                else if (r.ValueTextEquals("transfer"u8))
                {
                    transfer = JsonReading.ReadElement(ref r);
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
                AudioBufferPool.Instance.Return(rented.Buffer);
            }

            throw;
        }

        Dictionary<string, JsonElement>? extra = e.Extra;
        type ??= e.Type ?? throw new JsonException("The message has no \"event\".");
        if (type != "media_output" && audio is { Pooled: true } unused)
        {
            AudioBufferPool.Instance.Return(unused.Buffer);
        }

        return type switch
        {
            "ack" => new AgentAckEvent { StreamId = streamId, Config = config, Agent = agent, AdditionalProperties = extra },
            "media_output" => ManagedAgentProtocol.ToAudioEvent(type, audio ?? throw new JsonException("media_output has no \"media.payload\"."), extra, streamId),
            "clear" => new AgentAudioClearEvent(type) { StreamId = streamId, AdditionalProperties = extra },
            "dtmf" => new AgentDtmfEvent(type, digit ?? throw new JsonException("dtmf has no \"dtmf\" digit.")) { StreamId = streamId, AdditionalProperties = extra },
            "custom" => new AgentCustomEvent { Metadata = metadata ?? default, StreamId = streamId, AdditionalProperties = extra },
            "transfer_call" => new AgentTransferCallEvent
            {
                Transfer = transfer,
                TargetPhoneNumber = transfer is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("target_phone_number", out JsonElement number) && number.ValueKind == JsonValueKind.String ? number.GetString() : null,
                StreamId = streamId,
                AdditionalProperties = extra,
            },
            _ => new AgentUnknownEvent(type, EventReader.Payload(json)),
        };
    }

    private void SetStreamId(string streamId)
    {
        StreamId = streamId;
        _streamId = JsonEncodedText.Encode(streamId);
        byte[] prefix = [.. "{\"event\":\"media_input\",\"stream_id\":\""u8, .. _streamId.EncodedUtf8Bytes, .. "\",\"media\":{\"payload\":\""u8];
        SetAudioFraming(prefix, "\"}}"u8.ToArray());
    }

    private void WriteStreamId(Utf8JsonWriter writer)
    {
        if (StreamId is not null)
        {
            writer.WriteString("stream_id", _streamId);
        }
    }
}
