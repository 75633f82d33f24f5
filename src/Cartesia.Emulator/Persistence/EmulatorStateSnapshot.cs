using System.Text.Json;
using Cartesia.Emulator.Agents;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Datasets;
using Cartesia.Emulator.FineTunes;
using Cartesia.Emulator.PronunciationDictionaries;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Persistence;

/// <summary>
/// Everything an <see cref="EmulatorState"/> holds that outlives a request, as one JSON document (the state file).
/// Records only: no audio is kept (a clone keeps its metadata; the emulator's speech is synthetic).
/// </summary>
internal sealed class EmulatorStateSnapshot
{
    /// <summary>The version of this layout; a file of another version is not read.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        IncludeFields = true, // tuples in the agent records
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true, // a null where a value belongs makes the file unreadable, not a crash later
        RespectRequiredConstructorParameters = true,
    };

    public int Format { get; set; } = CurrentFormat;

    /// <summary>The built-in seeded voices this state already knows (later seeds are added on load; deleted ones stay deleted).</summary>
    public List<string> SeedVoiceIds { get; set; } = [];

    public List<VoiceRecord> Voices { get; set; } = [];

    public List<DatasetRecord> Datasets { get; set; } = [];

    public List<FineTuneRecord> FineTunes { get; set; } = [];

    public List<DictionaryRecord> Dictionaries { get; set; } = [];

    public List<AgentRecord> Agents { get; set; } = [];

    public List<AgentCallRecord> Calls { get; set; } = [];

    public List<MetricRecord> Metrics { get; set; } = [];

    public List<MetricResultRecord> MetricResults { get; set; } = [];

    public List<DeploymentRecord> Deployments { get; set; } = [];

    public List<string[]> AttachedMetrics { get; set; } = [];

    public List<AccessTokenGrant> AccessTokens { get; set; } = [];

    public static EmulatorStateSnapshot Capture(EmulatorState state) => new()
    {
        SeedVoiceIds = [.. VoiceCatalog.SeedIds],
        Voices = [.. state.Voices.All],
        Datasets = [.. state.Datasets.All],
        FineTunes = [.. state.FineTunes.All],
        Dictionaries = [.. state.Dictionaries.All],
        Agents = [.. state.Agents.Agents.All],
        Calls = [.. state.Agents.Calls.All],
        Metrics = [.. state.Agents.Metrics.All],
        MetricResults = [.. state.Agents.Results.All],
        Deployments = [.. state.Agents.Deployments.All],
        AttachedMetrics = [.. state.Agents.Attachments.OrderBy(a => a.Agent, StringComparer.Ordinal).ThenBy(a => a.Metric, StringComparer.Ordinal).Select(a => new[] { a.Agent, a.Metric })],
        AccessTokens = [.. state.AccessTokens.Values.Where(t => t.ExpiresAt > state.Now).OrderBy(t => t.Token, StringComparer.Ordinal)],
    };

    /// <summary>Puts this snapshot's records into <paramref name="state"/>, replacing what it held.</summary>
    public void ApplyTo(EmulatorState state)
    {
        var voices = new List<VoiceRecord>(Voices);
        var known = new HashSet<string>(SeedVoiceIds, StringComparer.Ordinal);
        voices.AddRange(VoiceCatalog.SeedVoices.Where(seed => !known.Contains(seed.Id) && voices.TrueForAll(v => v.Id != seed.Id)));
        state.Voices.ReplaceAll(voices);
        state.Datasets.ReplaceAll(Datasets);
        state.FineTunes.ReplaceAll(FineTunes);
        state.Dictionaries.ReplaceAll(Dictionaries);
        state.Agents.Agents.ReplaceAll(Agents);
        state.Agents.Calls.ReplaceAll(Calls);
        state.Agents.Metrics.ReplaceAll(Metrics);
        state.Agents.Results.ReplaceAll(MetricResults);
        state.Agents.Deployments.ReplaceAll(Deployments);
        state.Agents.ReplaceAttachments(AttachedMetrics.Where(a => a.Length == 2).Select(a => (a[0], a[1])));
        state.AccessTokens.Clear();
        foreach (AccessTokenGrant grant in AccessTokens)
        {
            state.AccessTokens[grant.Token] = grant;
        }
    }

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a state file's bytes.</summary>
    /// <exception cref="JsonException">The bytes are not a state document of this format.</exception>
    public static EmulatorStateSnapshot Parse(byte[] utf8)
    {
        EmulatorStateSnapshot snapshot = JsonSerializer.Deserialize<EmulatorStateSnapshot>(utf8, Json)
            ?? throw new JsonException("The document is null.");
        if (snapshot.Format != CurrentFormat)
        {
            throw new JsonException($"It has format {snapshot.Format}; this emulator reads format {CurrentFormat}.");
        }

        return snapshot;
    }
}
