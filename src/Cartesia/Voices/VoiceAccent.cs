using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Voices;

/// <summary>
/// An accent of the catalogue (<c>GET /accents</c>, API 2026-08-14), by id: <c>british</c>, <c>parisian</c>,
/// <c>southern-us</c>, …. Only ids are accepted, not display names. Open: the catalogue grows, so any id is accepted;
/// the 79 known ids are static members.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<VoiceAccent>))]
public readonly record struct VoiceAccent : IStringValue<VoiceAccent>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>british</c>.</param>
    public VoiceAccent(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The wire value.</summary>
    public string Value { get; }

    /// <summary><c>abruzzo-italian</c>.</summary>
    public static VoiceAccent AbruzzoItalian { get; } = new("abruzzo-italian");

    /// <summary><c>african-american</c>.</summary>
    public static VoiceAccent AfricanAmerican { get; } = new("african-american");

    /// <summary><c>african-french</c>.</summary>
    public static VoiceAccent AfricanFrench { get; } = new("african-french");

    /// <summary><c>arabic</c>.</summary>
    public static VoiceAccent Arabic { get; } = new("arabic");

    /// <summary><c>arabic-english</c>.</summary>
    public static VoiceAccent ArabicEnglish { get; } = new("arabic-english");

    /// <summary><c>australian</c>.</summary>
    public static VoiceAccent Australian { get; } = new("australian");

    /// <summary><c>bagheli</c>.</summary>
    public static VoiceAccent Bagheli { get; } = new("bagheli");

    /// <summary><c>belgian-french</c>.</summary>
    public static VoiceAccent BelgianFrench { get; } = new("belgian-french");

    /// <summary><c>brazilian-portuguese</c>.</summary>
    public static VoiceAccent BrazilianPortuguese { get; } = new("brazilian-portuguese");

    /// <summary><c>british</c>.</summary>
    public static VoiceAccent British { get; } = new("british");

    /// <summary><c>budapest</c>.</summary>
    public static VoiceAccent Budapest { get; } = new("budapest");

    /// <summary><c>bulgarian</c>.</summary>
    public static VoiceAccent Bulgarian { get; } = new("bulgarian");

    /// <summary><c>california</c>.</summary>
    public static VoiceAccent California { get; } = new("california");

    /// <summary><c>camba</c>.</summary>
    public static VoiceAccent Camba { get; } = new("camba");

    /// <summary><c>campania</c>.</summary>
    public static VoiceAccent Campania { get; } = new("campania");

    /// <summary><c>canadian-english</c>.</summary>
    public static VoiceAccent CanadianEnglish { get; } = new("canadian-english");

    /// <summary><c>canadian-french</c>.</summary>
    public static VoiceAccent CanadianFrench { get; } = new("canadian-french");

    /// <summary><c>castilian</c>.</summary>
    public static VoiceAccent Castilian { get; } = new("castilian");

    /// <summary><c>central-tamil</c>.</summary>
    public static VoiceAccent CentralTamil { get; } = new("central-tamil");

    /// <summary><c>central-thai</c>.</summary>
    public static VoiceAccent CentralThai { get; } = new("central-thai");

    /// <summary><c>central-vietnamese</c>.</summary>
    public static VoiceAccent CentralVietnamese { get; } = new("central-vietnamese");

    /// <summary><c>chilean</c>.</summary>
    public static VoiceAccent Chilean { get; } = new("chilean");

    /// <summary><c>colombian</c>.</summary>
    public static VoiceAccent Colombian { get; } = new("colombian");

    /// <summary><c>czech</c>.</summary>
    public static VoiceAccent Czech { get; } = new("czech");

    /// <summary><c>danish</c>.</summary>
    public static VoiceAccent Danish { get; } = new("danish");

    /// <summary><c>european-portuguese</c>.</summary>
    public static VoiceAccent EuropeanPortuguese { get; } = new("european-portuguese");

    /// <summary><c>finnish</c>.</summary>
    public static VoiceAccent Finnish { get; } = new("finnish");

    /// <summary><c>general-american</c>.</summary>
    public static VoiceAccent GeneralAmerican { get; } = new("general-american");

    /// <summary><c>high-german</c>.</summary>
    public static VoiceAccent HighGerman { get; } = new("high-german");

    /// <summary><c>hindi</c>.</summary>
    public static VoiceAccent Hindi { get; } = new("hindi");

    /// <summary><c>indian-english</c>.</summary>
    public static VoiceAccent IndianEnglish { get; } = new("indian-english");

    /// <summary><c>indian-urdu</c>.</summary>
    public static VoiceAccent IndianUrdu { get; } = new("indian-urdu");

    /// <summary><c>irish</c>.</summary>
    public static VoiceAccent Irish { get; } = new("irish");

    /// <summary><c>israeli</c>.</summary>
    public static VoiceAccent Israeli { get; } = new("israeli");

    /// <summary><c>istanbul</c>.</summary>
    public static VoiceAccent Istanbul { get; } = new("istanbul");

    /// <summary><c>italian</c>.</summary>
    public static VoiceAccent Italian { get; } = new("italian");

    /// <summary><c>jakarta</c>.</summary>
    public static VoiceAccent Jakarta { get; } = new("jakarta");

    /// <summary><c>japanese</c>.</summary>
    public static VoiceAccent Japanese { get; } = new("japanese");

    /// <summary><c>jessore</c>.</summary>
    public static VoiceAccent Jessore { get; } = new("jessore");

    /// <summary><c>khaleeji</c>.</summary>
    public static VoiceAccent Khaleeji { get; } = new("khaleeji");

    /// <summary><c>konkani</c>.</summary>
    public static VoiceAccent Konkani { get; } = new("konkani");

    /// <summary><c>korean</c>.</summary>
    public static VoiceAccent Korean { get; } = new("korean");

    /// <summary><c>kyiv</c>.</summary>
    public static VoiceAccent Kyiv { get; } = new("kyiv");

    /// <summary><c>malay</c>.</summary>
    public static VoiceAccent Malay { get; } = new("malay");

    /// <summary><c>mandarin</c>.</summary>
    public static VoiceAccent Mandarin { get; } = new("mandarin");

    /// <summary><c>manila</c>.</summary>
    public static VoiceAccent Manila { get; } = new("manila");

    /// <summary><c>mexican</c>.</summary>
    public static VoiceAccent Mexican { get; } = new("mexican");

    /// <summary><c>middle-eastern-arabic</c>.</summary>
    public static VoiceAccent MiddleEasternArabic { get; } = new("middle-eastern-arabic");

    /// <summary><c>midwestern-american</c>.</summary>
    public static VoiceAccent MidwesternAmerican { get; } = new("midwestern-american");

    /// <summary><c>modern-standard-arabic</c>.</summary>
    public static VoiceAccent ModernStandardArabic { get; } = new("modern-standard-arabic");

    /// <summary><c>moldovan</c>.</summary>
    public static VoiceAccent Moldovan { get; } = new("moldovan");

    /// <summary><c>new-york</c>.</summary>
    public static VoiceAccent NewYork { get; } = new("new-york");

    /// <summary><c>new-zealand</c>.</summary>
    public static VoiceAccent NewZealand { get; } = new("new-zealand");

    /// <summary><c>north-kerala</c>.</summary>
    public static VoiceAccent NorthKerala { get; } = new("north-kerala");

    /// <summary><c>odia</c>.</summary>
    public static VoiceAccent Odia { get; } = new("odia");

    /// <summary><c>oslo</c>.</summary>
    public static VoiceAccent Oslo { get; } = new("oslo");

    /// <summary><c>parisian</c>.</summary>
    public static VoiceAccent Parisian { get; } = new("parisian");

    /// <summary><c>parsi</c>.</summary>
    public static VoiceAccent Parsi { get; } = new("parsi");

    /// <summary><c>peruvian</c>.</summary>
    public static VoiceAccent Peruvian { get; } = new("peruvian");

    /// <summary><c>polish</c>.</summary>
    public static VoiceAccent Polish { get; } = new("polish");

    /// <summary><c>powadhi</c>.</summary>
    public static VoiceAccent Powadhi { get; } = new("powadhi");

    /// <summary><c>randstad</c>.</summary>
    public static VoiceAccent Randstad { get; } = new("randstad");

    /// <summary><c>romanian</c>.</summary>
    public static VoiceAccent Romanian { get; } = new("romanian");

    /// <summary><c>russian</c>.</summary>
    public static VoiceAccent Russian { get; } = new("russian");

    /// <summary><c>singaporean</c>.</summary>
    public static VoiceAccent Singaporean { get; } = new("singaporean");

    /// <summary><c>slovak</c>.</summary>
    public static VoiceAccent Slovak { get; } = new("slovak");

    /// <summary><c>south-african</c>.</summary>
    public static VoiceAccent SouthAfrican { get; } = new("south-african");

    /// <summary><c>southern-us</c>.</summary>
    public static VoiceAccent SouthernUs { get; } = new("southern-us");

    /// <summary><c>southern-karnataka</c>.</summary>
    public static VoiceAccent SouthernKarnataka { get; } = new("southern-karnataka");

    /// <summary><c>southern-vietnamese</c>.</summary>
    public static VoiceAccent SouthernVietnamese { get; } = new("southern-vietnamese");

    /// <summary><c>standard-japanese</c>.</summary>
    public static VoiceAccent StandardJapanese { get; } = new("standard-japanese");

    /// <summary><c>stockholm</c>.</summary>
    public static VoiceAccent Stockholm { get; } = new("stockholm");

    /// <summary><c>swiss-standard</c>.</summary>
    public static VoiceAccent SwissStandard { get; } = new("swiss-standard");

    /// <summary><c>taiwanese-mandarin</c>.</summary>
    public static VoiceAccent TaiwaneseMandarin { get; } = new("taiwanese-mandarin");

    /// <summary><c>tbilisi</c>.</summary>
    public static VoiceAccent Tbilisi { get; } = new("tbilisi");

    /// <summary><c>telangana</c>.</summary>
    public static VoiceAccent Telangana { get; } = new("telangana");

    /// <summary><c>urdu</c>.</summary>
    public static VoiceAccent Urdu { get; } = new("urdu");

    /// <summary><c>thessaloniki</c>.</summary>
    public static VoiceAccent Thessaloniki { get; } = new("thessaloniki");

    /// <summary><c>zagreb</c>.</summary>
    public static VoiceAccent Zagreb { get; } = new("zagreb");

    /// <summary>The 79 accent ids the SDK knows (the live catalogue is <see cref="VoicesClient.ListAccentsAsync"/>).</summary>
    public static IReadOnlyList<VoiceAccent> Known { get; } =
    [
        AbruzzoItalian, AfricanAmerican, AfricanFrench, Arabic, ArabicEnglish, Australian, Bagheli, BelgianFrench,
        BrazilianPortuguese, British, Budapest, Bulgarian, California, Camba, Campania, CanadianEnglish,
        CanadianFrench, Castilian, CentralTamil, CentralThai, CentralVietnamese, Chilean, Colombian, Czech, Danish,
        EuropeanPortuguese, Finnish, GeneralAmerican, HighGerman, Hindi, IndianEnglish, IndianUrdu, Irish, Israeli,
        Istanbul, Italian, Jakarta, Japanese, Jessore, Khaleeji, Konkani, Korean, Kyiv, Malay, Mandarin, Manila,
        Mexican, MiddleEasternArabic, MidwesternAmerican, ModernStandardArabic, Moldovan, NewYork, NewZealand,
        NorthKerala, Odia, Oslo, Parisian, Parsi, Peruvian, Polish, Powadhi, Randstad, Romanian, Russian,
        Singaporean, Slovak, SouthAfrican, SouthernUs, SouthernKarnataka, SouthernVietnamese, StandardJapanese,
        Stockholm, SwissStandard, TaiwaneseMandarin, Tbilisi, Telangana, Urdu, Thessaloniki, Zagreb,
    ];

    /// <summary>Converts a wire value to a <see cref="VoiceAccent"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoiceAccent(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static VoiceAccent IStringValue<VoiceAccent>.FromValue(string value) => new(value);
}
