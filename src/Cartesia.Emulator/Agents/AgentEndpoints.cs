using System.Globalization;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;
using Cartesia.Emulator.Tts;

namespace Cartesia.Emulator.Agents;

/// <summary>
/// <c>/agents</c>: agents, templates, phone numbers, calls (newest first, paged without <c>has_more</c>, audio as WAV
/// of the call's words), metrics (paged forward only), metric results (filters, paging, CSV export) and deployments.
/// </summary>
internal static class AgentEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/agents", ListAsync);
        app.MapGet("/agents/templates", TemplatesAsync);
        app.MapGet("/agents/calls", ListCallsAsync);
        app.MapGet("/agents/calls/{callId}", GetCallAsync);
        app.MapGet("/agents/calls/{callId}/audio", CallAudioAsync);
        app.MapGet("/agents/metrics", ListMetricsAsync);
        app.MapPost("/agents/metrics", CreateMetricAsync);
        app.MapGet("/agents/metrics/results", ListResultsAsync);
        app.MapGet("/agents/metrics/results/export", ExportResultsAsync);
        app.MapGet("/agents/metrics/{metricId}", GetMetricAsync);
        app.MapGet("/agents/deployments/{deploymentId}", GetDeploymentAsync);
        app.MapGet("/agents/{agentId}", GetAsync);
        app.MapPatch("/agents/{agentId}", UpdateAsync);
        app.MapDelete("/agents/{agentId}", DeleteAsync);
        app.MapGet("/agents/{agentId}/phone-numbers", PhoneNumbersAsync);
        app.MapGet("/agents/{agentId}/deployments", DeploymentsAsync);
        app.MapPost("/agents/{agentId}/metrics/{metricId}", AddMetricAsync);
        app.MapDelete("/agents/{agentId}/metrics/{metricId}", RemoveMetricAsync);
    }

    private static AgentRecord Agent(AgentStore store, string id)
        => store.Agents.Find(RouteIds.Decode(id)) ?? throw new ApiError(404, "agent_not_found", "Agent not found", $"Agent '{RouteIds.Decode(id)}' was not found.");

    private static MetricRecord MetricOf(AgentStore store, string id)
        => store.Metrics.Find(RouteIds.Decode(id)) ?? throw new ApiError(404, "metric_not_found", "Metric not found", $"Metric '{RouteIds.Decode(id)}' was not found.");

    private static AgentCallRecord CallOf(AgentStore store, string id)
        => store.Calls.Find(RouteIds.Decode(id)) ?? throw new ApiError(404, "call_not_found", "Call not found", $"Call '{RouteIds.Decode(id)}' was not found.");

    private static int DeploymentCount(AgentStore store, string agentId) => store.Deployments.All.Count(d => d.AgentId == agentId);

    private static Task ListAsync(HttpContext context)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("summaries");
            foreach (AgentRecord agent in store.Agents.All)
            {
                AgentJson.Agent(w, agent, DeploymentCount(store, agent.Id));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task GetAsync(HttpContext context, string agentId)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        AgentRecord agent = Agent(store, agentId);
        return JsonReply.WriteAsync(context, w => AgentJson.Agent(w, agent, DeploymentCount(store, agent.Id)));
    }

    private static Task UpdateAsync(HttpContext context, string agentId)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        AgentStore store = state.Agents;
        AgentRecord agent = Agent(store, agentId);
        JsonElement body = RequestJson.Object(api);
        string? voice = RequestJson.Optional(body, "tts_voice");
        if (voice is not null && state.Voices.Find(voice) is null)
        {
            throw new ApiError(400, "voice_not_found", "Invalid voice", $"Voice '{voice}' was not found.");
        }

        string? language = RequestJson.Optional(body, "tts_language");
        if (language is not null && !ModelCatalog.TtsLanguages.Contains(language))
        {
            throw ApiError.BadRequest("Invalid language", $"'{language}' is not a supported language.");
        }

        string? name = RequestJson.Optional(body, "name");
        if (name is not null && store.Agents.All.Any(a => a.Name == name && a.Id != agent.Id))
        {
            throw new ApiError(409, "conflict", "Conflict", $"An agent named '{name}' already exists.");
        }

        AgentRecord updated = agent with
        {
            Name = name ?? agent.Name,
            Description = RequestJson.Has(body, "description") ? RequestJson.Optional(body, "description") : agent.Description,
            TtsVoice = voice ?? agent.TtsVoice,
            TtsLanguage = language ?? agent.TtsLanguage,
            UpdatedAt = state.Now,
        };
        store.Agents.Put(updated);
        return JsonReply.WriteAsync(context, w => AgentJson.Agent(w, updated, DeploymentCount(store, updated.Id)));
    }

    private static Task DeleteAsync(HttpContext context, string agentId)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        store.Agents.Remove(Agent(store, agentId).Id);
        return JsonReply.NoContentAsync(context);
    }

    private static Task TemplatesAsync(HttpContext context)
        => JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("templates");
            AgentJson.Template(w, "tmpl_basic_chat", "Basic chat", "A minimal voice agent that chats with an LLM.", "examples/basic_chat", ["OPENAI_API_KEY"]);
            AgentJson.Template(w, "tmpl_form_filler", "Form filler", "Collects structured details over the phone.", "examples/form_filler", ["OPENAI_API_KEY", "FORM_WEBHOOK_URL"]);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static Task PhoneNumbersAsync(HttpContext context, string agentId)
    {
        AgentRecord agent = Agent(ApiHandler.Begin(context).State.Agents, agentId);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartArray();
            if (agent.Phone is not null)
            {
                AgentJson.PhoneNumber(w, agent);
            }

            w.WriteEndArray();
        });
    }

    private static Task ListCallsAsync(HttpContext context)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        string agentId = context.Request.Query["agent_id"].ToString();
        if (agentId.Length == 0)
        {
            throw new ApiError(422, "invalid_request", "Invalid request", "The agent_id query parameter is required.");
        }

        _ = Agent(store, agentId);
        string expand = context.Request.Query["expand"].ToString();
        if (expand.Length > 0 && expand != "transcript")
        {
            throw ApiError.Invalid($"expand '{expand}' is not supported; the only value is transcript.");
        }

        List<AgentCallRecord> calls = store.Calls.All.Where(c => c.AgentId == agentId).OrderByDescending(c => c.StartTime).ToList();
        Page<AgentCallRecord> page = Paging.Apply(context.Request, calls, c => c.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, (w2, c) => AgentJson.Call(w2, c, expand == "transcript"), includeHasMore: false));
    }

    private static Task GetCallAsync(HttpContext context, string callId)
    {
        AgentCallRecord call = CallOf(ApiHandler.Begin(context).State.Agents, callId);
        return JsonReply.WriteAsync(context, w => AgentJson.Call(w, call, transcript: true));
    }

    private static async Task CallAudioAsync(HttpContext context, string callId)
    {
        AgentCallRecord call = CallOf(ApiHandler.Begin(context).State.Agents, callId);
        var output = new OutputSpec("wav", "pcm_s16le", 8000, null);
        byte[] audio = AudioRenderer.Render(SpeechSynthesizer.Synthesize(call.SpokenText, output.SampleRate), output);
        context.Response.ContentType = "audio/wav";
        context.Response.ContentLength = audio.Length;
        await context.Response.Body.WriteAsync(audio, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task ListMetricsAsync(HttpContext context)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        Page<MetricRecord> page = Paging.Apply(context.Request, store.Metrics.All, m => m.Id, defaultLimit: 10, allowEndingBefore: false);
        return JsonReply.WriteAsync(context, w => page.Write(w, AgentJson.Metric));
    }

    private static Task CreateMetricAsync(HttpContext context)
    {
        (ApiContext api, EmulatorState state) = ApiHandler.Begin(context);
        JsonElement body = RequestJson.Object(api);
        string name = RequestJson.Required(body, "name");
        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.'))
        {
            throw ApiError.Invalid($"Metric name '{name}' may hold only lower-case letters, digits, '_', '-' and '.'.");
        }

        var metric = new MetricRecord(RouteIds.New("metric"), name, RequestJson.Optional(body, "display_name"), RequestJson.Required(body, "prompt"), state.Now);
        if (!state.Agents.Metrics.TryAdd(metric, m => m.Name == name))
        {
            throw new ApiError(409, "conflict", "Conflict", $"A metric named '{name}' already exists.");
        }

        return JsonReply.WriteAsync(context, w => AgentJson.Metric(w, metric));
    }

    private static Task GetMetricAsync(HttpContext context, string metricId)
    {
        MetricRecord metric = MetricOf(ApiHandler.Begin(context).State.Agents, metricId);
        return JsonReply.WriteAsync(context, w => AgentJson.Metric(w, metric));
    }

    private static Task AddMetricAsync(HttpContext context, string agentId, string metricId)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        store.Attach(Agent(store, agentId).Id, MetricOf(store, metricId).Id);
        return JsonReply.NoContentAsync(context);
    }

    private static Task RemoveMetricAsync(HttpContext context, string agentId, string metricId)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        AgentRecord agent = Agent(store, agentId);
        MetricRecord metric = MetricOf(store, metricId);
        return store.Detach(agent.Id, metric.Id)
            ? JsonReply.NoContentAsync(context)
            : throw ApiError.NotFound($"Metric '{metric.Id}' is not added to agent '{agent.Id}'.");
    }

    private static List<MetricResultRecord> FilterResults(HttpRequest request, AgentStore store)
    {
        IEnumerable<MetricResultRecord> results = store.Results.All;
        foreach ((string parameter, Func<MetricResultRecord, string> field) in new (string, Func<MetricResultRecord, string>)[]
        {
            ("agent_id", r => r.AgentId), ("deployment_id", r => r.DeploymentId), ("metric_id", r => r.MetricId), ("call_id", r => r.CallId),
        })
        {
            if (request.Query[parameter].ToString() is { Length: > 0 } value)
            {
                results = results.Where(r => field(r) == value);
            }
        }

        if (Date(request, "start_date") is { } start)
        {
            results = results.Where(r => r.CreatedAt >= start);
        }

        if (Date(request, "end_date") is { } end)
        {
            results = results.Where(r => r.CreatedAt <= end);
        }

        return results.ToList();
    }

    private static DateTimeOffset? Date(HttpRequest request, string parameter)
    {
        string text = request.Query[parameter].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw ApiError.Invalid($"{parameter} '{text}' is not an ISO 8601 date-time.");
    }

    private static Task ListResultsAsync(HttpContext context)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        Page<MetricResultRecord> page = Paging.Apply(context.Request, FilterResults(context.Request, store), r => r.Id);
        return JsonReply.WriteAsync(context, w => page.Write(w, (w2, r) => AgentJson.Result(w2, r, store.Calls.Find(r.CallId))));
    }

    private static async Task ExportResultsAsync(HttpContext context)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        List<MetricResultRecord> results = FilterResults(context.Request, store);
        if (results.Count == 0)
        {
            throw ApiError.NotFound("No metric results found for the given filters.");
        }

        var csv = new StringBuilder("id,metricId,metricName,agentId,callId,deploymentId,status,result,value,createdAt\n");
        foreach (MetricResultRecord r in results)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Id},{r.MetricId},{r.MetricName},{r.AgentId},{r.CallId},{r.DeploymentId},{r.Status},{r.Result},{r.Score},{JsonReply.FormatTime(r.CreatedAt)}\n");
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        await context.Response.WriteAsync(csv.ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static Task DeploymentsAsync(HttpContext context, string agentId)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        AgentRecord agent = Agent(store, agentId);
        return JsonReply.WriteAsync(context, w =>
        {
            w.WriteStartArray();
            foreach (DeploymentRecord d in store.Deployments.All.Where(d => d.AgentId == agent.Id))
            {
                AgentJson.Deployment(w, d);
            }

            w.WriteEndArray();
        });
    }

    private static Task GetDeploymentAsync(HttpContext context, string deploymentId)
    {
        AgentStore store = ApiHandler.Begin(context).State.Agents;
        string id = RouteIds.Decode(deploymentId);
        DeploymentRecord deployment = store.Deployments.Find(id) ?? throw new ApiError(404, "deployment_not_found", "Deployment not found", $"Deployment '{id}' was not found.");
        return JsonReply.WriteAsync(context, w => AgentJson.Deployment(w, deployment));
    }
}
