using System.Buffers;
using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>Writes the body of <c>POST /v1/agents/websocket/{agent_id}/sessions</c> (AGENTS-WEBSOCKET.md §1.2).</summary>
internal static class AgentSessionRequestWriter
{
    public static byte[] Write(AgentWebSocketSessionRequest? request)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            if (request is { DynamicVariables.Count: > 0 })
            {
                w.WritePropertyName("dynamic_variables");
                AgentJsonValues.WriteObject(w, request.DynamicVariables);
            }

            if (request?.ConfigOverrides is { } o)
            {
                w.WriteStartObject("config_overrides");
                if (o.Instructions is not null)
                {
                    w.WriteString("instructions", o.Instructions);
                }

                if (o.InitialMessage is not null)
                {
                    w.WriteString("initial_message", o.InitialMessage);
                }

                if (o.Language is { } language)
                {
                    w.WritePropertyName("language");
                    language.WriteTo(w);
                }

                if (o.VoiceId is not null || o.Speed is not null)
                {
                    w.WriteStartObject("audio");
                    w.WriteStartObject("output");
                    if (o.VoiceId is not null)
                    {
                        w.WriteString("voice_id", o.VoiceId);
                    }

                    if (o.Speed is { } speed)
                    {
                        w.WriteNumber("speed", speed);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }
}
