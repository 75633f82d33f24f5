using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Json;
using Cartesia.Core.Paging;

namespace Cartesia.Voices;

/// <summary>
/// Voices: list and search (<c>GET /voices</c>, auto-paging), get, update, delete, clone from a clip, localize to
/// another accent, and the accent catalogue. Reach it as <see cref="CartesiaClient.Voices"/>.
/// </summary>
public class VoicesClient
{
    /// <summary>The most accents a voice can have, its native one included.</summary>
    public const int MaxAccentsPerVoice = 10;

    /// <summary>The longest tagline the service accepts.</summary>
    public const int MaxTaglineLength = 32;

    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected VoicesClient() => _core = null!;

    internal VoicesClient(ClientCore core) => _core = core;

    /// <summary>
    /// Lists voices (<c>GET /voices</c>) with filters, fetching pages as you enumerate (nothing is sent before).
    /// </summary>
    /// <param name="options">Filters and paging; null for every voice you can see.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    /// <returns>The voices; <c>AsPages()</c> gives the pages.</returns>
    /// <exception cref="ArgumentException">An option is not valid (checked now).</exception>
    public virtual CartesiaAsyncPageable<Voice> ListAsync(VoiceListOptions? options = null, CancellationToken cancellationToken = default)
        => new AsyncPageable<Voice>(PrepareList(options), cancellationToken);

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="options">Filters and paging; null for every voice you can see.</param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    /// <returns>The voices; <c>AsPages()</c> gives the pages.</returns>
    public virtual CartesiaPageable<Voice> List(VoiceListOptions? options = null, CancellationToken cancellationToken = default)
        => new SyncPageable<Voice>(PrepareList(options), cancellationToken);

    /// <summary>Gets a voice (<c>GET /voices/{id}</c>).</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="options">Extra fields to include; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CartesiaNotFoundException">There is no such voice.</exception>
    public virtual Task<Voice> GetAsync(string voiceId, VoiceGetOptions? options = null, CancellationToken cancellationToken = default)
        => GetCoreAsync(voiceId, options, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="GetAsync"/>.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="options">Extra fields to include; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Voice Get(string voiceId, VoiceGetOptions? options = null, CancellationToken cancellationToken = default)
        => GetCoreAsync(voiceId, options, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Updates a voice's name, description, gender or accent (<c>PATCH /voices/{id}</c>); unset fields stay as they
    /// are, and <c>Gender = null</c> resets the gender.
    /// </summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated voice.</returns>
    public virtual Task<Voice> UpdateAsync(string voiceId, VoiceUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(voiceId, request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="UpdateAsync"/>.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated voice.</returns>
    public virtual Voice Update(string voiceId, VoiceUpdateRequest request, CancellationToken cancellationToken = default)
        => UpdateCoreAsync(voiceId, request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Deletes a voice you own (<c>DELETE /voices/{id}</c>).</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response (204 No Content).</returns>
    public virtual Task<CartesiaResponseInfo> DeleteAsync(string voiceId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(voiceId, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="DeleteAsync"/>.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response (204 No Content).</returns>
    public virtual CartesiaResponseInfo Delete(string voiceId, CancellationToken cancellationToken = default)
        => DeleteCoreAsync(voiceId, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Clones a voice from a clip (<c>POST /voices/clone</c>, multipart). The clip streams from its source. Billing-safe:
    /// retried only where the service certainly did not process it, and never when the clip is a stream that cannot
    /// seek.
    /// </summary>
    /// <param name="request">The clip, name, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new voice's metadata.</returns>
    /// <exception cref="ArgumentException">The request is not valid, or the clip's file cannot be read (checked before anything is sent).</exception>
    public virtual Task<VoiceMetadata> CloneAsync(VoiceCloneRequest request, CancellationToken cancellationToken = default)
        => CloneCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="CloneAsync"/>.</summary>
    /// <param name="request">The clip, name, language and options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new voice's metadata.</returns>
    public virtual VoiceMetadata Clone(VoiceCloneRequest request, CancellationToken cancellationToken = default)
        => CloneCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Creates a new voice from an existing one, adapted to another accent (<c>POST /voices/localize</c>).
    /// </summary>
    /// <param name="request">The voice, the new name and the target accent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new voice's metadata.</returns>
    public virtual Task<VoiceMetadata> LocalizeAsync(VoiceLocalizeRequest request, CancellationToken cancellationToken = default)
        => LocalizeCoreAsync(request, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="LocalizeAsync"/>.</summary>
    /// <param name="request">The voice, the new name and the target accent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new voice's metadata.</returns>
    public virtual VoiceMetadata Localize(VoiceLocalizeRequest request, CancellationToken cancellationToken = default)
        => LocalizeCoreAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the accent catalogue (<c>GET /accents</c>, API 2026-08-14), sorted by id.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<Accent>> ListAccentsAsync(CancellationToken cancellationToken = default)
        => ListAccentsCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListAccentsAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<Accent> ListAccents(CancellationToken cancellationToken = default)
        => ListAccentsCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Attaches accents to a voice (<c>PATCH /voices/{id}/accents</c>, API 2026-08-14), so it speaks their locales;
    /// a voice has at most <see cref="MaxAccentsPerVoice"/> accents, its native one included.
    /// </summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="accents">The catalogue accent ids to attach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated voice.</returns>
    public virtual Task<Voice> AddAccentsAsync(string voiceId, IEnumerable<VoiceAccent> accents, CancellationToken cancellationToken = default)
        => AddAccentsCoreAsync(voiceId, accents, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="AddAccentsAsync"/>.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="accents">The catalogue accent ids to attach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated voice.</returns>
    public virtual Voice AddAccents(string voiceId, IEnumerable<VoiceAccent> accents, CancellationToken cancellationToken = default)
        => AddAccentsCoreAsync(voiceId, accents, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Detaches an accent from a voice (<c>DELETE /voices/{id}/accents/{accent_id}</c>, API 2026-08-14).</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="accent">The accent to detach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated voice.</returns>
    public virtual Task<Voice> RemoveAccentAsync(string voiceId, VoiceAccent accent, CancellationToken cancellationToken = default)
        => RemoveAccentCoreAsync(voiceId, accent, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="RemoveAccentAsync"/>.</summary>
    /// <param name="voiceId">The voice id.</param>
    /// <param name="accent">The accent to detach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated voice.</returns>
    public virtual Voice RemoveAccent(string voiceId, VoiceAccent accent, CancellationToken cancellationToken = default)
        => RemoveAccentCoreAsync(voiceId, accent, async: false, cancellationToken).EnsureCompleted();

    private PageRequest<Voice> PrepareList(VoiceListOptions? options)
    {
        PageRequest<Voice>.ValidateOptions(options, nameof(VoiceListOptions), nameof(options));
        var filters = new List<KeyValuePair<string, string>>();
        if (options is not null)
        {
            Validate.OptionalText(options.Query, "VoiceListOptions.Query (q)", nameof(options));
            Validate.OptionalId(options.Language, "VoiceListOptions.Language (language)", nameof(options));
            Add(filters, "q", options.Query);
            Add(filters, "is_owner", options.IsOwner is { } owner ? owner ? "true" : "false" : null);
            Add(filters, "gender", options.Gender?.Value);
            Add(filters, "language", options.Language);
            AddExpand(filters, options.Expand, "VoiceListOptions.Expand", nameof(options));
        }

        return new PageRequest<Voice>(_core, "/voices", "voices.list", filters, options, _core.Json.CartesiaPageVoice, v => v.Id);
    }

    private ValueTask<Voice> GetCoreAsync(string voiceId, VoiceGetOptions? options, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(voiceId, nameof(voiceId), nameof(voiceId));
        var query = new QueryString();
        if (options is not null)
        {
            var expand = new List<KeyValuePair<string, string>>();
            AddExpand(expand, options.Expand, "VoiceGetOptions.Expand", nameof(options));
            foreach ((string name, string value) in expand)
            {
                query.Add(name, value);
            }
        }

        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Get, $"/voices/{id}{query}", "voices.get"), _core.Json.Voice, async, cancellationToken);
    }

    private ValueTask<Voice> UpdateCoreAsync(string voiceId, VoiceUpdateRequest request, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(voiceId, nameof(voiceId), nameof(voiceId));
        Validate.NotNull(request, nameof(request));
        Validate.OptionalText(request.Name, "VoiceUpdateRequest.Name (name)", nameof(request));
        if (request.Accent is { } accent)
        {
            Validate.Id(accent.Value, "VoiceUpdateRequest.Accent (accent)", nameof(request));
            RequireAccentVersion("VoiceUpdateRequest.Accent (accent)", nameof(request));
        }

        if (request.Gender.IsSet && request.Gender.Value is { } gender)
        {
            Validate.Id(gender.Value, "VoiceUpdateRequest.Gender (gender)", nameof(request));
        }

        if (request.Name is null && request.Description is null && !request.Gender.IsSet && request.Accent is null && request.AdditionalProperties is not { Count: > 0 })
        {
            throw new ArgumentException("VoiceUpdateRequest sets nothing: set Name, Description, Gender (null resets it) or Accent.", nameof(request));
        }

        return _core.SendForJsonAsync(
            PipelineRequest.Json(HttpMethod.Patch, $"/voices/{id}", "voices.update", JsonBody.Create(request, _core.Json.VoiceUpdateRequest)),
            _core.Json.Voice,
            async,
            cancellationToken);
    }

    private ValueTask<CartesiaResponseInfo> DeleteCoreAsync(string voiceId, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(voiceId, nameof(voiceId), nameof(voiceId));
        return _core.SendForInfoAsync(PipelineRequest.Json(HttpMethod.Delete, $"/voices/{id}", "voices.delete", accept: "*/*"), async, cancellationToken);
    }

    private ValueTask<VoiceMetadata> CloneCoreAsync(VoiceCloneRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        if (request.Clip is null)
        {
            throw new ArgumentException("VoiceCloneRequest.Clip (clip) is required: CartesiaFile.FromPath(\"clip.wav\"), FromStream or FromBytes.", nameof(request));
        }

        request.Clip.Validate("VoiceCloneRequest.Clip (clip)", nameof(request));
        Validate.Text(request.Name, "VoiceCloneRequest.Name (name)", nameof(request));
        Validate.Id(request.Language.Value, "VoiceCloneRequest.Language (language)", nameof(request));
        Validate.OptionalText(request.Description, "VoiceCloneRequest.Description (description)", nameof(request));
        Validate.OptionalId(request.BaseVoiceId, "VoiceCloneRequest.BaseVoiceId (base_voice_id)", nameof(request));
        if (request.Accent is { } accent)
        {
            Validate.Id(accent.Value, "VoiceCloneRequest.Accent (accent)", nameof(request));
            RequireAccentVersion("VoiceCloneRequest.Accent (accent)", nameof(request));
        }

        MultipartBody body = new MultipartBody()
            .Add("clip", request.Clip)
            .Add("name", request.Name)
            .Add("language", request.Language.Value)
            .Add("description", request.Description)
            .Add("base_voice_id", request.BaseVoiceId)
            .Add("accent", request.Accent?.Value);
        var pipelineRequest = new PipelineRequest
        {
            Method = HttpMethod.Post,
            PathAndQuery = "/voices/clone",
            Operation = "voices.clone",
            Content = body.CreateFactory(),
            ContentReplayable = body.Replayable,
            Kind = OperationKind.Generation,
        };
        return _core.SendForJsonAsync(pipelineRequest, _core.Json.VoiceMetadata, async, cancellationToken);
    }

    private ValueTask<VoiceMetadata> LocalizeCoreAsync(VoiceLocalizeRequest request, bool async, CancellationToken cancellationToken)
    {
        Validate.NotNull(request, nameof(request));
        Validate.Id(request.VoiceId, "VoiceLocalizeRequest.VoiceId (voice_id)", nameof(request));
        Validate.Text(request.Name, "VoiceLocalizeRequest.Name (name)", nameof(request));
        Validate.OptionalText(request.Description, "VoiceLocalizeRequest.Description (description)", nameof(request));
        if (request.Tagline is { Length: > MaxTaglineLength })
        {
            throw new ArgumentException($"VoiceLocalizeRequest.Tagline (tagline) has {request.Tagline.Length} characters; at most {MaxTaglineLength} are allowed.", nameof(request));
        }

        if (_core.Settings.ApiVersion >= CartesiaApiVersion.V2026_08_14)
        {
            if (request.Accent is not { } accent)
            {
                throw new ArgumentException("VoiceLocalizeRequest.Accent (accent) is required on API 2026-08-14: a catalogue accent id such as VoiceAccent.British (see ListAccentsAsync).", nameof(request));
            }

            Validate.Id(accent.Value, "VoiceLocalizeRequest.Accent (accent)", nameof(request));
        }
        else
        {
            if (request.Accent is not null || request.Tagline is not null)
            {
                throw new ArgumentException($"VoiceLocalizeRequest.Accent and Tagline need API version 2026-08-14 or later; this client is pinned to {_core.Settings.ApiVersion}: set Language, Description and OriginalSpeakerGender instead.", nameof(request));
            }

            if (request.Language is null || request.Description is null || request.OriginalSpeakerGender is null)
            {
                throw new ArgumentException($"VoiceLocalizeRequest.Language, Description and OriginalSpeakerGender are required on API {_core.Settings.ApiVersion}.", nameof(request));
            }
        }

        return _core.SendForJsonAsync(
            PipelineRequest.Json(HttpMethod.Post, "/voices/localize", "voices.localize", JsonBody.Create(request, _core.Json.VoiceLocalizeRequest)),
            _core.Json.VoiceMetadata,
            async,
            cancellationToken);
    }

    private ValueTask<CartesiaList<Accent>> ListAccentsCoreAsync(bool async, CancellationToken cancellationToken)
        => _core.SendForWrappedListAsync(
            PipelineRequest.Json(HttpMethod.Get, "/accents", "voices.list_accents"),
            WireJsonContext.Default.AccentCatalog,
            catalog => catalog.Accents,
            async,
            cancellationToken);

    private ValueTask<Voice> AddAccentsCoreAsync(string voiceId, IEnumerable<VoiceAccent> accents, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(voiceId, nameof(voiceId), nameof(voiceId));
        ArgumentNullException.ThrowIfNull(accents);
        VoiceAccent[] list = accents.ToArray();
        if (list.Length is 0 or > MaxAccentsPerVoice)
        {
            throw new ArgumentException($"accents must name 1 to {MaxAccentsPerVoice} accents (a voice has at most {MaxAccentsPerVoice}, its native one included); it names {list.Length}.", nameof(accents));
        }

        foreach (VoiceAccent accent in list)
        {
            Validate.Id(accent.Value, "accents (accent id)", nameof(accents));
        }

        RequireAccentVersion("AddAccents", nameof(accents));
        return _core.SendForJsonAsync(
            PipelineRequest.Json(HttpMethod.Patch, $"/voices/{id}/accents", "voices.add_accents", JsonBody.Create(new VoiceAccentsRequest { Accents = list }, WireJsonContext.Default.VoiceAccentsRequest)),
            _core.Json.Voice,
            async,
            cancellationToken);
    }

    private ValueTask<Voice> RemoveAccentCoreAsync(string voiceId, VoiceAccent accent, bool async, CancellationToken cancellationToken)
    {
        string id = PathSegment.Escape(voiceId, nameof(voiceId), nameof(voiceId));
        string accentId = PathSegment.Escape(accent.Value, nameof(accent), nameof(accent));
        RequireAccentVersion("RemoveAccent", nameof(accent));
        return _core.SendForJsonAsync(PipelineRequest.Json(HttpMethod.Delete, $"/voices/{id}/accents/{accentId}", "voices.remove_accent"), _core.Json.Voice, async, cancellationToken);
    }

    private void RequireAccentVersion(string field, string paramName)
    {
        if (_core.Settings.ApiVersion < CartesiaApiVersion.V2026_08_14)
        {
            throw new ArgumentException($"{field} needs API version 2026-08-14 or later (accents); this client is pinned to {_core.Settings.ApiVersion}.", paramName);
        }
    }

    private static void Add(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }

    /// <summary>Adds <c>expand[]</c> once per value: both official SDKs send the literal bracketed key.</summary>
    private static void AddExpand(List<KeyValuePair<string, string>> query, IList<VoiceExpand> expand, string field, string paramName)
    {
        foreach (VoiceExpand value in expand)
        {
            Validate.Id(value.Value, field + " (expand[])", paramName);
            query.Add(new("expand[]", value.Value));
        }
    }
}
