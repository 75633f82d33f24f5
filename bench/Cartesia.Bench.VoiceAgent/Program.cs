// What the voice-agent loop itself adds per turn: an in-process emulator (pacing off) and a zero-latency chat
// client, N user turns through CartesiaVoiceAgent. Per turn, from the transcript's arrival (turn.end) to the first
// agent audio handed to the app, split into where the time goes:
//   chat      transcript → the chat client's first token (the loop starting the call; the model itself takes 0)
//   tts       first text sent to the TTS context → its first audio received (the service's share, here the emulator)
//   total     transcript → first audio handed to the app
//   added     total − tts: what the SDK's loop adds (committing the reply, sending text, handing audio over)
// Runs without (the headline) and with the speculative start on turn.eager_end.
//   dotnet run -c Release --project bench/Cartesia.Bench.VoiceAgent -- [--turns 200]
using System.Globalization;
using System.Runtime.CompilerServices;
using Cartesia;
using Cartesia.Emulator;
using Cartesia.Extensions.AI;
using Cartesia.Tts;
using Microsoft.Extensions.AI;

int turns = args.Length == 2 && args[0] == "--turns" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
using CartesiaClient client = emulator.CreateClient();
byte[] speech = await client.Tts.GenerateBytesAsync(new TtsRequest
{
    ModelId = TtsModel.Sonic3,
    Transcript = "Hello there.",
    Voice = CartesiaEmulator.DefaultVoiceId,
    OutputFormat = AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000),
});
byte[] turn = [.. speech, .. new byte[16000 * 2 * 6 / 10]];

Console.WriteLine($"voice agent loop, {turns} turns each (in-process emulator, pacing off, zero-latency chat client)");
Console.WriteLine($"{"",-14} {"chat p50",9} {"p99",7} {"tts p50",9} {"p99",7} {"total p50",10} {"p99",7} {"added p50",10} {"p99",7}   (ms)");
foreach (bool speculative in new[] { false, true })
{
    List<VoiceAgentTurnMetrics> metrics = await RunAsync(speculative, Math.Min(10, turns)); // warm-up
    metrics = await RunAsync(speculative, turns);
    double[] chat = [.. metrics.Select(m => Ms(m.TranscriptToFirstToken))];
    double[] tts = [.. metrics.Select(m => Ms(m.TextToSpeechFirstAudio))];
    double[] total = [.. metrics.Select(m => Ms(m.TranscriptToFirstAudio))];
    double[] added = [.. metrics.Select(m => Ms(m.TranscriptToFirstAudio) - Ms(m.TextToSpeechFirstAudio))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{(speculative ? "speculative" : "on turn.end"),-14} {P(chat, 50),9:0.000} {P(chat, 99),7:0.000} {P(tts, 50),9:0.000} {P(tts, 99),7:0.000} {P(total, 50),10:0.000} {P(total, 99),7:0.000} {P(added, 50),10:0.000} {P(added, 99),7:0.000}"));
}

return 0;

async Task<List<VoiceAgentTurnMetrics>> RunAsync(bool speculative, int count)
{
    var results = new List<VoiceAgentTurnMetrics>(count);
    await using var agent = new CartesiaVoiceAgent(client, new ZeroLatencyChatClient(), new CartesiaVoiceAgentOptions
    {
        Voice = CartesiaEmulator.DefaultVoiceId,
        SpeculativeStart = speculative,
        MaxHistoryMessages = 8,
    });
    Task sending = agent.SendAudioAsync(turn).AsTask();
    await foreach (VoiceAgentEvent e in agent.RunAsync())
    {
        if (e is VoiceAgentResponseEvent reply)
        {
            results.Add(reply.Metrics);
            await sending;
            if (results.Count == count)
            {
                agent.CompleteInput();
            }
            else
            {
                sending = agent.SendAudioAsync(turn).AsTask();
            }
        }
        else if (e is VoiceAgentEndedEvent { Reason: not VoiceAgentEndReason.UserHungUp } ended)
        {
            throw new InvalidOperationException($"The conversation ended: {ended}");
        }
    }

    return results;
}

static double Ms(TimeSpan? value) => value?.TotalMilliseconds ?? double.NaN;

static double P(double[] values, int percentile)
{
    double[] sorted = [.. values.Where(v => !double.IsNaN(v)).Order()];
    return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
}

/// <summary>A model that answers at once: one short sentence in a single update.</summary>
internal sealed class ZeroLatencyChatClient : IChatClient
{
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Hi.");
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Hi.")));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
