using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Paging;

namespace Cartesia.Datasets;

/// <summary>
/// Datasets for fine-tuning (<c>/datasets/</c>): create, get, update, list, delete, and their files
/// (<see cref="Files"/>). Reach it as <see cref="CartesiaClient.Datasets"/>.
/// </summary>
public class DatasetsClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected DatasetsClient()
    {
        _core = null!;
        Files = null!;
    }

    internal DatasetsClient(ClientCore core)
    {
        _core = core;
        Files = new DatasetFilesClient(core);
    }

    /// <summary>The files of datasets: upload, list, delete.</summary>
    public virtual DatasetFilesClient Files { get; }

    /// <summary>Creates a dataset (<c>POST /datasets/</c>).</summary>
    /// <param name="request">The name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Dataset> CreateAsync(DatasetCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Dataset Create(DatasetCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a dataset (<c>GET /datasets/{id}</c>).</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Dataset> GetAsync(string datasetId, CancellationToken cancellationToken = default)
        => GetCoreAsync(datasetId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Dataset Get(string datasetId, CancellationToken cancellationToken = default)
        => GetCoreAsync(datasetId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Renames and redescribes a dataset (<c>PATCH /datasets/{id}</c>; the service answers 204).</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="request">The new name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> UpdateAsync(string datasetId, DatasetUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(datasetId, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="UpdateAsync"/>.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="request">The new name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo Update(string datasetId, DatasetUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(datasetId, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists datasets (<c>GET /datasets/</c>), fetching pages as you enumerate.</summary>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<Dataset> ListAsync(CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<Dataset>(PrepareList(options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<Dataset> List(CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<Dataset>(PrepareList(options), cancellationToken);

    /// <summary>Deletes a dataset (<c>DELETE /datasets/{id}</c>).</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> DeleteAsync(string datasetId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(datasetId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DeleteAsync"/>.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo Delete(string datasetId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(datasetId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<Dataset> CreateCoreAsync(DatasetCreateRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        Validate.Text(request.Name, "DatasetCreateRequest.Name (name)", nameof(request));
        if (request.Description is null)
        {
            throw new ArgumentException("DatasetCreateRequest.Description (description) is required (it may be empty).", nameof(request));
        }

        // Both official SDKs send the trailing slash; the service answers both forms.
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Post, "/datasets/", "datasets.create", JsonBody.Create(request, _core.Json.DatasetCreateRequest)), _core.Json.Dataset, async, cancellationToken);
    }

    private ValueTask<Dataset> GetCoreAsync(string datasetId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(datasetId, nameof(datasetId), nameof(datasetId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/datasets/{id}", "datasets.get"), _core.Json.Dataset, async, cancellationToken);
    }

    private ValueTask<CartesiaResponseInfo> UpdateCoreAsync(string datasetId, DatasetUpdateRequest request, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(datasetId, nameof(datasetId), nameof(datasetId));
        Validate.NotNull(request, nameof(request));
        Validate.Text(request.Name, "DatasetUpdateRequest.Name (name)", nameof(request));
        if (request.Description is null)
        {
            throw new ArgumentException("DatasetUpdateRequest.Description (description) is required (it may be empty).", nameof(request));
        }

        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Patch, $"/datasets/{id}", "datasets.update", JsonBody.Create(request, _core.Json.DatasetUpdateRequest), "*/*"), async, cancellationToken);
    }

    private PageRequest<Dataset> PrepareList(CartesiaListOptions? options)
    {
        PageRequest<Dataset>.ValidateOptions(options, "CartesiaListOptions", nameof(options));
        return new PageRequest<Dataset>(_core, "/datasets/", "datasets.list", [], options, _core.Json.CartesiaPageDataset, d => d.Id);
    }

    private ValueTask<CartesiaResponseInfo> DeleteCoreAsync(string datasetId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(datasetId, nameof(datasetId), nameof(datasetId));
        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Delete, $"/datasets/{id}", "datasets.delete", accept: "*/*"), async, cancellationToken);
    }
}
