using Cartesia.Core;
using Cartesia.Core.Http;
using Cartesia.Core.Json;
using Cartesia.Serialization;
using Cartesia.Stt;
using Cartesia.Tts;

namespace Cartesia.Catalog;

/// <summary>
/// The model and locale catalogues (<c>GET /models</c>, <c>GET /locales</c>) and what they answer: whether a model
/// takes a language before you send to it, and which speech-to-text model transcribes a language. Reach it as
/// <see cref="CartesiaClient.Models"/>. Each call fetches the catalogue afresh; to check many requests, list the
/// models once and use <see cref="ModelInfo.Supports(Language)"/>.
/// </summary>
public class ModelsClient
{
    /// <summary>The batch transcription endpoint, for <see cref="FindSttModelAsync"/>.</summary>
    public const string SttBatchEndpoint = "/stt";

    /// <summary>The realtime transcription WebSocket, for <see cref="FindSttModelAsync"/>.</summary>
    public const string SttWebSocketEndpoint = "/stt/websocket";

    /// <summary>The turn-detecting transcription WebSocket, for <see cref="FindSttModelAsync"/>.</summary>
    public const string SttTurnsEndpoint = "/stt/turns/websocket";

    private readonly ClientCore _core;

    /// <summary>For mocking in tests.</summary>
    protected ModelsClient() => _core = null!;

    internal ModelsClient(ClientCore core) => _core = core;

    /// <summary>Lists the models (<c>GET /models</c>): text-to-speech and speech-to-text, with their languages and sunset dates.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<ModelInfo>> ListAsync(CancellationToken cancellationToken = default)
        => ListCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<ModelInfo> List(CancellationToken cancellationToken = default)
        => ListCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>Lists the locales (<c>GET /locales</c>) that TTS requests and voices take, for example <c>en-GB</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<CartesiaList<LocaleInfo>> ListLocalesAsync(CancellationToken cancellationToken = default)
        => ListLocalesCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="ListLocalesAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual CartesiaList<LocaleInfo> ListLocales(CancellationToken cancellationToken = default)
        => ListLocalesCoreAsync(async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Checks with the catalogue that <paramref name="modelId"/> takes <paramref name="language"/> now, before you
    /// send a request with them (opt-in: the other calls never fetch the catalogue).
    /// </summary>
    /// <param name="modelId">A text-to-speech or speech-to-text model id.</param>
    /// <param name="language">The language of the request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model's catalogue entry.</returns>
    /// <exception cref="ModelLanguageException">The model is unknown or sunset, or does not (or no longer) take the language.</exception>
    public virtual Task<ModelInfo> EnsureSupportsAsync(string modelId, Language language, CancellationToken cancellationToken = default)
        => EnsureSupportsCoreAsync(modelId, language, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="EnsureSupportsAsync(string, Language, CancellationToken)"/>.</summary>
    /// <param name="modelId">A text-to-speech or speech-to-text model id.</param>
    /// <param name="language">The language of the request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual ModelInfo EnsureSupports(string modelId, Language language, CancellationToken cancellationToken = default)
        => EnsureSupportsCoreAsync(modelId, language, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Checks with the catalogue that a text-to-speech model takes a language (see <see cref="EnsureSupportsAsync(string, Language, CancellationToken)"/>).</summary>
    /// <param name="model">The text-to-speech model.</param>
    /// <param name="language">The language of the request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ModelInfo> EnsureSupportsAsync(TtsModel model, Language language, CancellationToken cancellationToken = default)
        => EnsureSupportsCoreAsync(model.Value, language, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="EnsureSupportsAsync(TtsModel, Language, CancellationToken)"/>.</summary>
    /// <param name="model">The text-to-speech model.</param>
    /// <param name="language">The language of the request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual ModelInfo EnsureSupports(TtsModel model, Language language, CancellationToken cancellationToken = default)
        => EnsureSupportsCoreAsync(model.Value, language, async: false, cancellationToken).EnsureCompleted();

    /// <summary>
    /// Picks the speech-to-text model that transcribes <paramref name="language"/> on an endpoint: the first one of
    /// the catalogue (floating ids come before dated snapshots) that is not sunset, takes the language and serves
    /// the endpoint. Use it to route non-English audio instead of choosing by hand.
    /// </summary>
    /// <param name="language">The language of the audio.</param>
    /// <param name="endpoint">
    /// <see cref="SttBatchEndpoint"/>, <see cref="SttWebSocketEndpoint"/> or <see cref="SttTurnsEndpoint"/>; null for any.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model, or null when no model transcribes the language there.</returns>
    public virtual Task<SttModel?> FindSttModelAsync(Language language, string? endpoint = null, CancellationToken cancellationToken = default)
        => FindSttModelCoreAsync(language, endpoint, async: true, cancellationToken).AsTask();

    /// <summary>The synchronous twin of <see cref="FindSttModelAsync"/>.</summary>
    /// <param name="language">The language of the audio.</param>
    /// <param name="endpoint">The endpoint; null for any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual SttModel? FindSttModel(Language language, string? endpoint = null, CancellationToken cancellationToken = default)
        => FindSttModelCoreAsync(language, endpoint, async: false, cancellationToken).EnsureCompleted();

    private ValueTask<CartesiaList<ModelInfo>> ListCoreAsync(bool async, CancellationToken cancellationToken)
        => _core.SendForWrappedListAsync(
            PipelineRequest.Json(HttpMethod.Get, "/models", "models.list"),
            WireJsonContext.Default.ModelCatalogBody,
            body => body.Models,
            async,
            cancellationToken);

    private ValueTask<CartesiaList<LocaleInfo>> ListLocalesCoreAsync(bool async, CancellationToken cancellationToken)
        => _core.SendForWrappedListAsync(
            PipelineRequest.Json(HttpMethod.Get, "/locales", "models.list_locales"),
            WireJsonContext.Default.LocaleCatalogBody,
            body => body.Locales,
            async,
            cancellationToken);

    private async ValueTask<ModelInfo> EnsureSupportsCoreAsync(string modelId, Language language, bool async, CancellationToken cancellationToken)
    {
        Validate.Id(modelId, "model id", nameof(modelId));
        Validate.Id(language.Value, "language", nameof(language));
        CartesiaList<ModelInfo> models = await ListCoreAsync(async, cancellationToken).ConfigureAwait(false);
        ModelInfo? model = models.FirstOrDefault(m => string.Equals(m.Id, modelId, StringComparison.Ordinal));
        if (model is not null && model.Supports(language))
        {
            return model;
        }

        List<string> alternatives = models
            .Where(m => m.Supports(language) && (model is null || m.Kind == model.Kind))
            .Select(m => m.Id)
            .ToList();
        string instead = alternatives.Count == 0 ? "no model of the catalogue takes it" : $"models that take it: {string.Join(", ", alternatives.Take(5))}";
        string message = model switch
        {
            null => $"Model '{modelId}' is not in the catalogue (GET /models); {instead}.",
            { SunsetDate: { } date } => $"Model '{modelId}' was sunset on {date:yyyy-MM-dd}; for language '{language}', {instead}.",
            _ when model.SunsetLanguages.FirstOrDefault(s => s.Language == language) is { } gone
                => $"Language '{language}' left model '{modelId}' on {gone.SunsetDate:yyyy-MM-dd}; {instead}.",
            _ => $"Model '{modelId}' does not take language '{language}'; {instead}.",
        };
        throw new ModelLanguageException(message, modelId, language) { Alternatives = alternatives };
    }

    private async ValueTask<SttModel?> FindSttModelCoreAsync(Language language, string? endpoint, bool async, CancellationToken cancellationToken)
    {
        Validate.Id(language.Value, "language", nameof(language));
        if (endpoint is not null)
        {
            Validate.Id(endpoint, "endpoint", nameof(endpoint));
        }

        CartesiaList<ModelInfo> models = await ListCoreAsync(async, cancellationToken).ConfigureAwait(false);
        ModelInfo? found = models.FirstOrDefault(m => m.Kind == ModelKind.SpeechToText && m.Supports(language) && (endpoint is null || m.ServesEndpoint(endpoint)));
        return found is null ? null : (SttModel?)new SttModel(found.Id);
    }
}
