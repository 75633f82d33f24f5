using Cartesia.Agents;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Agents;

public class AgentsTests
{
    private const string Support = "agent_7Jq2mXc9Lr4T";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Agents_list_get_update_delete_templates_and_phone_numbers(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        AgentsClient agents = client.Agents;

        CartesiaList<AgentSummary> all = async ? await agents.ListAsync() : agents.List();
        AgentSummary support = async ? await agents.GetAsync(Support) : agents.Get(Support);
        AgentSummary updated = async
            ? await agents.UpdateAsync(Support, new AgentUpdateRequest { Description = "Now multilingual.", TtsLanguage = "fr" })
            : agents.Update(Support, new AgentUpdateRequest { Description = "Now multilingual.", TtsLanguage = "fr" });
        CartesiaList<AgentTemplate> templates = async ? await agents.ListTemplatesAsync() : agents.ListTemplates();
        CartesiaList<PhoneNumber> numbers = async ? await agents.ListPhoneNumbersAsync(Support) : agents.ListPhoneNumbers(Support);
        CartesiaResponseInfo deleted = async ? await agents.DeleteAsync("agent_3Vb8nWd1Kp6S") : agents.Delete("agent_3Vb8nWd1Kp6S");

        Assert.Equal(2, all.Count);
        Assert.Equal(200, all.Response!.StatusCode);
        Assert.Equal(("support-line", 2, "+14155550123"), (support.Name, support.DeploymentCount, Assert.Single(support.PhoneNumbers!).Number));
        Assert.Equal("github:cartesia-demo/support-line", support.GitRepository!.ToString());
        Assert.Equal(("Now multilingual.", "fr", "support-line"), (updated.Description, updated.TtsLanguage, updated.Name));
        Assert.Equal("{\"description\":\"Now multilingual.\",\"tts_language\":\"fr\"}", emulator.Journal.For($"/agents/{Support}").Single(r => r.Method == "PATCH").BodyText);
        Assert.Equal(2, templates.Count);
        Assert.Contains("OPENAI_API_KEY", templates[0].RequiredEnvVars!);
        PhoneNumber number = Assert.Single(numbers);
        Assert.Equal((Support, true), (number.AgentId, number.IsCartesiaManaged));
        Assert.Equal(204, deleted.StatusCode);
        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => agents.GetAsync("agent_3Vb8nWd1Kp6S"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Calls_page_newest_first_until_an_empty_page_with_transcripts_and_audio(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var options = new AgentCallListOptions { AgentId = Support, IncludeTranscript = true, Limit = 2 };

        List<AgentCall> calls = async ? await client.Agents.Calls.ListAsync(options).ToListAsync() : [.. client.Agents.Calls.List(options)];
        AgentCall one = async ? await client.Agents.Calls.GetAsync(calls[0].Id) : client.Agents.Calls.Get(calls[0].Id);
        byte[] wav;
        using (AudioResponse audio = async ? await client.Agents.Calls.DownloadAudioAsync(calls[0].Id) : client.Agents.Calls.DownloadAudio(calls[0].Id))
        {
            Assert.Equal(AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 8000).ToString(), audio.OutputFormat.ToString());
            wav = async ? await audio.ReadAllBytesAsync() : audio.ReadAllBytes();
        }

        Assert.Equal(5, calls.Count);
        Assert.True(calls.Zip(calls.Skip(1)).All(p => p.First.StartTime > p.Second.StartTime));
        IReadOnlyList<EmulatorRequest> pages = emulator.Journal.For("/agents/calls");
        Assert.Equal(4, pages.Count); // 2 + 2 + 1, then an empty page: /agents/calls has no has_more
        Assert.Equal($"?agent_id={Support}&expand=transcript&limit=2&starting_after={calls[3].Id}", pages[2].Query);
        Assert.DoesNotContain("has_more", pages[0].ResponseText, StringComparison.Ordinal);
        AgentTranscript tool = one.Transcript!.First(t => t.ToolCalls is not null);
        Assert.Equal(("lookup_account", TranscriptRole.Assistant), (tool.ToolCalls![0].Name, tool.Role));
        Assert.Equal("intent_detected", one.Transcript!.First(t => t.LogEvent is not null).LogEvent!.Event);
        Assert.Equal(AgentCallStatus.Completed, one.Status);
        Assert.StartsWith("+1", one.TelephonyParams!.From, StringComparison.Ordinal);
        string spoken = string.Join(' ', one.Transcript!.Where(t => t.Role != TranscriptRole.System).Select(t => t.Text));
        Assert.Equal(spoken, Clips.Words(wav, AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 8000)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Metrics_create_get_list_one_page_add_and_remove(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        AgentMetricsClient metrics = client.Agents.Metrics;
        var create = new MetricCreateRequest { Name = "empathy.v1", Prompt = "Was the agent empathetic?", DisplayName = "Empathy" };

        Metric created = async ? await metrics.CreateAsync(create) : metrics.Create(create);
        Metric fetched = async ? await metrics.GetAsync(created.Id) : metrics.Get(created.Id);
        CartesiaPage<Metric> first = async ? await metrics.ListAsync(new MetricListOptions { Limit = 2 }) : metrics.List(new MetricListOptions { Limit = 2 });
        CartesiaPage<Metric> second = async ? await metrics.ListAsync(new MetricListOptions { Limit = 2, StartingAfter = first.Data[^1].Id }) : metrics.List(new MetricListOptions { Limit = 2, StartingAfter = first.Data[^1].Id });
        CartesiaResponseInfo added = async ? await metrics.AddToAgentAsync(Support, created.Id) : metrics.AddToAgent(Support, created.Id);
        CartesiaResponseInfo removed = async ? await metrics.RemoveFromAgentAsync(Support, created.Id) : metrics.RemoveFromAgent(Support, created.Id);
        var conflict = await Assert.ThrowsAsync<CartesiaConflictException>(() => metrics.CreateAsync(create));
        var notAttached = Assert.Throws<CartesiaNotFoundException>(() => metrics.RemoveFromAgent(Support, created.Id));

        Assert.Equal(("empathy.v1", "Empathy"), (fetched.Name, fetched.DisplayName));
        Assert.Equal((2, true), (first.Data.Count, first.HasMore!.Value));
        Assert.Equal(created.Id, Assert.Single(second.Data).Id);
        Assert.False(second.HasMore);
        Assert.Single(emulator.Journal.For("/agents/metrics"), r => r.Method == "GET" && r.Query == "?limit=2");
        Assert.Equal((204, 204), (added.StatusCode, removed.StatusCode));
        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal(404, notAttached.StatusCode);
        Assert.Throws<ArgumentException>(() => metrics.Create(new MetricCreateRequest { Name = "Has Spaces", Prompt = "p" }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Metric_results_filter_page_and_export_as_csv(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        AgentMetricResultsClient results = client.Agents.Metrics.Results;
        var filter = new MetricResultFilter { AgentId = Support, MetricId = "metric_polite", StartDate = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero) };

        List<MetricResult> listed = async ? await results.ListAsync(filter, new CartesiaListOptions { Limit = 2 }).ToListAsync() : [.. results.List(filter, new CartesiaListOptions { Limit = 2 })];
        MetricResultsExport export = async ? await results.ExportAsync(filter) : results.Export(filter);
        var none = await Assert.ThrowsAsync<CartesiaNotFoundException>(() => results.ExportAsync(new MetricResultFilter { CallId = "call_none" }));

        Assert.Equal(5, listed.Count);
        Assert.All(listed, r => Assert.Equal(("politeness", Support), (r.MetricName, r.AgentId)));
        MetricResult failed = Assert.Single(listed, r => r.Status == MetricResultStatus.Failed);
        Assert.Null(failed.JsonResult);
        MetricResult ok = listed.First(r => r.Status == MetricResultStatus.Completed);
        Assert.Equal(5, ok.JsonResult!.Value.GetProperty("score").GetDouble());
        Assert.Equal(6, ok.Transcript!.Count);
        Assert.Equal(6, export.Lines.Count);
        Assert.StartsWith("id,metricId,metricName", export.Lines[0], StringComparison.Ordinal);
        Assert.Equal("text/csv", emulator.Journal.For("/agents/metrics/results/export")[0].Header("Accept"));
        Assert.Contains("start_date=2026-07-01T00%3A00%3A00Z", emulator.Journal.For("/agents/metrics/results")[0].Query, StringComparison.Ordinal);
        Assert.Equal(404, none.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deployments_list_and_get(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        CartesiaList<Deployment> deployments = async ? await client.Agents.Deployments.ListAsync(Support) : client.Agents.Deployments.List(Support);
        Deployment live = async ? await client.Agents.Deployments.GetAsync(deployments[1].Id) : client.Agents.Deployments.Get(deployments[1].Id);
        Deployment broken = Assert.Single(client.Agents.Deployments.List("agent_3Vb8nWd1Kp6S"));

        Assert.Equal(2, deployments.Count);
        Assert.Equal((DeploymentStatus.Deployed, true, true), (live.Status, live.IsLive, live.IsPinned));
        Assert.Equal(DeploymentStatus.BuildError, broken.Status);
        Assert.Contains("calendar_api", broken.BuildError, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Agents.Deployments.GetAsync("dep_missing"));
    }
}
