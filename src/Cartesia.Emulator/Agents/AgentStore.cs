using Cartesia.Emulator.Catalog;

namespace Cartesia.Emulator.Agents;

/// <summary>The account's agents and everything about them, seeded with a support agent that has taken calls.</summary>
internal sealed class AgentStore
{
    public const string SupportAgentId = "agent_7Jq2mXc9Lr4T";
    public const string BookingAgentId = "agent_3Vb8nWd1Kp6S";

    private readonly object _gate = new();
    private readonly HashSet<(string Agent, string Metric)> _attached = [];

    public AgentStore()
    {
        Seed();
    }

    public RecordStore<AgentRecord> Agents { get; } = new(a => a.Id);

    public RecordStore<AgentCallRecord> Calls { get; } = new(c => c.Id);

    public RecordStore<MetricRecord> Metrics { get; } = new(m => m.Id);

    public RecordStore<MetricResultRecord> Results { get; } = new(r => r.Id);

    public RecordStore<DeploymentRecord> Deployments { get; } = new(d => d.Id);

    /// <summary>Session tokens minted by <c>POST /v1/agents/websocket/{agent_id}/sessions</c>, by token.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Realtime.AgentSessionGrant> SessionTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>How many calls are open on the Agents WebSockets (both paths).</summary>
    public int OpenCalls;

    public bool Attach(string agentId, string metricId)
    {
        lock (_gate)
        {
            return _attached.Add((agentId, metricId));
        }
    }

    public bool Detach(string agentId, string metricId)
    {
        lock (_gate)
        {
            return _attached.Remove((agentId, metricId));
        }
    }

    /// <summary>Every (agent, metric) attachment, for saving the state.</summary>
    public IReadOnlyList<(string Agent, string Metric)> Attachments
    {
        get
        {
            lock (_gate)
            {
                return [.. _attached];
            }
        }
    }

    /// <summary>Replaces every attachment at once (loading a saved state).</summary>
    public void ReplaceAttachments(IEnumerable<(string Agent, string Metric)> attachments)
    {
        lock (_gate)
        {
            _attached.Clear();
            _attached.UnionWith(attachments);
        }
    }

    public bool IsAttached(string agentId, string metricId)
    {
        lock (_gate)
        {
            return _attached.Contains((agentId, metricId));
        }
    }

    private void Seed()
    {
        DateTimeOffset t0 = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
        Agents.Put(new AgentRecord(SupportAgentId, "support-line", "Answers support calls and books callbacks.", VoiceCatalog.DefaultVoiceId, "en", t0, t0.AddDays(20))
        {
            GitRepository = ("github", "cartesia-demo", "support-line"),
            GitDeployBranch = "main",
            Phone = ("pn_5Hs2Qa7Ue1", "+14155550123"),
            HasTextToAgentRun = true,
        });
        Agents.Put(new AgentRecord(BookingAgentId, "booking-bot", null, "694f9389-aac1-45b6-b726-9d9369183238", "en", t0.AddDays(3), t0.AddDays(3)));

        Deployments.Put(new DeploymentRecord("dep_1Aa9Zk2Lm3", SupportAgentId, "inactive", false, false, "4f2c1e9", t0.AddDays(1)));
        Deployments.Put(new DeploymentRecord("dep_2Bb8Yj3Kn4", SupportAgentId, "deployed", true, true, "9a7d3b2", t0.AddDays(19)));
        Deployments.Put(new DeploymentRecord("dep_3Cc7Xi4Jo5", BookingAgentId, "build_error", true, false, "c0ffee1", t0.AddDays(3)) { BuildError = "ModuleNotFoundError: No module named 'calendar_api'" });

        string[] issues = ["a late delivery", "a billing question", "a password reset", "a broken headset", "an address change"];
        for (int i = 0; i < issues.Length; i++)
        {
            DateTimeOffset start = t0.AddDays(20 + i).AddHours(i);
            string status = i == 3 ? "failed" : "completed";
            var turns = new List<TranscriptTurn>
            {
                new("assistant", "Hello, thanks for calling support.", 0.2, 2.1) { EndReason = "tts_completed" },
                new("user", $"Hi, I am calling about {issues[i]}.", 2.6, 4.9),
                new("system", null, 5.0, 5.0) { LogEvent = ("intent_detected", new Dictionary<string, string> { ["intent"] = issues[i] }) },
                new("assistant", "Let me look that up for you.", 5.2, 6.8) { EndReason = "tts_completed", ToolCall = ($"tool_{i}", "lookup_account", new Dictionary<string, string> { ["topic"] = issues[i] }) },
                new("system", null, 6.9, 6.9) { LogMetric = ("lookup_ms", 180 + (i * 10)) },
                new("assistant", "All done, goodbye.", 7.0, 8.4) { EndReason = "call_ended" },
            };
            string callId = $"call_{i + 1:D2}{"QwErTyUiOp"[i * 2]}{"AsDfGhJkLz"[i * 2]}";
            Calls.Put(new AgentCallRecord(callId, SupportAgentId, status, start, start.AddSeconds(8.4), turns)
            {
                Summary = $"The caller asked about {issues[i]}; the agent looked it up.",
                ErrorMessage = status == "failed" ? "The caller's line dropped." : null,
                DeploymentId = "dep_2Bb8Yj3Kn4",
                Telephony = ("+14155550123", $"+1415555{1000 + i}"),
            });
        }

        Metrics.Put(new MetricRecord("metric_resolved", "resolved", "Issue resolved", "Did the agent resolve the caller's issue? Answer yes or no.", t0.AddDays(2)));
        Metrics.Put(new MetricRecord("metric_polite", "politeness", null, "Rate the agent's politeness from 1 to 5.", t0.AddDays(2)));
        Attach(SupportAgentId, "metric_resolved");
        Attach(SupportAgentId, "metric_polite");
        int n = 0;
        foreach (AgentCallRecord call in Calls.All)
        {
            bool failed = call.Status == "failed";
            Results.Put(new MetricResultRecord($"mres_{++n:D3}", "metric_resolved", "resolved", call.AgentId, call.Id, call.DeploymentId!, failed ? "no" : "yes", failed ? 0 : 1, "completed", call.EndTime!.Value.AddMinutes(1)));
            Results.Put(new MetricResultRecord($"mres_{++n:D3}", "metric_polite", "politeness", call.AgentId, call.Id, call.DeploymentId!, failed ? "unparseable" : "5", failed ? null : 5, failed ? "failed" : "completed", call.EndTime!.Value.AddMinutes(1)));
        }
    }
}
