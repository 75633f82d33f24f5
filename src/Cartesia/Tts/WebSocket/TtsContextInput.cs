using System.Globalization;
using System.Text;

namespace Cartesia.Tts;

/// <summary>
/// The sending side of a context (part of <see cref="TtsContext"/>): what text went out, the user-perceived
/// character held back from the last send (grapheme hold-back, so no frame ends inside an emoji, a flag or a letter
/// with combining marks), and the flushes sent and still waiting for their <c>flush_done</c>. It builds no frames
/// and sends nothing itself: the context asks it which text a frame carries and sends that.
/// </summary>
/// <remarks>Every member is called under the context's lock.</remarks>
internal sealed class TtsContextInput
{
    // Made when first needed: a one-shot context sends one piece and no flush (a thousand contexts on a socket are a
    // thousand of these, young garbage for the collector to copy).
    private string _sentText = string.Empty; // the text sent, while it is one piece
    private StringBuilder? _sentPieces; // the text sent, once it is more than one piece
    private Dictionary<int, TaskCompletionSource<int>>? _flushWaiters;
    private string? _heldTail; // the trailing user-perceived character of the last send, kept for the next one
    private int _flushesSent;
    private int _pendingFlushes;

    /// <summary>Characters of text sent (what is held back counts once it goes out).</summary>
    public int CharactersSent { get; private set; }

    /// <summary>Whether a flush was sent whose <c>flush_done</c> did not arrive yet.</summary>
    public bool FlushPending => _pendingFlushes > 0;

    /// <summary>All text sent so far, as sent (for aligning word timestamps).</summary>
    public string SentText => _sentPieces?.ToString() ?? _sentText;

    /// <summary>
    /// The part of <paramref name="text"/> (after what was held from the last send) that may go out now, holding
    /// back its trailing user-perceived character (grapheme cluster, UAX #29 as in <see cref="StringInfo"/>) when
    /// the next piece could still extend it: an emoji that a skin tone, a zero-width joiner or a second regional
    /// indicator may follow, a letter that combining marks may follow, half a surrogate pair. Only a trailing
    /// whitespace or punctuation character (which nothing extends) goes out at once: what is held is the end of an
    /// unfinished word, which the service could not speak yet anyway. Count it with <see cref="OnSent"/> once sent.
    /// </summary>
    public string TakeWholeGraphemes(string text)
    {
        string whole = _heldTail is { } held ? held + text : text;
        _heldTail = null;
        char last = whole[^1];
        if (char.IsAscii(last) && (char.IsWhiteSpace(last) || char.IsPunctuation(last)) && (whole.Length == 1 || char.IsAscii(whole[^2])))
        {
            return whole; // the common case, without segmenting the text
        }

        int[] starts = StringInfo.ParseCombiningCharacters(whole);
        int tail = starts[^1];
        if (whole.Length - tail == 1 && (char.IsWhiteSpace(last) || char.IsPunctuation(last)))
        {
            return whole;
        }

        _heldTail = whole[tail..];
        return whole[..tail];
    }

    /// <summary>Counts a piece of text that went out.</summary>
    public void OnSent(string piece)
    {
        CharactersSent += piece.Length;
        if (_sentPieces is not null)
        {
            _sentPieces.Append(piece);
        }
        else if (_sentText.Length == 0)
        {
            _sentText = piece;
        }
        else
        {
            _sentPieces = new StringBuilder(_sentText).Append(piece);
        }
    }

    /// <summary>
    /// A held trailing character goes out with the flush or the last input (nothing more can extend it); it is
    /// counted as sent at once.
    /// </summary>
    public string ReleaseHeldTail()
    {
        if (_heldTail is not { } held)
        {
            return string.Empty;
        }

        _heldTail = null;
        OnSent(held);
        return held;
    }

    /// <summary>Registers a flush about to be sent: its id (1 for the first) and the task its <c>flush_done</c> completes.</summary>
    public TaskCompletionSource<int> AddFlush()
    {
        int flushId = ++_flushesSent;
        var waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        (_flushWaiters ??= [])[flushId] = waiter;
        _pendingFlushes++;
        return waiter;
    }

    /// <summary>A <c>flush_done</c> arrived (with its id, or without one: then the oldest pending flush is meant).</summary>
    public void CompleteFlush(int? flushId)
    {
        _pendingFlushes = Math.Max(0, _pendingFlushes - 1);
        int id = flushId ?? (_flushesSent - _pendingFlushes);
        if (_flushWaiters?.Remove(id, out TaskCompletionSource<int>? waiter) == true)
        {
            waiter.TrySetResult(id);
        }
    }

    /// <summary>The context ended: flushes still waiting fail with its failure, or are cancelled.</summary>
    public void EndFlushes(Exception? failure)
    {
        if (_flushWaiters is null)
        {
            return;
        }

        foreach (TaskCompletionSource<int> waiter in _flushWaiters.Values)
        {
            if (failure is not null)
            {
                waiter.TrySetException(failure);
            }
            else
            {
                waiter.TrySetCanceled();
            }
        }

        _flushWaiters.Clear();
    }
}
