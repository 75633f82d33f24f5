using System.Globalization;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Stt;

/// <summary>The query parameters of a speech-to-text socket (PROTOCOL.md §12.1, §13.1), checked as the service does.</summary>
internal sealed class SttSocketParameters
{
    public required string Model { get; init; }

    public required string Encoding { get; init; }

    public required int SampleRate { get; init; }

    public string Language { get; init; } = "en";

    public double? MaxSilenceSeconds { get; init; }

    public double? MinVolume { get; init; }

    public IReadOnlyList<string> Keyterms { get; init; } = [];

    public double? TurnStartThreshold { get; init; }

    public double? TurnEagerEndThreshold { get; init; }

    public double? TurnEndThreshold { get; init; }

    public double? TurnEndTimeoutMs { get; init; }

    public static SttSocketParameters Read(IQueryCollection query, bool turns)
    {
        string model = Required(query, "model");
        if (!(turns ? SttModels.Turns : SttModels.Manual).Contains(model))
        {
            throw new ApiError(400, "model_not_found", "Invalid model", "The model is not valid, make sure it is a valid model ID.") { DocUrl = SttModels.ModelsDocUrl };
        }

        string encoding = Required(query, "encoding");
        if (!SttModels.Encodings.Contains(encoding))
        {
            throw ApiError.BadRequest("Invalid encoding", $"'{encoding}' is not a supported encoding; use one of {string.Join(", ", SttModels.Encodings)}.");
        }

        string rateText = Required(query, "sample_rate");
        if (!int.TryParse(rateText, NumberStyles.None, CultureInfo.InvariantCulture, out int sampleRate) || sampleRate is <= 0 or > 192000)
        {
            throw ApiError.Invalid($"sample_rate must be a whole number of Hz; '{rateText}' is not.");
        }

        string[] keyterms = [.. query["keyterm"].Where(k => k is not null).Select(k => k!)];
        if (keyterms.Length > 100 || keyterms.Sum(k => k.Length) > 1200 || keyterms.Any(string.IsNullOrWhiteSpace))
        {
            throw ApiError.Invalid("keyterm takes at most 100 non-empty values of at most 1200 characters in all.");
        }

        var parameters = new SttSocketParameters
        {
            Model = model,
            Encoding = encoding,
            SampleRate = sampleRate,
            Keyterms = keyterms,
            Language = query["language"].FirstOrDefault() ?? "en",
            MinVolume = Number(query, "min_volume", 0, 1),
            MaxSilenceSeconds = Number(query, "max_silence_duration_secs", 0.01, 60),
            TurnStartThreshold = Number(query, "turn_start_threshold", 0.5, 0.9),
            TurnEagerEndThreshold = Number(query, "turn_eager_end_threshold", 0.3, 0.6),
            TurnEndThreshold = Number(query, "turn_end_threshold", 0.05, 0.5),
            TurnEndTimeoutMs = Number(query, "turn_end_timeout_ms", 640, 11200),
        };

        if (!turns && parameters.Language.Length is < 2 or > 3)
        {
            throw ApiError.BadRequest("Invalid language", $"'{parameters.Language}' is not a language code (ISO 639-1).");
        }

        return parameters;
    }

    /// <summary>A number within a range, or null when absent.</summary>
    public static double? Number(IQueryCollection query, string name, double min, double max)
    {
        string? text = query[name].FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max
            ? value
            : throw ApiError.Invalid(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}; '{text}' is not."));
    }

    private static string Required(IQueryCollection query, string name)
        => query[name].FirstOrDefault() is { Length: > 0 } value
            ? value
            : throw ApiError.Invalid($"The '{name}' query parameter is required.");
}
