namespace Cartesia.Catalog;

/// <summary>
/// The catalogue (<c>GET /models</c>) says a model does not take a language: the model is unknown, sunset, or the
/// language is not (or no longer) one of its languages. Thrown by <see cref="ModelsClient.EnsureSupportsAsync(string, Language, CancellationToken)"/>
/// before a request is sent.
/// </summary>
public class ModelLanguageException : CartesiaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in the user's terms.</param>
    /// <param name="modelId">The model asked for.</param>
    /// <param name="language">The language asked for.</param>
    public ModelLanguageException(string message, string modelId, Language language) : base(message)
    {
        ModelId = modelId;
        Language = language;
    }

    /// <summary>The model asked for.</summary>
    public string ModelId { get; }

    /// <summary>The language asked for.</summary>
    public Language Language { get; }

    /// <summary>Models of the same kind that do take the language, best first (may be empty).</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];
}
