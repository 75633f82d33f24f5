using System.Text;

namespace Cartesia.Stt;

/// <summary>
/// Builds the full transcript of a session from its events, by each endpoint's rule, joining segments verbatim
/// (never trimming or inserting spaces): on <c>/stt/websocket</c> the concatenation of every final
/// <see cref="SttTranscriptEvent.Text"/> (each a delta), with the latest interim as <see cref="Partial"/>; on
/// <c>/stt/turns/websocket</c> the concatenation of every <see cref="SttTurnEndEvent.Transcript"/>, with the
/// current turn's cumulative text as <see cref="Partial"/>. Linear in the text's length. Not thread-safe: feed it
/// from the loop that reads the events.
/// </summary>
/// <example>
/// <code>
/// var transcript = new SttTranscriptAccumulator();
/// await foreach (SttEvent e in session.ReadEventsAsync())
/// {
///     if (transcript.Apply(e))
///     {
///         Console.Write($"\r{transcript.TextWithPartial}");
///     }
/// }
/// </code>
/// </example>
public sealed class SttTranscriptAccumulator
{
    private readonly StringBuilder _final = new();
    private string? _text;
    private string _partial = string.Empty;

    /// <summary>
    /// Whether <see cref="Apply"/> reports an interim transcript or turn update whose text is the same as the
    /// previous one as no change (default true), so a display or a barge-in detector sees each change once.
    /// </summary>
    public bool DeduplicateInterims { get; init; } = true;

    /// <summary>The final text so far: every final segment or ended turn, verbatim.</summary>
    public string Text => _text ??= _final.ToString();

    /// <summary>The text not final yet: the latest interim transcript, or the current turn so far (empty when none).</summary>
    public string Partial => _partial;

    /// <summary>The final text followed by the partial text: what a live caption shows.</summary>
    public string TextWithPartial => Text + _partial;

    /// <summary>How many final segments (final transcripts or ended turns) have been added.</summary>
    public int Segments { get; private set; }

    /// <summary>Applies an event.</summary>
    /// <param name="sessionEvent">Any event of a session; those that carry no text are ignored.</param>
    /// <returns>Whether the transcript (final or partial) changed.</returns>
    public bool Apply(SttEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        switch (sessionEvent)
        {
            case SttTranscriptEvent { IsFinal: true } final:
                Append(final.Text);
                return true;
            case SttTranscriptEvent interim:
                return SetPartial(interim.Text);
            case SttTurnStartEvent:
                return SetPartial(string.Empty);
            case SttTurnUpdateEvent update:
                return SetPartial(update.Transcript);
            case SttTurnEagerEndEvent eager:
                return SetPartial(eager.Transcript);
            case SttTurnEndEvent end:
                Append(end.Transcript);
                return true;
            case SttReconnectedEvent:
                // The service forgot the open turn or interim with the old connection: so does the transcript.
                return SetPartial(string.Empty);
            default:
                return false;
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Reset()
    {
        _final.Clear();
        _text = null;
        _partial = string.Empty;
        Segments = 0;
    }

    /// <inheritdoc />
    public override string ToString() => TextWithPartial;

    private void Append(string text)
    {
        _final.Append(text);
        _text = null;
        _partial = string.Empty;
        Segments++;
    }

    private bool SetPartial(string text)
    {
        if (DeduplicateInterims && string.Equals(text, _partial, StringComparison.Ordinal))
        {
            return false;
        }

        _partial = text;
        return true;
    }
}
