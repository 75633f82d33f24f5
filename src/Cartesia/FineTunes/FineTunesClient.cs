using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Paging;
using Cartesia.Voices;

namespace Cartesia.FineTunes;

/// <summary>
/// Fine-tunes (Pro Voice Clones, <c>/fine-tunes/</c>): create from a dataset, follow the status, list the voices a
/// completed fine-tune made. Those voices need the fine-tune's dated <see cref="FineTune.ModelId"/> in TTS requests.
/// Reach it as <see cref="CartesiaClient.FineTunes"/>.
/// </summary>
public class FineTunesClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected FineTunesClient() => _core = null!;

    internal FineTunesClient(ClientCore core) => _core = core;

    /// <summary>Starts a fine-tune (<c>POST /fine-tunes/</c>). Billed on success.</summary>
    /// <param name="request">The dataset, base model, name, description and language.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<FineTune> CreateAsync(FineTuneCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The dataset, base model, name, description and language.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual FineTune Create(FineTuneCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a fine-tune, with its current status (<c>GET /fine-tunes/{id}</c>).</summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<FineTune> GetAsync(string fineTuneId, CancellationToken cancellationToken = default)
        => GetCoreAsync(fineTuneId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual FineTune Get(string fineTuneId, CancellationToken cancellationToken = default)
        => GetCoreAsync(fineTuneId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists fine-tunes (<c>GET /fine-tunes/</c>), fetching pages as you enumerate.</summary>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<FineTune> ListAsync(CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<FineTune>(PrepareList(options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<FineTune> List(CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<FineTune>(PrepareList(options), cancellationToken);

    /// <summary>Deletes a fine-tune (<c>DELETE /fine-tunes/{id}</c>).</summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> DeleteAsync(string fineTuneId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(fineTuneId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DeleteAsync"/>.</summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo Delete(string fineTuneId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(fineTuneId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Lists the voices a completed fine-tune made (<c>GET /fine-tunes/{id}/voices</c>), fetching pages as you enumerate.
    /// </summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<Voice> ListVoicesAsync(string fineTuneId, CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<Voice>(PrepareVoices(fineTuneId, options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListVoicesAsync"/>.</summary>
    /// <param name="fineTuneId">The fine-tune id.</param>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<Voice> ListVoices(string fineTuneId, CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<Voice>(PrepareVoices(fineTuneId, options), cancellationToken);

    private ValueTask<FineTune> CreateCoreAsync(FineTuneCreateRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        Validate.Text(request.Name, "FineTuneCreateRequest.Name (name)", nameof(request));
        if (request.Description is null)
        {
            throw new ArgumentException("FineTuneCreateRequest.Description (description) is required (it may be empty).", nameof(request));
        }

        Validate.Id(request.Language.Value, "FineTuneCreateRequest.Language (language)", nameof(request));
        Validate.Id(request.ModelId.Value, "FineTuneCreateRequest.ModelId (model_id)", nameof(request));
        Validate.Id(request.Dataset, "FineTuneCreateRequest.Dataset (dataset)", nameof(request));
        if (request.Accent is { } accent)
        {
            Validate.Id(accent.Value, "FineTuneCreateRequest.Accent (accent)", nameof(request));
        }

        var pipelineRequest = new PipelineRequest
        {
            Method = HttpMethod.Post,
            PathAndQuery = "/fine-tunes/",
            Operation = "fine_tunes.create",
            Content = JsonBody.Create(request, _core.Json.FineTuneCreateRequest),
            Kind = OperationKind.Generation,
        };
        return _core.SendForJsonAsync(pipelineRequest, _core.Json.FineTune, async, cancellationToken);
    }

    private ValueTask<FineTune> GetCoreAsync(string fineTuneId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(fineTuneId, nameof(fineTuneId), nameof(fineTuneId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/fine-tunes/{id}", "fine_tunes.get"), _core.Json.FineTune, async, cancellationToken);
    }

    private PageRequest<FineTune> PrepareList(CartesiaListOptions? options)
    {
        PageRequest<FineTune>.ValidateOptions(options, "CartesiaListOptions", nameof(options));
        return new PageRequest<FineTune>(_core, "/fine-tunes/", "fine_tunes.list", [], options, _core.Json.CartesiaPageFineTune, f => f.Id);
    }

    private ValueTask<CartesiaResponseInfo> DeleteCoreAsync(string fineTuneId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(fineTuneId, nameof(fineTuneId), nameof(fineTuneId));
        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Delete, $"/fine-tunes/{id}", "fine_tunes.delete", accept: "*/*"), async, cancellationToken);
    }

    private PageRequest<Voice> PrepareVoices(string fineTuneId, CartesiaListOptions? options)
    {
        string id = PathSegment.Escape(fineTuneId, nameof(fineTuneId), nameof(fineTuneId));
        PageRequest<Voice>.ValidateOptions(options, "CartesiaListOptions", nameof(options));
        return new PageRequest<Voice>(_core, $"/fine-tunes/{id}/voices", "fine_tunes.list_voices", [], options, _core.Json.CartesiaPageVoice, v => v.Id);
    }
}
