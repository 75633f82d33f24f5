using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Paging;

namespace Cartesia.Agents;

/// <summary>Calls to agents: list (newest first, auto-paging), get, and download a call's audio. Reach it as <c>client.Agents.Calls</c>.</summary>
public class AgentCallsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected AgentCallsClient() => _core = null!;

    internal AgentCallsClient(ClientCore core) => _core = core;

    /// <summary>
    /// Lists an agent's calls, newest first (<c>GET /agents/calls</c>), fetching pages as you enumerate. The endpoint
    /// does not say whether more pages follow, so paging ends on an empty page.
    /// </summary>
    /// <param name="options">The agent, whether to include transcripts, and paging.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<AgentCall> ListAsync(AgentCallListOptions options, CancellationToken cancellationToken = default)
        => new AsyncPageable<AgentCall>(PrepareList(options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="options">The agent, whether to include transcripts, and paging.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<AgentCall> List(AgentCallListOptions options, CancellationToken cancellationToken = default)
        => new SyncPageable<AgentCall>(PrepareList(options), cancellationToken);

    /// <summary>Gets a call (<c>GET /agents/calls/{call_id}</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<AgentCall> GetAsync(string callId, CancellationToken cancellationToken = default)
        => GetCoreAsync(callId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AgentCall Get(string callId, CancellationToken cancellationToken = default)
        => GetCoreAsync(callId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Downloads a call's recording, a WAV file, as it streams (<c>GET /agents/calls/{call_id}/audio</c>). The OpenAPI
    /// document declares a 204 and the official SDKs drop the body; the service streams the WAV, so this returns it,
    /// with <see cref="AudioResponse.OutputFormat"/> read from the WAV header.
    /// </summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The streaming recording; dispose it when done.</returns>
    public virtual Task<AudioResponse> DownloadAudioAsync(string callId, CancellationToken cancellationToken = default)
        => DownloadAudioCoreAsync(callId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DownloadAudioAsync"/>.</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The streaming recording; dispose it when done.</returns>
    public virtual AudioResponse DownloadAudio(string callId, CancellationToken cancellationToken = default)
        => DownloadAudioCoreAsync(callId, async: false, cancellationToken).EnsureCompleted();

    private PageRequest<AgentCall> PrepareList(AgentCallListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate.Id(options.AgentId, "AgentCallListOptions.AgentId (agent_id)", nameof(options));
        PageRequest<AgentCall>.ValidateOptions(options, nameof(AgentCallListOptions), nameof(options));
        var filters = new List<KeyValuePair<string, string>> { new("agent_id", options.AgentId) };
        if (options.IncludeTranscript)
        {
            filters.Add(new("expand", "transcript"));
        }

        return new PageRequest<AgentCall>(_core, "/agents/calls", "agents.calls.list", filters, options, _core.Json.CartesiaPageAgentCall, c => c.Id);
    }

    private ValueTask<AgentCall> GetCoreAsync(string callId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(callId, nameof(callId), nameof(callId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/agents/calls/{id}", "agents.calls.get"), _core.Json.AgentCall, async, cancellationToken);
    }

    private ValueTask<AudioResponse> DownloadAudioCoreAsync(string callId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(callId, nameof(callId), nameof(callId));
        var request = new PipelineRequest
        {
            Method = HttpMethod.Get,
            PathAndQuery = $"/agents/calls/{id}/audio",
            Operation = "agents.calls.download_audio",
            Accept = "audio/wav, */*",
            StreamResponse = true,
        };
        return _core.SendForAudioAsync(request, format: null, async, cancellationToken);
    }
}
