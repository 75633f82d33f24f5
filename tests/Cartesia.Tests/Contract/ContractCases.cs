using Cartesia.AccessTokens;
using Cartesia.Agents;
using Cartesia.Catalog;
using Cartesia.Datasets;
using Cartesia.Emulator;
using Cartesia.FineTunes;
using Cartesia.Infill;
using Cartesia.PronunciationDictionaries;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Cartesia.VoiceChanger;
using Cartesia.Voices;

namespace Cartesia.Tests.Contract;

/// <summary>
/// Every operation of the document (and the three the SDK adds), in an order where each finds what it needs: the
/// table the contract test walks. Adding an operation to the SDK means adding its row here.
/// </summary>
internal static class ContractCases
{
    private const string Support = "agent_7Jq2mXc9Lr4T";

    public static IReadOnlyList<ContractCase> All { get; } =
    [
        new("GET", "/", ["CartesiaClient.GetStatusAsync"], async c => await c.Client.GetStatusAsync()),

        // Voices
        new("GET", "/voices", ["VoicesClient.ListAsync"], async c => await First(c.Client.Voices.ListAsync(new VoiceListOptions { Limit = 3, Query = "a", Gender = GenderPresentation.Feminine, IsOwner = false, Language = "en", Expand = { VoiceExpand.PreviewFileUrl } }))),
        new("GET", "/voices/{id}", ["VoicesClient.GetAsync"], async c => await c.Client.Voices.GetAsync(CartesiaEmulator.DefaultVoiceId, new VoiceGetOptions { Expand = { VoiceExpand.PreviewFileUrl } })),
        new("POST", "/voices/clone", ["VoicesClient.CloneAsync"], async c =>
        {
            VoiceMetadata clone = await c.Client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "clip.wav"), Name = "Contract", Language = Language.English, Description = "d", BaseVoiceId = CartesiaEmulator.DefaultVoiceId, Accent = VoiceAccent.British });
            c.Ids["voice"] = clone.Id;
            return clone;
        }),
        new("PATCH", "/voices/{id}", ["VoicesClient.UpdateAsync"], async c => await c.Client.Voices.UpdateAsync(c.Ids["voice"], new VoiceUpdateRequest { Name = "Renamed", Description = "d2", Gender = null, Accent = VoiceAccent.GeneralAmerican })),
        new("POST", "/voices/localize", ["VoicesClient.LocalizeAsync"], async c => await c.Client.Voices.LocalizeAsync(new VoiceLocalizeRequest { VoiceId = c.Ids["voice"], Name = "Localized", Accent = VoiceAccent.Parisian, Description = "d", Tagline = "t" })),
        new("GET", "/accents", ["VoicesClient.ListAccentsAsync"], async c => await c.Client.Voices.ListAccentsAsync()),
        new("PATCH", "/voices/{id}/accents", ["VoicesClient.AddAccentsAsync"], async c => await c.Client.Voices.AddAccentsAsync(c.Ids["voice"], [VoiceAccent.British, VoiceAccent.Castilian])),
        new("DELETE", "/voices/{id}/accents/{accent_id}", ["VoicesClient.RemoveAccentAsync"], async c => await c.Client.Voices.RemoveAccentAsync(c.Ids["voice"], VoiceAccent.British)),

        // Catalogues (issue 20)
        new("GET", "/models", ["ModelsClient.ListAsync", "ModelsClient.EnsureSupportsAsync", "ModelsClient.FindSttModelAsync"], async c =>
        {
            CartesiaList<ModelInfo> models = await c.Client.Models.ListAsync();
            await c.Client.Models.EnsureSupportsAsync(TtsModel.Sonic3_6, Language.English);
            await c.Client.Models.FindSttModelAsync(Language.French, ModelsClient.SttBatchEndpoint);
            return models;
        }),
        new("GET", "/locales", ["ModelsClient.ListLocalesAsync"], async c => await c.Client.Models.ListLocalesAsync()),

        // Generation
        new("POST", "/tts/bytes", ["TtsClient.GenerateAsync", "TtsClient.GenerateBytesAsync"], async c =>
        {
            await c.Client.Tts.GenerateBytesAsync(new TtsRequest { ModelId = TtsModel.Sonic3, Transcript = "Contract.", Voice = CartesiaEmulator.DefaultVoiceId, Locale = "en-US", Normalization = TtsNormalization.Auto, GenerationConfig = new GenerationConfig { Speed = 1.1, Volume = 1, Emotion = Emotion.Calm }, OutputFormat = AudioOutputFormat.Mp3(44100, 128000), Save = true });
            return null;
        }),
        new("POST", "/tts/sse", ["TtsClient.GenerateSseAsync"], async c =>
        {
            await foreach (TtsEvent e in c.Client.Tts.GenerateSseAsync(new TtsSseRequest { ModelId = TtsModel.Sonic3, Transcript = "Contract events.", Voice = CartesiaEmulator.DefaultVoiceId, Language = Language.English, AddTimestamps = true, AddPhonemeTimestamps = true, ContextId = "ctx-1", OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000) }))
            {
                _ = e;
            }

            return null;
        }),
        new("POST", "/voice-changer/bytes", ["VoiceChangerClient.GenerateAsync", "VoiceChangerClient.GenerateBytesAsync"], async c =>
        {
            await c.Client.VoiceChanger.GenerateBytesAsync(new VoiceChangerRequest { Clip = CartesiaFile.FromBytes(Clips.Wav("Change me."), "in.wav"), VoiceId = CartesiaEmulator.DefaultVoiceId, OutputFormat = AudioOutputFormat.Mp3(24000, 64000) });
            return null;
        }),
        new("POST", "/voice-changer/sse", ["VoiceChangerClient.GenerateSseAsync"], async c =>
        {
            await foreach (VoiceChangerEvent e in c.Client.VoiceChanger.GenerateSseAsync(new VoiceChangerRequest { Clip = CartesiaFile.FromBytes(Clips.Wav("Change me."), "in.wav"), VoiceId = CartesiaEmulator.DefaultVoiceId, OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmF32LE, 16000) }))
            {
                _ = e;
            }

            return null;
        }),
        new("POST", "/infill/bytes", ["InfillClient.GenerateAsync", "InfillClient.GenerateBytesAsync"], async c =>
        {
            await c.Client.Infill.GenerateBytesAsync(new InfillRequest { LeftAudio = CartesiaFile.FromBytes(Clips.Wav("Left."), "l.wav"), RightAudio = CartesiaFile.FromBytes(Clips.Wav("Right."), "r.wav"), ModelId = TtsModel.Sonic3, Transcript = "middle", VoiceId = CartesiaEmulator.DefaultVoiceId, Language = Language.English, OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000) });
            return null;
        }),
        new("POST", "/stt", ["SttClient.TranscribeAsync"], async c =>
            await c.Client.Stt.TranscribeAsync(Clips.Wav("Transcribe me."), new SttTranscribeRequest { Model = SttModel.InkWhisper, Language = Language.English, TimestampGranularities = [SttTimestampGranularity.Word], FileName = "in.wav" })),

        // Datasets
        new("POST", "/datasets/", ["DatasetsClient.CreateAsync"], async c =>
        {
            Dataset dataset = await c.Client.Datasets.CreateAsync(new DatasetCreateRequest { Name = "contract", Description = "d" });
            c.Ids["dataset"] = dataset.Id;
            return dataset;
        }),
        new("GET", "/datasets/", ["DatasetsClient.ListAsync"], async c => await First(c.Client.Datasets.ListAsync(new CartesiaListOptions { Limit = 5 }))),
        new("GET", "/datasets/{id}", ["DatasetsClient.GetAsync"], async c => await c.Client.Datasets.GetAsync(c.Ids["dataset"])),
        new("PATCH", "/datasets/{id}", ["DatasetsClient.UpdateAsync"], async c => { await c.Client.Datasets.UpdateAsync(c.Ids["dataset"], new DatasetUpdateRequest { Name = "contract2", Description = "d2" }); return null; }),
        new("POST", "/datasets/{id}/files", ["DatasetFilesClient.UploadAsync"], async c =>
        {
            await c.Client.Datasets.Files.UploadAsync(c.Ids["dataset"], CartesiaFile.FromBytes(Clips.Wav(), "take.wav"));
            await c.Client.Datasets.Files.UploadAsync(c.Ids["dataset"], CartesiaFile.FromBytes(Clips.Wav(), "take2.wav"));
            return null;
        }),
        new("GET", "/datasets/{id}/files", ["DatasetFilesClient.ListAsync"], async c =>
        {
            CartesiaPage<DatasetFile> page = await First(c.Client.Datasets.Files.ListAsync(c.Ids["dataset"], new CartesiaListOptions { Limit = 1 }));
            c.Ids["file"] = page.Data[0].Id;
            return page;
        }),

        // Fine-tunes
        new("POST", "/fine-tunes/", ["FineTunesClient.CreateAsync"], async c =>
        {
            FineTune fineTune = await c.Client.FineTunes.CreateAsync(new FineTuneCreateRequest { Name = "ft", Description = "d", Language = Language.English, ModelId = TtsModel.Sonic3_2026_01_12, Dataset = c.Ids["dataset"], Accent = VoiceAccent.British });
            c.Ids["fine-tune"] = fineTune.Id;
            c.Emulator.CompleteFineTune(fineTune.Id);
            return fineTune;
        }),
        new("GET", "/fine-tunes/", ["FineTunesClient.ListAsync"], async c => await First(c.Client.FineTunes.ListAsync(new CartesiaListOptions { Limit = 2 }))),
        new("GET", "/fine-tunes/{id}", ["FineTunesClient.GetAsync"], async c => await c.Client.FineTunes.GetAsync(c.Ids["fine-tune"])),
        new("GET", "/fine-tunes/{id}/voices", ["FineTunesClient.ListVoicesAsync"], async c => await First(c.Client.FineTunes.ListVoicesAsync(c.Ids["fine-tune"], new CartesiaListOptions { Limit = 2 }))),
        new("DELETE", "/fine-tunes/{id}", ["FineTunesClient.DeleteAsync"], async c => { await c.Client.FineTunes.DeleteAsync(c.Ids["fine-tune"]); return null; }),
        new("DELETE", "/datasets/{id}/files/{fileID}", ["DatasetFilesClient.DeleteAsync"], async c => { await c.Client.Datasets.Files.DeleteAsync(c.Ids["dataset"], c.Ids["file"]); return null; }),
        new("DELETE", "/datasets/{id}", ["DatasetsClient.DeleteAsync"], async c => { await c.Client.Datasets.DeleteAsync(c.Ids["dataset"]); return null; }),

        // Pronunciation dictionaries
        new("POST", "/pronunciation-dicts/", ["PronunciationDictionariesClient.CreateAsync"], async c =>
        {
            PronunciationDictionary dictionary = await c.Client.PronunciationDictionaries.CreateAsync(new PronunciationDictionaryCreateRequest { Name = "brands", Items = [new PronunciationDictionaryItem { Text = "Cartesia", Alias = "car-TEE-zha", CaseSensitive = true }] });
            c.Ids["dict"] = dictionary.Id;
            return dictionary;
        }),
        new("GET", "/pronunciation-dicts/", ["PronunciationDictionariesClient.ListAsync"], async c => await First(c.Client.PronunciationDictionaries.ListAsync(new CartesiaListOptions { Limit = 10 }))),
        new("GET", "/pronunciation-dicts/{id}", ["PronunciationDictionariesClient.GetAsync"], async c => await c.Client.PronunciationDictionaries.GetAsync(c.Ids["dict"])),
        new("PATCH", "/pronunciation-dicts/{id}", ["PronunciationDictionariesClient.UpdateAsync"], async c => await c.Client.PronunciationDictionaries.UpdateAsync(c.Ids["dict"], new PronunciationDictionaryUpdateRequest { Name = "brands2", Items = [new PronunciationDictionaryItem { Text = "SQL", Pronunciation = "sequel" }] })),
        new("DELETE", "/pronunciation-dicts/{id}", ["PronunciationDictionariesClient.DeleteAsync"], async c => { await c.Client.PronunciationDictionaries.DeleteAsync(c.Ids["dict"]); return null; }),

        // Agents
        new("GET", "/agents", ["AgentsClient.ListAsync"], async c => await c.Client.Agents.ListAsync()),
        new("GET", "/agents/{agent_id}", ["AgentsClient.GetAsync"], async c => await c.Client.Agents.GetAsync(Support)),
        new("PATCH", "/agents/{agent_id}", ["AgentsClient.UpdateAsync"], async c => await c.Client.Agents.UpdateAsync(Support, new AgentUpdateRequest { Name = "support-line-2", Description = "d", TtsVoice = CartesiaEmulator.DefaultVoiceId, TtsLanguage = "en" })),
        new("GET", "/agents/templates", ["AgentsClient.ListTemplatesAsync"], async c => await c.Client.Agents.ListTemplatesAsync()),
        new("GET", "/agents/{agent_id}/phone-numbers", ["AgentsClient.ListPhoneNumbersAsync"], async c => await c.Client.Agents.ListPhoneNumbersAsync(Support)),
        new("GET", "/agents/calls", ["AgentCallsClient.ListAsync"], async c =>
        {
            CartesiaPage<AgentCall> page = await First(c.Client.Agents.Calls.ListAsync(new AgentCallListOptions { AgentId = Support, IncludeTranscript = true, Limit = 2 }));
            c.Ids["call"] = page.Data[0].Id;
            return page;
        }),
        new("GET", "/agents/calls/{call_id}", ["AgentCallsClient.GetAsync"], async c => await c.Client.Agents.Calls.GetAsync(c.Ids["call"])),
        new("GET", "/agents/calls/{call_id}/audio", ["AgentCallsClient.DownloadAudioAsync"], async c =>
        {
            using AudioResponse audio = await c.Client.Agents.Calls.DownloadAudioAsync(c.Ids["call"]);
            await audio.ReadAllBytesAsync();
            return null;
        }),
        new("POST", "/agents/metrics", ["AgentMetricsClient.CreateAsync"], async c =>
        {
            Metric metric = await c.Client.Agents.Metrics.CreateAsync(new MetricCreateRequest { Name = "contract.metric", Prompt = "p", DisplayName = "Contract" });
            c.Ids["metric"] = metric.Id;
            return metric;
        }),
        new("GET", "/agents/metrics", ["AgentMetricsClient.ListAsync"], async c => await c.Client.Agents.Metrics.ListAsync(new MetricListOptions { Limit = 2, StartingAfter = "metric_resolved" })),
        new("GET", "/agents/metrics/{metric_id}", ["AgentMetricsClient.GetAsync"], async c => await c.Client.Agents.Metrics.GetAsync(c.Ids["metric"])),
        new("POST", "/agents/{agent_id}/metrics/{metric_id}", ["AgentMetricsClient.AddToAgentAsync"], async c => { await c.Client.Agents.Metrics.AddToAgentAsync(Support, c.Ids["metric"]); return null; }),
        new("DELETE", "/agents/{agent_id}/metrics/{metric_id}", ["AgentMetricsClient.RemoveFromAgentAsync"], async c => { await c.Client.Agents.Metrics.RemoveFromAgentAsync(Support, c.Ids["metric"]); return null; }),
        new("GET", "/agents/metrics/results", ["AgentMetricResultsClient.ListAsync"], async c => await First(c.Client.Agents.Metrics.Results.ListAsync(new MetricResultFilter { AgentId = Support, MetricId = "metric_resolved", CallId = c.Ids["call"], DeploymentId = "dep_2Bb8Yj3Kn4", StartDate = DateTimeOffset.UnixEpoch, EndDate = DateTimeOffset.UtcNow }, new CartesiaListOptions { Limit = 3 }))),
        new("GET", "/agents/metrics/results/export", ["AgentMetricResultsClient.ExportAsync"], async c => await c.Client.Agents.Metrics.Results.ExportAsync(new MetricResultFilter { AgentId = Support, StartDate = DateTimeOffset.UnixEpoch })),
        new("GET", "/agents/{agent_id}/deployments", ["AgentDeploymentsClient.ListAsync"], async c => await c.Client.Agents.Deployments.ListAsync(Support)),
        new("GET", "/agents/deployments/{deployment_id}", ["AgentDeploymentsClient.GetAsync"], async c => await c.Client.Agents.Deployments.GetAsync("dep_2Bb8Yj3Kn4")),
        new("DELETE", "/agents/{agent_id}", ["AgentsClient.DeleteAsync"], async c => { await c.Client.Agents.DeleteAsync("agent_3Vb8nWd1Kp6S"); return null; }),

        // Access tokens, then the voice delete last
        new("POST", "/access-token", ["AccessTokensClient.CreateAsync"], async c => await c.Client.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true, Stt = false, Agent = false }, ExpiresIn = TimeSpan.FromSeconds(60) })),
        new("DELETE", "/voices/{id}", ["VoicesClient.DeleteAsync"], async c => { await c.Client.Voices.DeleteAsync(c.Ids["voice"]); return null; }),
    ];

    private static async Task<CartesiaPage<T>> First<T>(CartesiaAsyncPageable<T> pageable)
    {
        await foreach (CartesiaPage<T> page in pageable.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("No page.");
    }
}
