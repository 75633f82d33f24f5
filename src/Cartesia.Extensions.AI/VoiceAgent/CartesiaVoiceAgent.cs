using Cartesia.Stt;
using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>
/// A voice agent: the user's audio goes into a turn-detecting speech-to-text session; at the end of each turn the
/// transcript joins the conversation and any <see cref="IChatClient"/> (OpenAI, Azure, Ollama, a scripted one)
/// answers, streamed token by token into a text-to-speech context on one socket kept open for the call; the agent's
/// audio comes back as events, ready for a speaker, a phone call or a browser.
/// </summary>
/// <remarks>
/// <para>
/// Latency: the chat call starts speculatively on <c>turn.eager_end</c> and is thrown away on <c>turn.resume</c>
/// (its text is never sent to text-to-speech before the turn is final). Per-turn metrics go to the SDK's meter and
/// a <c>cartesia voice_agent.turn</c> span (see <see cref="VoiceAgentTurnMetrics"/>).
/// </para>
/// <para>
/// Barge-in: when the user starts speaking while the agent talks, the reply is cancelled, a
/// <see cref="VoiceAgentInterruptedEvent"/> tells the app to drop its queued playback, and the history keeps only
/// what the user heard, from <see cref="CartesiaVoiceAgentOptions.PlayedBytes"/> (or, without it, the audio
/// delivered) through the context's word timestamps.
/// </para>
/// <para>
/// Tools: give a chat client with function invocation (<c>chatClient.AsBuilder().UseFunctionInvocation().Build()</c>)
/// and the tools in <see cref="CartesiaVoiceAgentOptions.ChatOptions"/>. One conversation per instance.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var agent = new CartesiaVoiceAgent(cartesia, chatClient, new CartesiaVoiceAgentOptions { Voice = voiceId });
/// await foreach (VoiceAgentEvent e in agent.RunAsync(microphoneFrames))
/// {
///     if (e is VoiceAgentAudioEvent audio) speaker.Write(audio.Audio.Span);
///     if (e is VoiceAgentInterruptedEvent) speaker.Clear();
/// }
/// </code>
/// </example>
public sealed class CartesiaVoiceAgent : IAsyncDisposable
{
    private readonly VoiceAgentLoop _loop;
    private readonly CancellationTokenSource _lifetime = new();
    private int _started;

    /// <summary>Creates an agent (nothing connects until <see cref="RunAsync(CancellationToken)"/>).</summary>
    /// <param name="client">The Cartesia client (not owned).</param>
    /// <param name="chatClient">The language model (not owned).</param>
    /// <param name="options">The agent's settings; they are checked here and must not change afterwards.</param>
    /// <exception cref="ArgumentException">The options are not valid (the message names the field).</exception>
    public CartesiaVoiceAgent(CartesiaClient client, IChatClient chatClient, CartesiaVoiceAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        _loop = new VoiceAgentLoop(client, chatClient, options);
    }

    /// <summary>
    /// The conversation as the chat client will see it next: the system prompt, the user's turns and the agent's
    /// replies, an interrupted reply only as far as it was heard (a copy).
    /// </summary>
    public IReadOnlyList<ChatMessage> History => _loop.History.Snapshot();

    /// <summary>
    /// Runs the conversation with audio you push (<see cref="SendAudioAsync"/>, then <see cref="CompleteInput"/>
    /// when the user hangs up). The events end with exactly one <see cref="VoiceAgentEndedEvent"/>; cancelling
    /// <paramref name="cancellationToken"/> stops at once with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the conversation.</param>
    /// <exception cref="InvalidOperationException">The agent already ran.</exception>
    public IAsyncEnumerable<VoiceAgentEvent> RunAsync(CancellationToken cancellationToken = default) => Start(null, cancellationToken);

    /// <summary>
    /// Runs the conversation on a sequence of audio pieces (a microphone, a phone call) in
    /// <see cref="CartesiaVoiceAgentOptions.Input"/>'s format; its end means the user hung up.
    /// </summary>
    /// <param name="audio">The user's audio, any piece size.</param>
    /// <param name="cancellationToken">Stops the conversation.</param>
    public IAsyncEnumerable<VoiceAgentEvent> RunAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Start((session, token) => session.SendAudioAsync(audio, SttPacing.AsFastAsPossible, token), cancellationToken);
    }

    /// <summary>Runs the conversation on a stream of the user's audio (raw, or WAV matching <see cref="CartesiaVoiceAgentOptions.Input"/>; not disposed); its end means the user hung up.</summary>
    /// <param name="audio">The user's audio.</param>
    /// <param name="pacing">As fast as it reads (default), or in real time like a microphone.</param>
    /// <param name="cancellationToken">Stops the conversation.</param>
    public IAsyncEnumerable<VoiceAgentEvent> RunAsync(Stream audio, SttPacing pacing = SttPacing.AsFastAsPossible, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Start((session, token) => session.SendAudioAsync(audio, pacing, token), cancellationToken);
    }

    /// <summary>Queues the user's audio (push mode, <see cref="RunAsync(CancellationToken)"/>); waits for the connection when called early.</summary>
    /// <param name="audio">Audio in <see cref="CartesiaVoiceAgentOptions.Input"/>'s format (the memory may be reused once this returns).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public ValueTask SendAudioAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default) => _loop.SendAudioAsync(audio, cancellationToken);

    /// <summary>The user hung up (push mode): the last turn is transcribed, a reply in progress is finished, and the conversation ends with <see cref="VoiceAgentEndReason.UserHungUp"/>.</summary>
    public void CompleteInput() => _loop.Post(new VoiceAgentSignal.InputEnded(null));

    /// <summary>Ends the conversation after the agent's current reply (for example from a "hang up" tool): <see cref="VoiceAgentEndReason.AgentEnded"/>.</summary>
    public void EndConversation() => _loop.Post(VoiceAgentSignal.EndRequested.Instance);

    /// <summary>Stops a running conversation (its reader ends with <see cref="OperationCanceledException"/>).</summary>
    public ValueTask DisposeAsync()
    {
        if (!_lifetime.IsCancellationRequested)
        {
            _lifetime.Cancel();
        }

        return default;
    }

    private IAsyncEnumerable<VoiceAgentEvent> Start(Func<SttTurnsSession, CancellationToken, Task>? feed, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("This CartesiaVoiceAgent already ran a conversation; create one per conversation.");
        }

        return RunLinkedAsync(feed, cancellationToken);
    }

    private async IAsyncEnumerable<VoiceAgentEvent> RunLinkedAsync(Func<SttTurnsSession, CancellationToken, Task>? feed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await foreach (VoiceAgentEvent e in _loop.RunAsync(feed, linked.Token).ConfigureAwait(false))
        {
            yield return e;
        }
    }
}
