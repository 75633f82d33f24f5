// A voice agent, offline: the embedded emulator speaks the user's two turns (the second one barging in while the
// agent is still talking), a scripted IChatClient answers (swap in any IChatClient: OpenAI, Azure, Ollama), and
// everything the user heard of the agent, in order, goes to agent.wav. Prints User: / Agent: / Interrupted: lines.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Cartesia;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Extensions.AI;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
using CartesiaClient client = emulator.CreateClient();

// The user's two turns, as 16 kHz audio (spoken by the emulator's TTS), each followed by a pause that ends the turn.
byte[] firstTurn = await SpeakAsync("What is the weather like in Paris today?");
byte[] secondTurn = await SpeakAsync("Thanks, that is all.");

var speaker = new Speaker(bytesPerSecond: 24000 * 2); // plays the agent's audio in real time (simulated)
await using var agent = new CartesiaVoiceAgent(client, new ScriptedChatClient(), new CartesiaVoiceAgentOptions
{
    Voice = CartesiaEmulator.DefaultVoiceId,
    SystemPrompt = "You are a friendly weather assistant. Keep answers short.",
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 24000),
    PlayedBytes = () => speaker.PlayedBytes, // what the user heard, for an honest history after a barge-in
});

Task speaking = agent.SendAudioAsync(firstTurn).AsTask(); // queued once the conversation has connected
Task bargeIn = Task.CompletedTask;
int replies = 0;
await foreach (VoiceAgentEvent e in agent.RunAsync())
{
    switch (e)
    {
        case VoiceAgentUserTurnEvent user:
            Console.WriteLine($"User: {user.Transcript}");
            break;
        case VoiceAgentAudioEvent audio:
            speaker.Write(audio.Audio.Span);
            if (bargeIn.IsCompleted && replies == 0 && speaker.PlayedBytes == 0)
            {
                // A second into the agent's answer, the user speaks again.
                bargeIn = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    await agent.SendAudioAsync(secondTurn);
                });
            }

            break;
        case VoiceAgentResponseEvent reply:
            Console.WriteLine($"Agent: {reply.Text}");
            if (++replies == 2)
            {
                agent.CompleteInput(); // the user hangs up after the second answer
            }

            break;
        case VoiceAgentInterruptedEvent interrupted:
            speaker.Clear(); // drop the agent's audio still queued for playback
            Console.WriteLine($"Interrupted: {interrupted.HeardText}");
            break;
        case VoiceAgentErrorEvent error:
            Console.WriteLine($"Error: {error.Exception.Message}");
            break;
        case VoiceAgentEndedEvent ended:
            Console.WriteLine($"Ended: {ended.Reason}");
            break;
    }
}

await speaking;
await bargeIn;
await File.WriteAllBytesAsync("agent.wav", [.. WavHeader.Create(AudioEncoding.PcmS16LE, 24000, speaker.Audio.Length), .. speaker.Audio]);
Console.WriteLine($"Wrote agent.wav ({speaker.Audio.Length / 48000.0:0.0} s of what the user heard).");

async Task<byte[]> SpeakAsync(string text)
{
    byte[] speech = await client.Tts.GenerateBytesAsync(new TtsRequest
    {
        ModelId = TtsModel.Sonic3,
        Transcript = text,
        Voice = CartesiaEmulator.DefaultVoiceId,
        OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000),
    });
    return [.. speech, .. new byte[16000 * 2 * 6 / 10]]; // 0.6 s of silence ends the turn
}

/// <summary>A pretend speaker: audio plays in real time from when it arrives; Clear drops what was not played yet.</summary>
internal sealed class Speaker(int bytesPerSecond)
{
    private readonly Lock _gate = new();
    private readonly MemoryStream _audio = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _playStart; // seconds on _clock when byte 0 would have played, for the current run of playback

    public long PlayedBytes
    {
        get
        {
            lock (_gate)
            {
                return Played();
            }
        }
    }

    public byte[] Audio
    {
        get
        {
            lock (_gate)
            {
                return _audio.ToArray();
            }
        }
    }

    public void Write(ReadOnlySpan<byte> audio)
    {
        lock (_gate)
        {
            if (Played() >= _audio.Length)
            {
                _playStart = _clock.Elapsed.TotalSeconds - ((double)_audio.Length / bytesPerSecond); // idle: playback resumes now
            }

            _audio.Write(audio);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _audio.SetLength(Played());
        }
    }

    private long Played() => Math.Min(_audio.Length, (long)((_clock.Elapsed.TotalSeconds - _playStart) * bytesPerSecond) & ~1L);
}

/// <summary>The language model of the sample: scripted answers, streamed word by word like a real one.</summary>
internal sealed class ScriptedChatClient : IChatClient
{
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string user = messages.Last(m => m.Role == ChatRole.User).Text;
        string answer = user.Contains("weather", StringComparison.OrdinalIgnoreCase)
            ? "In Paris today it is sunny and mild, around twenty degrees, with a light breeze in the afternoon and clear skies tonight."
            : "You are welcome, have a lovely day!";
        foreach (string word in answer.Split(' '))
        {
            await Task.Delay(20, cancellationToken); // a token every 20 ms
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
