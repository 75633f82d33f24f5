using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>
/// One reply of the agent: its text (from a chat call, or fixed: a greeting, an apology), which goes into a queue
/// of pieces, and, once committed, a text-to-speech context that speaks the queue and hands its audio to the loop.
/// A speculative reply (started on <c>turn.eager_end</c>) only fills its queue until the turn ends: nothing of it is
/// sent to text-to-speech before it is committed, so a discarded answer is never heard.
/// </summary>
/// <remarks>
/// The loop owns the fields without a lock (the loop's thread of control only); the background tasks touch only
/// the queue, the text (under <see cref="_textGate"/>), the first-token time and the signals they post.
/// </remarks>
internal sealed class VoiceAgentResponse
{
    private readonly Channel<string> _pieces = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly StringBuilder _text = new();
    private readonly object _textGate = new();
    private readonly ChannelWriter<VoiceAgentSignal> _signals;
    private readonly SemaphoreSlim _audioSlots;
    private readonly TimeProvider _time;
    private long _firstToken;
    private long _firstTextSent;
    private Task _chat = Task.CompletedTask;
    private Task _speaking = Task.CompletedTask;

    public VoiceAgentResponse(int id, string? userText, ChannelWriter<VoiceAgentSignal> signals, SemaphoreSlim audioSlots, TimeProvider time, CancellationToken runToken)
    {
        Id = id;
        UserText = userText;
        _signals = signals;
        _audioSlots = audioSlots;
        _time = time;
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(runToken);
    }

    public int Id { get; }

    /// <summary>The user's turn it answers; null for a greeting or a silence reply.</summary>
    public string? UserText { get; }

    public CancellationTokenSource Cancellation { get; }

    public TtsContext? Context { get; private set; }

    public bool Committed => Context is not null;

    public bool ChatFinished { get; set; }

    public bool AudioFinished { get; set; }

    /// <summary>Ended: finished, interrupted or discarded; its late signals are ignored.</summary>
    public bool Ended { get; set; }

    public Exception? Error { get; set; }

    public bool Speculative { get; init; }

    public long DeliveredBytes { get; set; }

    /// <summary>Where its first byte plays, in the app's played-bytes count.</summary>
    public long PlaybackStart { get; set; }

    public ChatMessage? HistoryMessage { get; set; }

    public Activity? Activity { get; set; }

    public long TranscriptAt { get; set; }

    public long EndOfSpeechAt { get; set; }

    public long FirstAudioAt { get; set; }

    public string Text
    {
        get
        {
            lock (_textGate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>A reply whose text is known (greeting, silence reply): queued at once.</summary>
    public void StartFixed(string text)
    {
        Append(text);
        _pieces.Writer.TryComplete();
        _signals.TryWrite(new VoiceAgentSignal.ChatDone(this, null));
    }

    /// <summary>Starts the chat call in the background; its pieces queue up until the reply is committed.</summary>
    public void StartChat(IChatClient chat, List<ChatMessage> messages, CartesiaVoiceAgentOptions options)
        => _chat = Task.Run(() => ChatAsync(chat, messages, options), CancellationToken.None);

    /// <summary>Puts the reply on a text-to-speech context: the queued pieces go out, then the rest as it comes.</summary>
    public void Commit(TtsContext context)
    {
        Context = context;
        _speaking = Task.Run(SpeakAsync, CancellationToken.None);
    }

    /// <summary>Stops everything of the reply (the chat call, the context); late signals are ignored by the loop.</summary>
    public void Cancel()
    {
        Ended = true;
        if (!Cancellation.IsCancellationRequested)
        {
            Cancellation.Cancel();
        }
    }

    /// <summary>Waits for the background tasks (after <see cref="Cancel"/>) and releases the context.</summary>
    public async Task DisposeAsync()
    {
        Cancel();
        await Task.WhenAll(_chat, _speaking).ConfigureAwait(false);
        if (Context is not null)
        {
            await Context.DisposeAsync().ConfigureAwait(false);
        }

        Cancellation.Dispose();
    }

    public VoiceAgentTurnMetrics Metrics()
    {
        long firstToken = Volatile.Read(ref _firstToken);
        long firstText = Volatile.Read(ref _firstTextSent);
        TimeSpan? ttsFirst = Context?.Metrics.TimeToFirstAudio;
        return new VoiceAgentTurnMetrics(
            Between(EndOfSpeechAt, TranscriptAt),
            TranscriptAt == 0 || firstToken == 0 ? null : firstToken <= TranscriptAt ? TimeSpan.Zero : _time.GetElapsedTime(TranscriptAt, firstToken),
            Between(TranscriptAt, FirstAudioAt),
            ttsFirst ?? (firstText != 0 && FirstAudioAt != 0 ? _time.GetElapsedTime(firstText, FirstAudioAt) : null),
            Speculative);
    }

    private TimeSpan? Between(long from, long to) => from == 0 || to == 0 ? null : _time.GetElapsedTime(from, to);

    private void Append(string piece)
    {
        lock (_textGate)
        {
            _text.Append(piece);
        }

        _pieces.Writer.TryWrite(piece);
    }

    private int TextLength
    {
        get
        {
            lock (_textGate)
            {
                return _text.Length;
            }
        }
    }

    private async Task ChatAsync(IChatClient chat, List<ChatMessage> messages, CartesiaVoiceAgentOptions options)
    {
        CancellationToken replyToken = Cancellation.Token;
        using var quiet = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(replyToken, quiet.Token);
        Exception? error = null;
        bool toolSpoken = false;
        try
        {
            quiet.CancelAfter(options.ResponseTimeout);
            await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(messages, options.ChatOptions, linked.Token).ConfigureAwait(false))
            {
                quiet.CancelAfter(options.ResponseTimeout);
                if (!toolSpoken && options.ToolProgressText is { } progress && TextLength == 0 && update.Contents.Any(c => c is FunctionCallContent))
                {
                    toolSpoken = true;
                    Append(progress.EndsWith(' ') ? progress : progress + " ");
                }

                string piece = update.Text;
                if (piece.Length == 0)
                {
                    continue;
                }

                if (Volatile.Read(ref _firstToken) == 0)
                {
                    Volatile.Write(ref _firstToken, _time.GetTimestamp());
                }

                int room = options.MaxResponseCharacters - TextLength;
                if (piece.Length >= room)
                {
                    Append(piece[..Math.Max(0, room)]);
                    break; // the longest reply: the rest of the answer is not asked for
                }

                Append(piece);
            }
        }
        catch (OperationCanceledException) when (replyToken.IsCancellationRequested)
        {
            // Discarded or interrupted by the loop: nothing to report.
            _pieces.Writer.TryComplete();
            return;
        }
        catch (OperationCanceledException ex) when (quiet.IsCancellationRequested)
        {
            error = new CartesiaTimeoutException(
                $"The chat client produced nothing for {options.ResponseTimeout.TotalSeconds:0.###} s (CartesiaVoiceAgentOptions.ResponseTimeout).", ex)
            {
                Phase = CartesiaTimeoutPhase.StreamIdle,
                Timeout = options.ResponseTimeout,
            };
        }
        catch (Exception ex)
        {
            error = ex;
        }

        if (error is not null && options.OnChatError == VoiceAgentChatErrorBehavior.Apologize)
        {
            string said = Text;
            Append(said.Length == 0 || said.EndsWith(' ') ? options.ApologyText : " " + options.ApologyText);
        }

        _pieces.Writer.TryComplete();
        _signals.TryWrite(new VoiceAgentSignal.ChatDone(this, error));
    }

    private async Task SpeakAsync()
    {
        TtsContext context = Context!;
        CancellationToken token = Cancellation.Token;
        Task? reading = null;
        try
        {
            await foreach (string piece in _pieces.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (piece.Length == 0)
                {
                    continue;
                }

                await context.SendAsync(piece, token).ConfigureAwait(false);
                if (reading is null)
                {
                    Volatile.Write(ref _firstTextSent, _time.GetTimestamp());
                    reading = Task.Run(() => ReadAudioAsync(context, token), CancellationToken.None);
                }
            }

            if (reading is null)
            {
                // Nothing to say (an empty answer): the context never began.
                _signals.TryWrite(new VoiceAgentSignal.AudioDone(this, null));
                return;
            }

            await context.CompleteAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Interrupted or discarded.
        }
        catch (Exception ex)
        {
            await context.CancelAsync(CancellationToken.None).ConfigureAwait(false);
            if (reading is null)
            {
                _signals.TryWrite(new VoiceAgentSignal.AudioDone(this, ex));
            }
        }

        if (reading is not null)
        {
            await reading.ConfigureAwait(false);
        }
    }

    private async Task ReadAudioAsync(TtsContext context, CancellationToken token)
    {
        try
        {
            await foreach (TtsEvent e in context.ReadPooledEventsAsync(token).ConfigureAwait(false))
            {
                if (e is TtsChunkEvent { Audio.Length: > 0 } chunk)
                {
                    // Bounded: at most a few chunks wait for the app; the rest waits in the context's own bounded buffer.
                    await _audioSlots.WaitAsync(token).ConfigureAwait(false);
                    byte[] buffer = ArrayPool<byte>.Shared.Rent(chunk.Audio.Length);
                    chunk.Audio.Span.CopyTo(buffer);
                    if (!_signals.TryWrite(new VoiceAgentSignal.Audio(this, buffer, chunk.Audio.Length)))
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        _audioSlots.Release();
                    }
                }
            }

            _signals.TryWrite(new VoiceAgentSignal.AudioDone(this, null));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Interrupted or discarded.
        }
        catch (Exception ex)
        {
            _signals.TryWrite(new VoiceAgentSignal.AudioDone(this, ex));
        }
    }
}
