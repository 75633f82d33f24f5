using System.Text.Json;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Agents;

/// <summary>Writes the agents' JSON shapes (metric results use camelCase keys, as the service does).</summary>
internal static class AgentJson
{
    public static void Agent(Utf8JsonWriter w, AgentRecord a, int deploymentCount)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("name", a.Name);
        w.StringOrNull("description", a.Description);
        w.Time("created_at", a.CreatedAt);
        w.Time("updated_at", a.UpdatedAt);
        w.WriteString("tts_voice", a.TtsVoice);
        w.WriteString("tts_language", a.TtsLanguage);
        w.WriteNull("webhook_id");
        w.WriteNull("deleted_at");
        if (a.GitRepository is { } repo)
        {
            w.WriteStartObject("git_repository");
            w.WriteString("provider", repo.Provider);
            w.WriteString("account", repo.Account);
            w.WriteString("name", repo.Name);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("git_repository");
        }

        w.StringOrNull("git_deploy_branch", a.GitDeployBranch);
        w.WriteStartArray("phone_numbers");
        if (a.Phone is { } phone)
        {
            w.WriteStartObject();
            w.WriteString("id", phone.Id);
            w.WriteString("number", phone.Number);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("has_text_to_agent_run", a.HasTextToAgentRun);
        w.WriteNumber("deployment_count", deploymentCount);
        w.WriteEndObject();
    }

    public static void PhoneNumber(Utf8JsonWriter w, AgentRecord a)
    {
        w.WriteStartObject();
        w.WriteString("agent_id", a.Id);
        w.WriteString("number", a.Phone!.Value.Number);
        w.Time("created_at", a.CreatedAt);
        w.Time("updated_at", a.UpdatedAt);
        w.WriteBoolean("is_cartesia_managed", true);
        w.WriteEndObject();
    }

    public static void Call(Utf8JsonWriter w, AgentCallRecord c, bool transcript)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("agent_id", c.AgentId);
        w.Time("start_time", c.StartTime);
        w.TimeOrNull("end_time", c.EndTime);
        if (transcript)
        {
            Transcript(w, "transcript", c.Turns);
        }

        if (c.Telephony is { } phone)
        {
            w.WriteStartObject("telephony_params");
            w.WriteString("to", phone.To);
            w.WriteString("from", phone.From);
            w.WriteEndObject();
        }

        w.StringOrNull("summary", c.Summary);
        w.WriteString("status", c.Status);
        w.StringOrNull("error_message", c.ErrorMessage);
        w.StringOrNull("deployment_id", c.DeploymentId);
        w.WriteEndObject();
    }

    public static void Transcript(Utf8JsonWriter w, string name, IReadOnlyList<TranscriptTurn> turns)
    {
        w.WriteStartArray(name);
        foreach (TranscriptTurn t in turns)
        {
            w.WriteStartObject();
            w.WriteString("role", t.Role);
            w.StringOrNull("text", t.Text);
            if (t.Text is not null)
            {
                w.WriteStartArray("text_chunks");
                w.WriteStartObject();
                w.WriteString("text", t.Text);
                w.WriteNumber("start_timestamp", t.Start);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteNumber("start_timestamp", t.Start);
            w.WriteNumber("end_timestamp", t.End);
            if (t.EndReason is not null)
            {
                w.WriteString("end_reason", t.EndReason);
            }

            if (t.ToolCall is { } tool)
            {
                w.WriteStartArray("tool_calls");
                w.WriteStartObject();
                w.WriteString("id", tool.Id);
                w.WriteString("name", tool.Name);
                Strings(w, "arguments", tool.Arguments);
                if (t.ToolResult is not null)
                {
                    w.WriteString("result", t.ToolResult);
                }

                w.WriteEndObject();
                w.WriteEndArray();
            }

            if (t.Interrupted)
            {
                w.WriteBoolean("interrupted", true);
            }

            if (t.Role == "user")
            {
                w.WriteNumber("vad_buffer_ms", 300);
            }

            if (t.Role == "assistant")
            {
                w.WriteNumber("tts_ttfb", 0.09);
            }

            if (t.LogEvent is { } logEvent)
            {
                w.WriteStartObject("log_event");
                w.WriteString("event", logEvent.Event);
                Strings(w, "metadata", logEvent.Metadata);
                w.WriteNumber("timestamp", t.Start);
                w.WriteEndObject();
            }

            if (t.LogMetric is { } metric)
            {
                w.WriteStartObject("log_metric");
                w.WriteString("name", metric.Name);
                w.WriteNumber("value", metric.Value);
                w.WriteNumber("timestamp", t.Start);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Metric(Utf8JsonWriter w, MetricRecord m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("name", m.Name);
        w.StringOrNull("display_name", m.DisplayName);
        w.WriteString("prompt", m.Prompt);
        w.Time("created_at", m.CreatedAt);
        w.WriteEndObject();
    }

    public static void Result(Utf8JsonWriter w, MetricResultRecord r, AgentCallRecord? call)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("metricId", r.MetricId);
        w.WriteString("metricName", r.MetricName);
        w.WriteString("summary", call?.Summary ?? string.Empty);
        if (call is not null)
        {
            Transcript(w, "transcript", call.Turns);
        }

        w.WriteString("agentId", r.AgentId);
        w.WriteString("callId", r.CallId);
        w.WriteString("deploymentId", r.DeploymentId);
        w.WriteString("result", r.Result);
        if (r.Score is { } score)
        {
            w.WriteStartObject("jsonResult");
            w.WriteNumber("score", score);
            w.WriteEndObject();
            w.WriteNumber("value", score);
        }
        else
        {
            w.WriteNull("jsonResult");
            w.WriteNull("value");
        }

        w.WriteString("status", r.Status);
        w.WriteNull("runId");
        w.Time("createdAt", r.CreatedAt);
        w.WriteEndObject();
    }

    public static void Deployment(Utf8JsonWriter w, DeploymentRecord d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("agent_id", d.AgentId);
        w.WriteString("status", d.Status);
        w.WriteBoolean("is_pinned", d.IsPinned);
        w.WriteBoolean("is_live", d.IsLive);
        w.WriteString("env_var_collection_id", "envs_" + d.Id[4..]);
        w.WriteString("source_code_file_id", "src_" + d.Id[4..]);
        w.WriteString("git_commit_hash", d.GitCommitHash);
        w.Time("created_at", d.CreatedAt);
        w.Time("updated_at", d.CreatedAt.AddMinutes(4));
        w.Time("build_started_at", d.CreatedAt.AddSeconds(5));
        w.Time("build_completed_at", d.CreatedAt.AddMinutes(2));
        w.StringOrNull("build_error", d.BuildError);
        w.WriteString("build_logs", d.BuildError is null ? "Installing dependencies…\nBuild succeeded." : "Installing dependencies…\n" + d.BuildError);
        w.Time("deployment_started_at", d.CreatedAt.AddMinutes(2));
        w.Time("deployment_completed_at", d.CreatedAt.AddMinutes(4));
        w.WriteNull("deployment_error");
        w.WriteEndObject();
    }

    public static void Template(Utf8JsonWriter w, string id, string name, string description, string dir, string[] env)
    {
        DateTimeOffset at = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteString("description", description);
        w.WriteString("repo_url", "https://github.com/cartesia-ai/line");
        w.WriteString("root_dir", dir);
        JsonReply.Strings(w, "required_env_vars", env);
        JsonReply.Strings(w, "dependencies", ["cartesia-line"]);
        w.WriteString("owner_id", "cartesia");
        w.Time("created_at", at);
        w.Time("updated_at", at);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> values)
    {
        w.WriteStartObject(name);
        foreach ((string key, string value) in values)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }
}
