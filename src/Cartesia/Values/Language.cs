using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia;

/// <summary>
/// A language code (ISO 639-1, for example <c>en</c>). Open: the service adds languages, so any code is
/// accepted; the languages Sonic speaks are static members.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<Language>))]
public readonly record struct Language : IStringValue<Language>
{
    /// <summary>Creates a language from its code.</summary>
    /// <param name="value">The language code, for example <c>en</c>.</param>
    public Language(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The language code.</summary>
    public string Value { get; }

    /// <summary>English (<c>en</c>).</summary>
    public static Language English { get; } = new("en");

    /// <summary>French (<c>fr</c>).</summary>
    public static Language French { get; } = new("fr");

    /// <summary>German (<c>de</c>).</summary>
    public static Language German { get; } = new("de");

    /// <summary>Spanish (<c>es</c>).</summary>
    public static Language Spanish { get; } = new("es");

    /// <summary>Portuguese (<c>pt</c>).</summary>
    public static Language Portuguese { get; } = new("pt");

    /// <summary>Chinese (<c>zh</c>).</summary>
    public static Language Chinese { get; } = new("zh");

    /// <summary>Japanese (<c>ja</c>).</summary>
    public static Language Japanese { get; } = new("ja");

    /// <summary>Hindi (<c>hi</c>).</summary>
    public static Language Hindi { get; } = new("hi");

    /// <summary>Italian (<c>it</c>).</summary>
    public static Language Italian { get; } = new("it");

    /// <summary>Korean (<c>ko</c>).</summary>
    public static Language Korean { get; } = new("ko");

    /// <summary>Dutch (<c>nl</c>).</summary>
    public static Language Dutch { get; } = new("nl");

    /// <summary>Polish (<c>pl</c>).</summary>
    public static Language Polish { get; } = new("pl");

    /// <summary>Russian (<c>ru</c>).</summary>
    public static Language Russian { get; } = new("ru");

    /// <summary>Swedish (<c>sv</c>).</summary>
    public static Language Swedish { get; } = new("sv");

    /// <summary>Turkish (<c>tr</c>).</summary>
    public static Language Turkish { get; } = new("tr");

    /// <summary>Tagalog (<c>tl</c>).</summary>
    public static Language Tagalog { get; } = new("tl");

    /// <summary>Bulgarian (<c>bg</c>).</summary>
    public static Language Bulgarian { get; } = new("bg");

    /// <summary>Romanian (<c>ro</c>).</summary>
    public static Language Romanian { get; } = new("ro");

    /// <summary>Arabic (<c>ar</c>).</summary>
    public static Language Arabic { get; } = new("ar");

    /// <summary>Czech (<c>cs</c>).</summary>
    public static Language Czech { get; } = new("cs");

    /// <summary>Greek (<c>el</c>).</summary>
    public static Language Greek { get; } = new("el");

    /// <summary>Finnish (<c>fi</c>).</summary>
    public static Language Finnish { get; } = new("fi");

    /// <summary>Croatian (<c>hr</c>).</summary>
    public static Language Croatian { get; } = new("hr");

    /// <summary>Malay (<c>ms</c>).</summary>
    public static Language Malay { get; } = new("ms");

    /// <summary>Slovak (<c>sk</c>).</summary>
    public static Language Slovak { get; } = new("sk");

    /// <summary>Danish (<c>da</c>).</summary>
    public static Language Danish { get; } = new("da");

    /// <summary>Tamil (<c>ta</c>).</summary>
    public static Language Tamil { get; } = new("ta");

    /// <summary>Ukrainian (<c>uk</c>).</summary>
    public static Language Ukrainian { get; } = new("uk");

    /// <summary>Hungarian (<c>hu</c>).</summary>
    public static Language Hungarian { get; } = new("hu");

    /// <summary>Norwegian (<c>no</c>).</summary>
    public static Language Norwegian { get; } = new("no");

    /// <summary>Vietnamese (<c>vi</c>).</summary>
    public static Language Vietnamese { get; } = new("vi");

    /// <summary>Bengali (<c>bn</c>).</summary>
    public static Language Bengali { get; } = new("bn");

    /// <summary>Thai (<c>th</c>).</summary>
    public static Language Thai { get; } = new("th");

    /// <summary>Hebrew (<c>he</c>).</summary>
    public static Language Hebrew { get; } = new("he");

    /// <summary>Georgian (<c>ka</c>).</summary>
    public static Language Georgian { get; } = new("ka");

    /// <summary>Indonesian (<c>id</c>).</summary>
    public static Language Indonesian { get; } = new("id");

    /// <summary>Telugu (<c>te</c>).</summary>
    public static Language Telugu { get; } = new("te");

    /// <summary>Gujarati (<c>gu</c>).</summary>
    public static Language Gujarati { get; } = new("gu");

    /// <summary>Kannada (<c>kn</c>).</summary>
    public static Language Kannada { get; } = new("kn");

    /// <summary>Malayalam (<c>ml</c>).</summary>
    public static Language Malayalam { get; } = new("ml");

    /// <summary>Marathi (<c>mr</c>).</summary>
    public static Language Marathi { get; } = new("mr");

    /// <summary>Punjabi (<c>pa</c>).</summary>
    public static Language Punjabi { get; } = new("pa");

    /// <summary>Odia (<c>or</c>).</summary>
    public static Language Odia { get; } = new("or");

    /// <summary>Urdu (<c>ur</c>).</summary>
    public static Language Urdu { get; } = new("ur");

    /// <summary>The 44 languages of Sonic text-to-speech (API 2026-08-14).</summary>
    public static IReadOnlyList<Language> TextToSpeechLanguages { get; } =
    [
        English, French, German, Spanish, Portuguese, Chinese, Japanese, Hindi, Italian, Korean, Dutch, Polish, Russian, Swedish, Turkish, Tagalog, Bulgarian, Romanian, Arabic, Czech, Greek, Finnish, Croatian, Malay, Slovak, Danish, Tamil, Ukrainian, Hungarian, Norwegian, Vietnamese, Bengali, Thai, Hebrew, Georgian, Indonesian, Telugu, Gujarati, Kannada, Malayalam, Marathi, Punjabi, Odia, Urdu,
    ];

    /// <summary>Converts a language code to a <see cref="Language"/>.</summary>
    /// <param name="value">The language code.</param>
    public static implicit operator Language(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static Language IStringValue<Language>.FromValue(string value) => new(value);
}
