using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cartesia.Stt;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>
/// The conversation loop of a <see cref="CartesiaVoiceAgent"/>. Every part (the turns-session reader, the input
/// feeder, each reply's chat call and speech, the silence timer) posts a <see cref="VoiceAgentSignal"/> to one
/// channel; the loop alone reads it, owns all the conversation's state without a lock, and turns signals into the
/// events the app reads. It ends in exactly one <see cref="VoiceAgentEndedEvent"/> (or the caller's cancellation).
/// </summary>
// The one disposable field, the audio-slot semaphore, never creates a wait handle; it is disposed when the run ends.
#pragma warning disable CA1001
internal sealed class VoiceAgentLoop
#pragma warning restore CA1001
{
    private const int AudioSlots = 16;

    private readonly CartesiaClient _client;
    private readonly IChatClient _chat;
    private readonly CartesiaVoiceAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly VoiceAgentHistory _history;
    private readonly Channel<VoiceAgentSignal> _signals = Channel.CreateUnbounded<VoiceAgentSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _audioSlots = new(AudioSlots, AudioSlots);
    private readonly TaskCompletionSource<SttTurnsSession> _sessionReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _retiring = [];
    private readonly List<byte[]> _lent = [];

    private CancellationToken _token;
    private SttTurnsSession? _session;
    private TtsWebSocket? _tts;
    private Task _reading = Task.CompletedTask;
    private Task _feeding = Task.CompletedTask;
    private Task _completing = Task.CompletedTask;
    private VoiceAgentResponse? _current;
    private VoiceAgentResponse? _last;
    private ITimer? _silenceTimer;
    private int _silenceGeneration;
    private bool _silencePrompted;
    private int _nextId;
    private long _playbackCursor;
    private long _lastWordAt;
    private bool _inputEnded;
    private bool _sttEnded;
    private bool _endRequested;
    private bool _done;

    public VoiceAgentLoop(CartesiaClient client, IChatClient chat, CartesiaVoiceAgentOptions options)
    {
        _client = client;
        _chat = chat;
        _options = options;
        _time = client.Core.Settings.TimeProvider;
        _history = new VoiceAgentHistory(options.SystemPrompt, options.MaxHistoryMessages);
    }

    public VoiceAgentHistory History => _history;

    /// <summary>Posts a signal from outside the loop (the app's calls).</summary>
    public void Post(VoiceAgentSignal signal) => _signals.Writer.TryWrite(signal);

    /// <summary>Queues audio of the user once the session is open.</summary>
    public async ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        SttTurnsSession session = await _sessionReady.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await session.SendAudioAsync(audio, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<VoiceAgentEvent> RunAsync(Func<SttTurnsSession, CancellationToken, Task>? feed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _token = run.Token;
        var output = new List<VoiceAgentEvent>();
        try
        {
            await StartAsync(feed, output).ConfigureAwait(false);
            while (true)
            {
                foreach (VoiceAgentEvent e in output)
                {
                    yield return e;
                    ReturnLent();
                }

                output.Clear();
                if (_done)
                {
                    yield break;
                }

                VoiceAgentSignal signal = await _signals.Reader.ReadAsync(_token).ConfigureAwait(false);
                try
                {
                    Handle(signal, output);
                }
                catch (Exception ex)
                {
                    End(VoiceAgentEndReason.Failed, ex, output);
                }
            }
        }
        finally
        {
            ReturnLent();
            await run.CancelAsync().ConfigureAwait(false);
            await CleanupAsync().ConfigureAwait(false);
        }
    }

    private async Task StartAsync(Func<SttTurnsSession, CancellationToken, Task>? feed, List<VoiceAgentEvent> output)
    {
        try
        {
            _session = await _client.Stt.ConnectTurnsAsync(_options.Input, _token).ConfigureAwait(false);
            _tts = await _client.Tts.ConnectAsync(_options.TextToSpeech, _token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!_token.IsCancellationRequested)
        {
            _sessionReady.TrySetException(ex);
            End(VoiceAgentEndReason.Failed, ex, output);
            return;
        }

        _sessionReady.TrySetResult(_session);
        SttTurnsSession session = _session;
        _reading = Task.Run(() => ReadTurnsAsync(session), CancellationToken.None);
        if (feed is not null)
        {
            _feeding = Task.Run(() => FeedAsync(feed, session), CancellationToken.None);
        }

        if (_options.Greeting is { Length: > 0 } greeting)
        {
            StartFixed(greeting);
        }
        else
        {
            ArmSilence();
        }
    }

    private async Task ReadTurnsAsync(SttTurnsSession session)
    {
        try
        {
            await foreach (SttEvent e in session.ReadEventsAsync(_token).ConfigureAwait(false))
            {
                Post(new VoiceAgentSignal.Stt(e));
            }

            Post(new VoiceAgentSignal.SttEnded(null));
        }
        catch (OperationCanceledException) when (_token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Post(new VoiceAgentSignal.SttEnded(ex));
        }
    }

    private async Task FeedAsync(Func<SttTurnsSession, CancellationToken, Task> feed, SttTurnsSession session)
    {
        try
        {
            await feed(session, _token).ConfigureAwait(false);
            Post(new VoiceAgentSignal.InputEnded(null));
        }
        catch (OperationCanceledException) when (_token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Post(new VoiceAgentSignal.InputEnded(ex));
        }
    }

    private void Handle(VoiceAgentSignal signal, List<VoiceAgentEvent> output)
    {
        switch (signal)
        {
            case VoiceAgentSignal.Audio audio:
                OnAudio(audio, output);
                break;
            case VoiceAgentSignal.Stt { Event: var e }:
                OnTurnEvent(e, output);
                break;
            case VoiceAgentSignal.ChatDone done:
                OnChatDone(done.Response, done.Error, output);
                break;
            case VoiceAgentSignal.AudioDone done:
                OnAudioDone(done.Response, done.Error, output);
                break;
            case VoiceAgentSignal.Silence silence:
                OnSilence(silence.Generation, output);
                break;
            case VoiceAgentSignal.InputEnded ended:
                OnInputEnded(ended.Error, output);
                break;
            case VoiceAgentSignal.SttEnded ended:
                OnSttEnded(ended.Error, output);
                break;
            case VoiceAgentSignal.EndRequested:
                _endRequested = true;
                if (_current is { Committed: false } speculative)
                {
                    Discard(speculative);
                }

                if (_current is null)
                {
                    End(VoiceAgentEndReason.AgentEnded, null, output);
                }

                break;
        }
    }

    private void OnTurnEvent(SttEvent e, List<VoiceAgentEvent> output)
    {
        switch (e)
        {
            case SttTurnStartEvent:
                DisarmSilence();
                _silencePrompted = false;
                BargeIn(output);
                break;
            case SttTurnUpdateEvent:
                _lastWordAt = _time.GetTimestamp();
                break;
            case SttTurnEagerEndEvent eager:
                string guess = eager.Transcript.Trim();
                if (_options.SpeculativeStart && _current is null && !_endRequested && guess.Length > 0)
                {
                    _current = StartChat(guess, _history.ForCall(guess), speculative: true);
                }

                break;
            case SttTurnResumeEvent:
                if (_current is { Committed: false } discarded)
                {
                    Discard(discarded);
                    VoiceAgentTelemetry.DiscardedSpeculations.Add(1);
                }

                break;
            case SttTurnEndEvent end:
                OnTurnEnd(end.Transcript.Trim(), output);
                break;
        }
    }

    private void OnTurnEnd(string text, List<VoiceAgentEvent> output)
    {
        VoiceAgentResponse? speculative = _current is { Committed: false } s ? s : null;
        if (text.Length == 0 || _endRequested)
        {
            if (speculative is not null)
            {
                Discard(speculative);
            }

            return;
        }

        output.Add(new VoiceAgentUserTurnEvent(text));
        _history.Add(ChatRole.User, text);
        VoiceAgentResponse response;
        if (speculative is not null && string.Equals(speculative.UserText, text, StringComparison.Ordinal))
        {
            response = speculative;
        }
        else
        {
            if (speculative is not null)
            {
                Discard(speculative);
                VoiceAgentTelemetry.DiscardedSpeculations.Add(1);
            }

            BargeIn(output); // defensive: a turn.end with no turn.start while the agent spoke
            response = StartChat(text, _history.ForCall(null), speculative: false);
        }

        response.TranscriptAt = _time.GetTimestamp();
        response.EndOfSpeechAt = _lastWordAt;
        _current = response;
        Commit(response, output);
    }

    private VoiceAgentResponse NewResponse(string? userText, bool speculative)
        => new(++_nextId, userText, _signals.Writer, _audioSlots, _time, _token) { Speculative = speculative };

    private VoiceAgentResponse StartChat(string userText, List<ChatMessage> messages, bool speculative)
    {
        VoiceAgentResponse response = NewResponse(userText, speculative);
        response.StartChat(_chat, messages, _options);
        return response;
    }

    private void StartFixed(string text)
    {
        VoiceAgentResponse response = NewResponse(null, speculative: false);
        _current = response;
        Commit(response, output: null);
        response.StartFixed(text);
    }

    private void Commit(VoiceAgentResponse response, List<VoiceAgentEvent>? output)
    {
        DisarmSilence();
        response.PlaybackStart = _playbackCursor;
        response.Activity = VoiceAgentTelemetry.StartTurn(response.Speculative);
        response.Commit(_tts!.CreateContext(new TtsContextOptions
        {
            ModelId = _options.Model,
            Voice = _options.Voice,
            OutputFormat = _options.OutputFormat,
            Language = _options.Language,
            AddTimestamps = true,
        }));
        if (output is not null && response.ChatFinished)
        {
            // A speculative call that already ended: report it now that the turn is final.
            OnChatDone(response, response.Error, output, reported: false);
        }
    }

    private void OnChatDone(VoiceAgentResponse response, Exception? error, List<VoiceAgentEvent> output, bool reported = true)
    {
        if (response.Ended || (reported && response.ChatFinished))
        {
            return;
        }

        response.ChatFinished = true;
        response.Error ??= error;
        if (!response.Committed)
        {
            return; // speculative: reported when (if) the turn ends with the same words
        }

        if (response.Error is { } failure)
        {
            output.Add(new VoiceAgentErrorEvent(response.Id, failure));
            if (_options.OnChatError == VoiceAgentChatErrorBehavior.EndConversation)
            {
                VoiceAgentTelemetry.EndTurn(response.Activity, response.Metrics(), interrupted: false, failure);
                Retire(response);
                _current = null;
                End(VoiceAgentEndReason.ChatFailed, failure, output);
                return;
            }
        }

        TryFinish(response, output);
    }

    private void OnAudio(VoiceAgentSignal.Audio audio, List<VoiceAgentEvent> output)
    {
        VoiceAgentResponse response = audio.Response;
        if (response.Ended || _done)
        {
            ArrayPool<byte>.Shared.Return(audio.Buffer);
            _audioSlots.Release();
            return;
        }

        response.DeliveredBytes += audio.Length;
        if (response.FirstAudioAt == 0)
        {
            response.FirstAudioAt = _time.GetTimestamp();
        }

        _lent.Add(audio.Buffer);
        output.Add(new VoiceAgentAudioEvent(response.Id, audio.Buffer.AsMemory(0, audio.Length)));
    }

    private void OnAudioDone(VoiceAgentResponse response, Exception? error, List<VoiceAgentEvent> output)
    {
        if (response.Ended || response.AudioFinished)
        {
            return;
        }

        response.AudioFinished = true;
        if (error is not null)
        {
            response.Error ??= error;
            output.Add(new VoiceAgentErrorEvent(response.Id, error));
        }

        TryFinish(response, output);
    }

    private void TryFinish(VoiceAgentResponse response, List<VoiceAgentEvent> output)
    {
        if (!response.ChatFinished || !response.AudioFinished || response.Ended)
        {
            return;
        }

        response.Ended = true;
        string text = response.Text.Trim();
        if (text.Length > 0)
        {
            response.HistoryMessage = _history.Add(ChatRole.Assistant, text);
        }

        VoiceAgentTurnMetrics metrics = response.Metrics();
        output.Add(new VoiceAgentResponseEvent(response.Id, text, metrics));
        VoiceAgentTelemetry.EndTurn(response.Activity, metrics, interrupted: false, response.Error);
        _playbackCursor = response.PlaybackStart + response.DeliveredBytes;
        if (_last is not null)
        {
            Retire(_last);
        }

        _last = response;
        _current = null;
        AfterReply(output);
    }

    private void AfterReply(List<VoiceAgentEvent> output)
    {
        if (_endRequested)
        {
            End(VoiceAgentEndReason.AgentEnded, null, output);
        }
        else if (_sttEnded)
        {
            End(VoiceAgentEndReason.UserHungUp, null, output);
        }
        else
        {
            ArmSilence();
        }
    }

    /// <summary>The user started speaking: interrupt the agent if it is still talking (generating, or playing by the reported position).</summary>
    private void BargeIn(List<VoiceAgentEvent> output)
    {
        Func<long>? playedBytes = _options.PlayedBytes;
        long played = playedBytes?.Invoke() ?? long.MaxValue;
        bool cut = false;
        if (playedBytes is not null && _last is { HistoryMessage: var message } last && played < last.PlaybackStart + last.DeliveredBytes)
        {
            // Its audio was all delivered but is still playing: keep only what was heard.
            (string heard, bool exact, long bytes) = Heard(last, played);
            if (message is not null)
            {
                _history.Replace(message, heard);
            }

            output.Add(new VoiceAgentInterruptedEvent(last.Id, heard, last.Text, exact, bytes));
            VoiceAgentTelemetry.Interruptions.Add(1);
            cut = true;
        }

        if (_current is { } current)
        {
            if (!current.Committed)
            {
                Discard(current);
            }
            else
            {
                (string heard, bool exact, long bytes) = Heard(current, played);
                string full = current.Text;
                Retire(current);
                _current = null;
                if (heard.Length > 0)
                {
                    _history.Add(ChatRole.Assistant, heard);
                }

                output.Add(new VoiceAgentInterruptedEvent(current.Id, heard, full, exact, bytes));
                VoiceAgentTelemetry.EndTurn(current.Activity, current.Metrics(), interrupted: true, null);
                cut = true;
            }
        }

        if (cut && playedBytes is not null)
        {
            _playbackCursor = played; // what was queued beyond it is dropped by the app
        }
    }

    private static (string Text, bool Exact, long Bytes) Heard(VoiceAgentResponse response, long played)
    {
        long bytes = Math.Clamp(played - response.PlaybackStart, 0, response.DeliveredBytes);
        if (bytes == 0 || response.Context is null)
        {
            return (string.Empty, true, bytes);
        }

        TtsSpokenText spoken = response.Context.GetSpokenTextForBytes(bytes);
        return spoken.IsKnown ? (spoken.Text.TrimEnd(), spoken.IsExact, bytes) : (string.Empty, false, bytes);
    }

    private void Discard(VoiceAgentResponse response)
    {
        Retire(response);
        if (ReferenceEquals(_current, response))
        {
            _current = null;
        }
    }

    /// <summary>Stops a reply and releases it in the background (the loop never waits on it).</summary>
    private void Retire(VoiceAgentResponse response)
    {
        response.Cancel();
        _retiring.RemoveAll(t => t.IsCompleted);
        _retiring.Add(response.DisposeAsync());
    }

    private void OnSilence(int generation, List<VoiceAgentEvent> output)
    {
        if (generation != _silenceGeneration || _current is not null || _done)
        {
            return;
        }

        if (_options.SilenceReply is { Length: > 0 } reply && !_silencePrompted)
        {
            _silencePrompted = true;
            StartFixed(reply);
            return;
        }

        End(VoiceAgentEndReason.Silence, null, output);
    }

    private void OnInputEnded(Exception? error, List<VoiceAgentEvent> output)
    {
        if (error is not null)
        {
            End(VoiceAgentEndReason.Failed, error, output);
            return;
        }

        if (_inputEnded)
        {
            return;
        }

        _inputEnded = true;
        SttTurnsSession session = _session!;
        _completing = Task.Run(async () =>
        {
            try
            {
                await session.CompleteAsync(_token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_token.IsCancellationRequested)
            {
                Post(new VoiceAgentSignal.SttEnded(ex));
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
    }

    private void OnSttEnded(Exception? error, List<VoiceAgentEvent> output)
    {
        if (_sttEnded)
        {
            return;
        }

        _sttEnded = true;
        if (error is not null)
        {
            End(VoiceAgentEndReason.Failed, error, output);
        }
        else if (!_inputEnded)
        {
            End(VoiceAgentEndReason.Failed, new CartesiaException("The speech-to-text session ended before the user's audio did."), output);
        }
        else if (_current is { Committed: false } speculative)
        {
            Discard(speculative);
            End(VoiceAgentEndReason.UserHungUp, null, output);
        }
        else if (_current is null)
        {
            End(VoiceAgentEndReason.UserHungUp, null, output);
        }
    }

    private void ArmSilence()
    {
        DisarmSilence();
        if (_options.SilenceTimeout is not { } timeout || _done)
        {
            return;
        }

        int generation = _silenceGeneration;
        _silenceTimer = _time.CreateTimer(_ => Post(new VoiceAgentSignal.Silence(generation)), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void DisarmSilence()
    {
        _silenceGeneration++;
        _silenceTimer?.Dispose();
        _silenceTimer = null;
    }

    private void End(VoiceAgentEndReason reason, Exception? error, List<VoiceAgentEvent> output)
    {
        if (_done)
        {
            return;
        }

        _done = true;
        DisarmSilence();
        output.Add(new VoiceAgentEndedEvent(reason, error));
    }

    private void ReturnLent()
    {
        foreach (byte[] buffer in _lent)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _audioSlots.Release();
        }

        _lent.Clear();
    }

    private async Task CleanupAsync()
    {
        _done = true;
        DisarmSilence();
        _sessionReady.TrySetException(new ObjectDisposedException(nameof(CartesiaVoiceAgent), "The conversation has ended."));
        if (_current is not null)
        {
            Retire(_current);
        }

        if (_last is not null)
        {
            Retire(_last);
        }

        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
        }

        await Swallow(Task.WhenAll(_reading, _feeding, _completing)).ConfigureAwait(false);
        await Swallow(Task.WhenAll(_retiring)).ConfigureAwait(false);
        if (_tts is not null)
        {
            await _tts.DisposeAsync().ConfigureAwait(false);
        }

        while (_signals.Reader.TryRead(out VoiceAgentSignal? signal))
        {
            if (signal is VoiceAgentSignal.Audio audio)
            {
                ArrayPool<byte>.Shared.Return(audio.Buffer);
            }
        }

        _signals.Writer.TryComplete();
        _audioSlots.Dispose();
    }

    private static async Task Swallow(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already reported through the events, or irrelevant once the conversation ended.
        }
    }
}
