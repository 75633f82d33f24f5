using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Paging;

namespace Cartesia.Datasets;

/// <summary>
/// The files of a dataset (<c>/datasets/{id}/files</c>): upload (multipart, streamed from disk), list, delete. Reach
/// it as <c>client.Datasets.Files</c>.
/// </summary>
public class DatasetFilesClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected DatasetFilesClient() => _core = null!;

    internal DatasetFilesClient(ClientCore core) => _core = core;

    /// <summary>
    /// Uploads a file to a dataset (<c>POST /datasets/{id}/files</c>, multipart; the service answers 204). The file
    /// streams from its source, never loaded whole; a stream that cannot seek is sent once, never retried.
    /// </summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="file">The file, from a path, a stream or bytes.</param>
    /// <param name="purpose">What the file is for, usually <see cref="DatasetFilePurpose.FineTune"/>; null to omit.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="ArgumentException">The file cannot be read (checked before anything is sent).</exception>
    public virtual Task<CartesiaResponseInfo> UploadAsync(string datasetId, CartesiaFile file, string? purpose = DatasetFilePurpose.FineTune, CancellationToken cancellationToken = default)
        => UploadCoreAsync(datasetId, file, purpose, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="UploadAsync"/>.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="file">The file, from a path, a stream or bytes.</param>
    /// <param name="purpose">What the file is for, usually <see cref="DatasetFilePurpose.FineTune"/>; null to omit.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual CartesiaResponseInfo Upload(string datasetId, CartesiaFile file, string? purpose = DatasetFilePurpose.FineTune, CancellationToken cancellationToken = default)
        => UploadCoreAsync(datasetId, file, purpose, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the files of a dataset (<c>GET /datasets/{id}/files</c>), fetching pages as you enumerate.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<DatasetFile> ListAsync(string datasetId, CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<DatasetFile>(PrepareList(datasetId, options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<DatasetFile> List(string datasetId, CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<DatasetFile>(PrepareList(datasetId, options), cancellationToken);

    /// <summary>Removes a file from a dataset (<c>DELETE /datasets/{id}/files/{fileID}</c>).</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> DeleteAsync(string datasetId, string fileId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(datasetId, fileId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DeleteAsync"/>.</summary>
    /// <param name="datasetId">The dataset id.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo Delete(string datasetId, string fileId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(datasetId, fileId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<CartesiaResponseInfo> UploadCoreAsync(string datasetId, CartesiaFile file, string? purpose, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(datasetId, nameof(datasetId), nameof(datasetId));
        ArgumentNullException.ThrowIfNull(file);
        file.Validate("file", nameof(file));
        Validate.OptionalId(purpose, "purpose", nameof(purpose));
        MultipartBody body = new MultipartBody().Add("file", file).Add("purpose", purpose);
        var request = new PipelineRequest
        {
            Method = HttpMethod.Post,
            PathAndQuery = $"/datasets/{id}/files",
            Operation = "datasets.files.upload",
            Content = body.CreateFactory(),
            ContentReplayable = body.Replayable,
            Accept = "*/*",
        };
        return _core.SendForInfoAsync(request, async, cancellationToken);
    }

    private PageRequest<DatasetFile> PrepareList(string datasetId, CartesiaListOptions? options)
    {
        string id = PathSegment.Escape(datasetId, nameof(datasetId), nameof(datasetId));
        PageRequest<DatasetFile>.ValidateOptions(options, "CartesiaListOptions", nameof(options));
        return new PageRequest<DatasetFile>(_core, $"/datasets/{id}/files", "datasets.files.list", [], options, _core.Json.CartesiaPageDatasetFile, f => f.Id);
    }

    private ValueTask<CartesiaResponseInfo> DeleteCoreAsync(string datasetId, string fileId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(datasetId, nameof(datasetId), nameof(datasetId));
        string file = PathSegment.Escape(fileId, nameof(fileId), nameof(fileId));
        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Delete, $"/datasets/{id}/files/{file}", "datasets.files.delete", accept: "*/*"), async, cancellationToken);
    }
}
