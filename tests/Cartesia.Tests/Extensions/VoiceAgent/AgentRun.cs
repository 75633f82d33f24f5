using Cartesia.Audio;
using Cartesia.Emulator.Speech;
using Cartesia.Extensions.AI;

namespace Cartesia.Tests.Extensions.VoiceAgent;

/// <summary>
/// Reads a conversation's events in the background like an app would (copying the pooled audio), so a test can
/// speak, wait for what the agent did, and check the agent's audio by transcribing it.
/// </summary>
internal sealed class AgentRun
{
    private readonly Lock _gate = new();
    private readonly List<VoiceAgentEvent> _events = [];
    private readonly Dictionary<int, MemoryStream> _audio = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _audioBytes;

    public AgentRun(IAsyncEnumerable<VoiceAgentEvent> events, Action<VoiceAgentEvent>? onEvent = null) => Ended = Task.Run(() => ReadAsync(events, onEvent));

    /// <summary>The ending (the sequence must end with exactly one, as its last event).</summary>
    public Task<VoiceAgentEndedEvent> Ended { get; }

    public IReadOnlyList<VoiceAgentEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>All agent audio delivered so far, in bytes.</summary>
    public long AudioBytes => Interlocked.Read(ref _audioBytes);

    public byte[] AudioOf(int responseId)
    {
        lock (_gate)
        {
            return _audio.TryGetValue(responseId, out MemoryStream? audio) ? audio.ToArray() : [];
        }
    }

    /// <summary>The words the agent's audio of a reply says (16-bit PCM at 24 kHz).</summary>
    public string[] HeardWords(int responseId, long? bytes = null)
    {
        byte[] audio = AudioOf(responseId);
        audio = audio[..((int)Math.Min(audio.Length, bytes ?? audio.Length) & ~1)];
        return [.. SpeechRecognizer.Recognize(PcmCodec.Decode(audio, AudioEncoding.PcmS16LE), 24000).Select(w => w.Word)];
    }

    /// <summary>Waits (at most 30 s of real time) for the <paramref name="nth"/> event of a type that matches.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, int nth = 1)
        where T : VoiceAgentEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                T[] found = [.. _events.OfType<T>().Where(e => match?.Invoke(e) ?? true)];
                if (found.Length >= nth)
                {
                    return found[nth - 1];
                }

                changed = _changed.Task;
            }

            if (Ended.IsCompleted && !changed.IsCompleted)
            {
                Assert.Fail($"The conversation ended ({(Ended.IsCompletedSuccessfully ? Ended.Result.ToString() : Ended.Exception?.Message)}) without a {typeof(T).Name}; events: {string.Join(" | ", Events)}");
            }

            try
            {
                await Task.WhenAny(changed, Ended).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {typeof(T).Name} within 30 s; events: {string.Join(" | ", Events)}");
            }
        }
    }

    private async Task<VoiceAgentEndedEvent> ReadAsync(IAsyncEnumerable<VoiceAgentEvent> events, Action<VoiceAgentEvent>? onEvent)
    {
        VoiceAgentEndedEvent? ended = null;
        await foreach (VoiceAgentEvent e in events)
        {
            Assert.Null(ended); // nothing after the ending
            lock (_gate)
            {
                if (e is VoiceAgentAudioEvent audio)
                {
                    if (!_audio.TryGetValue(audio.ResponseId, out MemoryStream? stream))
                    {
                        _audio[audio.ResponseId] = stream = new MemoryStream();
                    }

                    stream.Write(audio.Audio.Span);
                    Interlocked.Add(ref _audioBytes, audio.Audio.Length);
                }

                _events.Add(e);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            onEvent?.Invoke(e);
            ended = e as VoiceAgentEndedEvent;
        }

        return ended ?? throw new InvalidOperationException("The events ended without a VoiceAgentEndedEvent.");
    }
}
