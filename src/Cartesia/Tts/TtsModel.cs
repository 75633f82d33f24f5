using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// A text-to-speech model id. Open: any id is accepted (the service adds models), the known ones are static
/// members. Base names (<c>sonic-3</c>) follow the newest snapshot; dated names (<c>sonic-3-2026-01-12</c>)
/// stay fixed, which is what production and Pro Voice Clones want.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<TtsModel>))]
public readonly record struct TtsModel : IStringValue<TtsModel>
{
    private static readonly DateOnly SunsetDate20260601 = new(2026, 6, 1);

    /// <summary>Creates a model id.</summary>
    /// <param name="value">The model id, for example <c>sonic-3</c>.</param>
    public TtsModel(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The model id.</summary>
    public string Value { get; }

    /// <summary><c>sonic-3.6</c>: the current flagship, Cartesia's newest TTS model (42 languages).</summary>
    public static TtsModel Sonic3_6 { get; } = new("sonic-3.6");

    /// <summary><c>sonic-3.5</c>: the previous flagship (42 languages); speed and volume are temporarily disabled on it.</summary>
    public static TtsModel Sonic3_5 { get; } = new("sonic-3.5");

    /// <summary><c>sonic-3.5-2026-05-04</c>: the dated snapshot of Sonic 3.5.</summary>
    public static TtsModel Sonic3_5_2026_05_04 { get; } = new("sonic-3.5-2026-05-04");

    /// <summary><c>sonic-3</c>: Sonic 3 (42 languages, volume / speed / emotion controls, SSML).</summary>
    public static TtsModel Sonic3 { get; } = new("sonic-3");

    /// <summary><c>sonic-3-2026-01-12</c>: a dated Sonic 3 snapshot; the base model of Pro Voice Clones.</summary>
    public static TtsModel Sonic3_2026_01_12 { get; } = new("sonic-3-2026-01-12");

    /// <summary><c>sonic-3-2025-10-27</c>: an earlier dated Sonic 3 snapshot.</summary>
    public static TtsModel Sonic3_2025_10_27 { get; } = new("sonic-3-2025-10-27");

    /// <summary>
    /// <c>sonic-latest</c>: a floating alias of the newest model (now <see cref="Sonic3_6"/>); it can change without
    /// notice, so pin <see cref="Sonic3_6"/> or a dated snapshot in production.
    /// </summary>
    public static TtsModel SonicLatest { get; } = new("sonic-latest");

    /// <summary><c>sonic-2</c>: the older Sonic 2 (since 2026-06-01 only en, de, es, fr, ja, ko, pt, zh).</summary>
    public static TtsModel Sonic2 { get; } = new("sonic-2");

    /// <summary><c>sonic-2-2025-04-16</c>: a dated Sonic 2 snapshot.</summary>
    public static TtsModel Sonic2_2025_04_16 { get; } = new("sonic-2-2025-04-16");

    /// <summary><c>sonic-2-2025-05-08</c>: a dated Sonic 2 snapshot.</summary>
    public static TtsModel Sonic2_2025_05_08 { get; } = new("sonic-2-2025-05-08");

    /// <summary><c>sonic-2-2025-06-11</c>: a dated Sonic 2 snapshot.</summary>
    public static TtsModel Sonic2_2025_06_11 { get; } = new("sonic-2-2025-06-11");

    /// <summary><c>sonic-turbo</c>: the low-latency Sonic Turbo.</summary>
    public static TtsModel SonicTurbo { get; } = new("sonic-turbo");

    /// <summary><c>sonic-turbo-2025-06-04</c>: a dated Sonic Turbo snapshot.</summary>
    public static TtsModel SonicTurbo_2025_06_04 { get; } = new("sonic-turbo-2025-06-04");

    /// <summary><c>sonic</c>: sunset on 2026-06-01.</summary>
    [Obsolete("Sunset on 2026-06-01: the service rejects it with model_sunsetted. Use TtsModel.Sonic3 (or a dated sonic-3 snapshot).")]
    public static TtsModel Sonic { get; } = new("sonic");

    /// <summary><c>sonic-english</c>: sunset on 2026-06-01.</summary>
    [Obsolete("Sunset on 2026-06-01: the service rejects it with model_sunsetted. Use TtsModel.Sonic3 (or a dated sonic-3 snapshot).")]
    public static TtsModel SonicEnglish { get; } = new("sonic-english");

    /// <summary><c>sonic-multilingual</c>: sunset on 2026-06-01.</summary>
    [Obsolete("Sunset on 2026-06-01: the service rejects it with model_sunsetted. Use TtsModel.Sonic3 (or a dated sonic-3 snapshot).")]
    public static TtsModel SonicMultilingual { get; } = new("sonic-multilingual");

    /// <summary><c>sonic-2-2025-03-07</c>: sunset on 2026-06-01.</summary>
    [Obsolete("Sunset on 2026-06-01: the service rejects it with model_sunsetted. Use TtsModel.Sonic2 or TtsModel.Sonic3.")]
    public static TtsModel Sonic2_2025_03_07 { get; } = new("sonic-2-2025-03-07");

    /// <summary><c>sonic-turbo-2025-03-07</c>: sunset on 2026-06-01.</summary>
    [Obsolete("Sunset on 2026-06-01: the service rejects it with model_sunsetted. Use TtsModel.SonicTurbo or TtsModel.Sonic3.")]
    public static TtsModel SonicTurbo_2025_03_07 { get; } = new("sonic-turbo-2025-03-07");

    /// <summary>The date this model was sunset, or <see langword="null"/> for a model that is not known to be sunset.</summary>
    public DateOnly? SunsetDate => Value switch
    {
        "sonic" or "sonic-english" or "sonic-multilingual" or "sonic-2-2025-03-07" or "sonic-turbo-2025-03-07" => SunsetDate20260601,
        _ => null,
    };

    /// <summary>
    /// The date <paramref name="language"/> left this model, or <see langword="null"/> when it is not known to have
    /// left: on 2026-06-01 the <c>sonic-2</c> snapshots lost it, nl, pl, ru, sv, tr and hi, and the
    /// <c>sonic-turbo-2025-06-04</c> snapshot lost it, nl, pl, ru, sv and tr (the service rejects them there).
    /// A model sunset as a whole has <see cref="SunsetDate"/> instead.
    /// </summary>
    /// <param name="language">The language of the request.</param>
    public DateOnly? GetLanguageSunsetDate(Language language) => (Value, language.Value) switch
    {
        ("sonic-2" or "sonic-2-2025-04-16" or "sonic-2-2025-05-08" or "sonic-2-2025-06-11", "it" or "nl" or "pl" or "ru" or "sv" or "tr" or "hi") => SunsetDate20260601,
        ("sonic-turbo" or "sonic-turbo-2025-06-04", "it" or "nl" or "pl" or "ru" or "sv" or "tr") => SunsetDate20260601,
        _ => null,
    };

    /// <summary>Whether this model is known to be sunset (the service rejects it).</summary>
    public bool IsSunset => SunsetDate is not null;

    /// <summary>The model to use instead of a sunset one.</summary>
    public TtsModel? Replacement => Value switch
    {
        "sonic-2-2025-03-07" => Sonic2,
        "sonic-turbo-2025-03-07" => SonicTurbo,
        _ when IsSunset => Sonic3,
        _ => (TtsModel?)null,
    };

    /// <summary>Converts a model id to a <see cref="TtsModel"/>.</summary>
    /// <param name="value">The model id.</param>
    public static implicit operator TtsModel(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static TtsModel IStringValue<TtsModel>.FromValue(string value) => new(value);
}
