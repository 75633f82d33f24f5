using Cartesia.Agents;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Speech;
using EmulatorClient = Cartesia.Tests.Emulator.Agents.AgentSocketClient;

namespace Cartesia.Tests.Agents.Realtime;

/// <summary>Test helpers for agent calls through the SDK: the emulator's speech in a call's format, and reading events until one matches.</summary>
internal static class AgentCallDriver
{
    public const string SupportAgent = EmulatorClient.SupportAgent;
    public const string BookingAgent = EmulatorClient.BookingAgent;
    public const string Greeting = "Hello! How can I help you today?";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static CartesiaEmulatorOptions Fast() => new() { Agents = { RealTimeFactor = 0 } };

    /// <summary>The emulator's speech for a text, with trailing silence (the end of the user's turn).</summary>
    public static byte[] Speak(string text, AgentAudioFormat format) => EmulatorClient.Speak(text, format.Value);

    /// <summary>The words the emulator's recognizer hears in some audio of a format.</summary>
    public static string[] Heard(byte[] audio, AgentAudioFormat format)
        => [.. SpeechRecognizer.Recognize(PcmCodec.Decode(audio, format.Encoding!.Value), format.SampleRate!.Value).Select(w => w.Word)];

    /// <summary>Reads events into <paramref name="into"/> until one matches (returned), the call ends, or patience runs out.</summary>
    public static async Task<T> UntilAsync<T>(IAsyncEnumerator<AgentEvent> events, List<AgentEvent> into, Func<T, bool>? match = null)
        where T : AgentEvent
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            ValueTask<bool> next = events.MoveNextAsync();
            if (!await next.AsTask().WaitAsync(timeout.Token))
            {
                throw new Xunit.Sdk.XunitException($"The events ended before a {typeof(T).Name}; got {string.Join(", ", into)}");
            }

            into.Add(events.Current);
            if (events.Current is T found && (match is null || match(found)))
            {
                return found;
            }
        }
    }

    /// <summary>Reads events until the agent audio among them (those read before included) decodes to <paramref name="words"/>.</summary>
    public static async Task UntilHeardAsync(IAsyncEnumerator<AgentEvent> events, List<AgentEvent> into, AgentAudioFormat format, string[] words)
    {
        // What was read before (waiting for another event) may already hold all of it.
        while (!Heard(AudioOf(into), format).SequenceEqual(words))
        {
            try
            {
                await UntilAsync<AgentAudioEvent>(events, into);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Waited {Patience} to hear \"{string.Join(' ', words)}\"; heard \"{string.Join(' ', Heard(AudioOf(into), format))}\"");
            }
        }
    }

    /// <summary>The audio of the <see cref="AgentAudioEvent"/>s among some events.</summary>
    public static byte[] AudioOf(IEnumerable<AgentEvent> events) => [.. events.OfType<AgentAudioEvent>().SelectMany(a => a.Audio.ToArray())];

    /// <summary>Reads every remaining event (to the end of the call).</summary>
    public static async Task<List<AgentEvent>> RestAsync(IAsyncEnumerator<AgentEvent> events)
    {
        var rest = new List<AgentEvent>();
        using var timeout = new CancellationTokenSource(Patience);
        while (await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
        {
            rest.Add(events.Current);
        }

        return rest;
    }
}
