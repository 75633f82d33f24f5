using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Paging;

namespace Cartesia.PronunciationDictionaries;

/// <summary>
/// Pronunciation dictionaries (<c>/pronunciation-dicts/</c>): create, get, update, list, delete. Reach it as
/// <see cref="CartesiaClient.PronunciationDictionaries"/>.
/// </summary>
public class PronunciationDictionariesClient
{
    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected PronunciationDictionariesClient() => _core = null!;

    internal PronunciationDictionariesClient(ClientCore core) => _core = core;

    /// <summary>Creates a dictionary (<c>POST /pronunciation-dicts/</c>).</summary>
    /// <param name="request">The name and initial items.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<PronunciationDictionary> CreateAsync(PronunciationDictionaryCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The name and initial items.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual PronunciationDictionary Create(PronunciationDictionaryCreateRequest request, CancellationToken cancellationToken = default)
        => CreateCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Gets a dictionary (<c>GET /pronunciation-dicts/{id}</c>).</summary>
    /// <param name="dictionaryId">The dictionary id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<PronunciationDictionary> GetAsync(string dictionaryId, CancellationToken cancellationToken = default)
        => GetCoreAsync(dictionaryId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="dictionaryId">The dictionary id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual PronunciationDictionary Get(string dictionaryId, CancellationToken cancellationToken = default)
        => GetCoreAsync(dictionaryId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Renames a dictionary or replaces its items (<c>PATCH /pronunciation-dicts/{id}</c>).</summary>
    /// <param name="dictionaryId">The dictionary id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated dictionary.</returns>
    public virtual Task<PronunciationDictionary> UpdateAsync(string dictionaryId, PronunciationDictionaryUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(dictionaryId, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="UpdateAsync"/>.</summary>
    /// <param name="dictionaryId">The dictionary id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated dictionary.</returns>
    public virtual PronunciationDictionary Update(string dictionaryId, PronunciationDictionaryUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(dictionaryId, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists dictionaries (<c>GET /pronunciation-dicts/</c>), fetching pages as you enumerate.</summary>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaAsyncPageable<PronunciationDictionary> ListAsync(CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<PronunciationDictionary>(PrepareList(options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="options">Paging; null to list all.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public virtual CartesiaPageable<PronunciationDictionary> List(CartesiaListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<PronunciationDictionary>(PrepareList(options), cancellationToken);

    /// <summary>Deletes a dictionary (<c>DELETE /pronunciation-dicts/{id}</c>).</summary>
    /// <param name="dictionaryId">The dictionary id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaResponseInfo> DeleteAsync(string dictionaryId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(dictionaryId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DeleteAsync"/>.</summary>
    /// <param name="dictionaryId">The dictionary id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaResponseInfo Delete(string dictionaryId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(dictionaryId, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<PronunciationDictionary> CreateCoreAsync(PronunciationDictionaryCreateRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        Validate.Text(request.Name, "PronunciationDictionaryCreateRequest.Name (name)", nameof(request));
        ValidateItems(request.Items, "PronunciationDictionaryCreateRequest.Items", nameof(request));
        return _core.SendForJsonAsync(
            PipelineRequest.Json(HttpMethod.Post, "/pronunciation-dicts/", "pronunciation_dicts.create", JsonBody.Create(request, _core.Json.PronunciationDictionaryCreateRequest)),
            _core.Json.PronunciationDictionary,
            async,
            cancellationToken);
    }

    private ValueTask<PronunciationDictionary> GetCoreAsync(string dictionaryId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(dictionaryId, nameof(dictionaryId), nameof(dictionaryId));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/pronunciation-dicts/{id}", "pronunciation_dicts.get"), _core.Json.PronunciationDictionary, async, cancellationToken);
    }

    private ValueTask<PronunciationDictionary> UpdateCoreAsync(string dictionaryId, PronunciationDictionaryUpdateRequest request, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(dictionaryId, nameof(dictionaryId), nameof(dictionaryId));
        Validate.NotNull(request, nameof(request));
        Validate.OptionalText(request.Name, "PronunciationDictionaryUpdateRequest.Name (name)", nameof(request));
        ValidateItems(request.Items, "PronunciationDictionaryUpdateRequest.Items", nameof(request));
        if (request.Name is null && request.Items is null && request.AdditionalProperties is not { Count: > 0 })
        {
            throw new ArgumentException("PronunciationDictionaryUpdateRequest sets nothing: set Name or Items.", nameof(request));
        }

        return _core.SendForJsonAsync(
            PipelineRequest.Json(HttpMethod.Patch, $"/pronunciation-dicts/{id}", "pronunciation_dicts.update", JsonBody.Create(request, _core.Json.PronunciationDictionaryUpdateRequest)),
            _core.Json.PronunciationDictionary,
            async,
            cancellationToken);
    }

    private PageRequest<PronunciationDictionary> PrepareList(CartesiaListOptions? options)
    {
        PageRequest<PronunciationDictionary>.ValidateOptions(options, "CartesiaListOptions", nameof(options));
        return new PageRequest<PronunciationDictionary>(_core, "/pronunciation-dicts/", "pronunciation_dicts.list", [], options, _core.Json.CartesiaPagePronunciationDictionary, d => d.Id);
    }

    private ValueTask<CartesiaResponseInfo> DeleteCoreAsync(string dictionaryId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(dictionaryId, nameof(dictionaryId), nameof(dictionaryId));
        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Delete, $"/pronunciation-dicts/{id}", "pronunciation_dicts.delete", accept: "*/*"), async, cancellationToken);
    }

    private void ValidateItems(IList<PronunciationDictionaryItem>? items, string field, string paramName)
    {
        if (items is null)
        {
            return;
        }

        for (int i = 0; i < items.Count; i++)
        {
            PronunciationDictionaryItem item = items[i] ?? throw new ArgumentException($"{field}[{i}] is null.", paramName);
            Validate.Text(item.Text, $"{field}[{i}].Text (text)", paramName);
            if (item.Pronunciation is not null && item.Alias is not null)
            {
                throw new ArgumentException($"{field}[{i}] sets both Pronunciation (pronunciation) and its deprecated name Alias (alias): set Pronunciation only.", paramName);
            }

            if (item.Alias is not null)
            {
                Validate.Text(item.Alias, $"{field}[{i}].Alias (alias)", paramName);
                _core.WarnDeprecatedAlias();
            }
            else
            {
                Validate.Text(item.Pronunciation, $"{field}[{i}].Pronunciation (pronunciation)", paramName);
            }
        }
    }
}
