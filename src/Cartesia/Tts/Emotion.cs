using System.Text.Json.Serialization;
using Cartesia.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// An emotion to guide Sonic 3 speech (<see cref="GenerationConfig.Emotion"/>). The primary emotions are
/// neutral, calm, angry, content, sad and scared. Open: any string is accepted.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<Emotion>))]
public readonly record struct Emotion : IStringValue<Emotion>
{
    /// <summary>Creates an emotion.</summary>
    /// <param name="value">The emotion name, for example <c>calm</c>.</param>
    public Emotion(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The emotion name.</summary>
    public string Value { get; }

    /// <summary><c>neutral</c>.</summary>
    public static Emotion Neutral { get; } = new("neutral");

    /// <summary><c>happy</c>.</summary>
    public static Emotion Happy { get; } = new("happy");

    /// <summary><c>excited</c>.</summary>
    public static Emotion Excited { get; } = new("excited");

    /// <summary><c>enthusiastic</c>.</summary>
    public static Emotion Enthusiastic { get; } = new("enthusiastic");

    /// <summary><c>elated</c>.</summary>
    public static Emotion Elated { get; } = new("elated");

    /// <summary><c>euphoric</c>.</summary>
    public static Emotion Euphoric { get; } = new("euphoric");

    /// <summary><c>triumphant</c>.</summary>
    public static Emotion Triumphant { get; } = new("triumphant");

    /// <summary><c>amazed</c>.</summary>
    public static Emotion Amazed { get; } = new("amazed");

    /// <summary><c>surprised</c>.</summary>
    public static Emotion Surprised { get; } = new("surprised");

    /// <summary><c>flirtatious</c>.</summary>
    public static Emotion Flirtatious { get; } = new("flirtatious");

    /// <summary><c>curious</c>.</summary>
    public static Emotion Curious { get; } = new("curious");

    /// <summary><c>content</c>.</summary>
    public static Emotion Content { get; } = new("content");

    /// <summary><c>peaceful</c>.</summary>
    public static Emotion Peaceful { get; } = new("peaceful");

    /// <summary><c>serene</c>.</summary>
    public static Emotion Serene { get; } = new("serene");

    /// <summary><c>calm</c>.</summary>
    public static Emotion Calm { get; } = new("calm");

    /// <summary><c>grateful</c>.</summary>
    public static Emotion Grateful { get; } = new("grateful");

    /// <summary><c>affectionate</c>.</summary>
    public static Emotion Affectionate { get; } = new("affectionate");

    /// <summary><c>trust</c>.</summary>
    public static Emotion Trust { get; } = new("trust");

    /// <summary><c>sympathetic</c>.</summary>
    public static Emotion Sympathetic { get; } = new("sympathetic");

    /// <summary><c>anticipation</c>.</summary>
    public static Emotion Anticipation { get; } = new("anticipation");

    /// <summary><c>mysterious</c>.</summary>
    public static Emotion Mysterious { get; } = new("mysterious");

    /// <summary><c>angry</c>.</summary>
    public static Emotion Angry { get; } = new("angry");

    /// <summary><c>mad</c>.</summary>
    public static Emotion Mad { get; } = new("mad");

    /// <summary><c>outraged</c>.</summary>
    public static Emotion Outraged { get; } = new("outraged");

    /// <summary><c>frustrated</c>.</summary>
    public static Emotion Frustrated { get; } = new("frustrated");

    /// <summary><c>agitated</c>.</summary>
    public static Emotion Agitated { get; } = new("agitated");

    /// <summary><c>threatened</c>.</summary>
    public static Emotion Threatened { get; } = new("threatened");

    /// <summary><c>disgusted</c>.</summary>
    public static Emotion Disgusted { get; } = new("disgusted");

    /// <summary><c>contempt</c>.</summary>
    public static Emotion Contempt { get; } = new("contempt");

    /// <summary><c>envious</c>.</summary>
    public static Emotion Envious { get; } = new("envious");

    /// <summary><c>sarcastic</c>.</summary>
    public static Emotion Sarcastic { get; } = new("sarcastic");

    /// <summary><c>ironic</c>.</summary>
    public static Emotion Ironic { get; } = new("ironic");

    /// <summary><c>sad</c>.</summary>
    public static Emotion Sad { get; } = new("sad");

    /// <summary><c>dejected</c>.</summary>
    public static Emotion Dejected { get; } = new("dejected");

    /// <summary><c>melancholic</c>.</summary>
    public static Emotion Melancholic { get; } = new("melancholic");

    /// <summary><c>disappointed</c>.</summary>
    public static Emotion Disappointed { get; } = new("disappointed");

    /// <summary><c>hurt</c>.</summary>
    public static Emotion Hurt { get; } = new("hurt");

    /// <summary><c>guilty</c>.</summary>
    public static Emotion Guilty { get; } = new("guilty");

    /// <summary><c>bored</c>.</summary>
    public static Emotion Bored { get; } = new("bored");

    /// <summary><c>tired</c>.</summary>
    public static Emotion Tired { get; } = new("tired");

    /// <summary><c>rejected</c>.</summary>
    public static Emotion Rejected { get; } = new("rejected");

    /// <summary><c>nostalgic</c>.</summary>
    public static Emotion Nostalgic { get; } = new("nostalgic");

    /// <summary><c>wistful</c>.</summary>
    public static Emotion Wistful { get; } = new("wistful");

    /// <summary><c>apologetic</c>.</summary>
    public static Emotion Apologetic { get; } = new("apologetic");

    /// <summary><c>hesitant</c>.</summary>
    public static Emotion Hesitant { get; } = new("hesitant");

    /// <summary><c>insecure</c>.</summary>
    public static Emotion Insecure { get; } = new("insecure");

    /// <summary><c>confused</c>.</summary>
    public static Emotion Confused { get; } = new("confused");

    /// <summary><c>resigned</c>.</summary>
    public static Emotion Resigned { get; } = new("resigned");

    /// <summary><c>anxious</c>.</summary>
    public static Emotion Anxious { get; } = new("anxious");

    /// <summary><c>panicked</c>.</summary>
    public static Emotion Panicked { get; } = new("panicked");

    /// <summary><c>alarmed</c>.</summary>
    public static Emotion Alarmed { get; } = new("alarmed");

    /// <summary><c>scared</c>.</summary>
    public static Emotion Scared { get; } = new("scared");

    /// <summary><c>proud</c>.</summary>
    public static Emotion Proud { get; } = new("proud");

    /// <summary><c>confident</c>.</summary>
    public static Emotion Confident { get; } = new("confident");

    /// <summary><c>distant</c>.</summary>
    public static Emotion Distant { get; } = new("distant");

    /// <summary><c>skeptical</c>.</summary>
    public static Emotion Skeptical { get; } = new("skeptical");

    /// <summary><c>contemplative</c>.</summary>
    public static Emotion Contemplative { get; } = new("contemplative");

    /// <summary><c>determined</c>.</summary>
    public static Emotion Determined { get; } = new("determined");

    /// <summary>Converts a name to an <see cref="Emotion"/>.</summary>
    /// <param name="value">The emotion name.</param>
    public static implicit operator Emotion(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    static Emotion IStringValue<Emotion>.FromValue(string value) => new(value);
}
