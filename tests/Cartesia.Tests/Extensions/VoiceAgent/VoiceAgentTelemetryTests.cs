using System.Diagnostics;
using Cartesia.Emulator;
using Cartesia.Extensions.AI;
using Cartesia.Tests.Stt;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Extensions.VoiceAgent;

[Collection(TelemetryCollection.Name)]
public class VoiceAgentTelemetryTests
{
    [Fact]
    public async Task Each_turn_has_a_span_and_its_latencies_go_to_the_sdks_meter()
    {
        using var telemetry = new TelemetryCapture();
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        var chat = ScriptedChatClient.Answering(_ => "Fine, thanks.");
        await using var agent = new CartesiaVoiceAgent(client, chat, new CartesiaVoiceAgentOptions { Voice = CartesiaEmulator.DefaultVoiceId });
        var run = new AgentRun(agent.RunAsync());
        (byte[] speech, _) = await SttAudio.SpeakAsync(client, "How are you?", AudioEncoding.PcmS16LE, 16000);

        byte[] userTurn = [.. speech, .. SttAudio.Silence(AudioEncoding.PcmS16LE, 16000, 0.6)];
        await agent.SendAudioAsync(userTurn);
        VoiceAgentResponseEvent reply = await run.WaitForAsync<VoiceAgentResponseEvent>();
        agent.CompleteInput();
        await run.Ended;

        Activity turn = Assert.Single(telemetry.Activities, a => a.OperationName == "cartesia voice_agent.turn");
        Assert.Equal(false, turn.GetTagItem("cartesia.voice_agent.interrupted"));
        Assert.Equal(true, turn.GetTagItem("cartesia.voice_agent.speculative"));
        double firstAudio = Assert.Single(telemetry.Of("cartesia.voice_agent.time_to_first_audio")).Value;
        Assert.Equal(reply.Metrics.TranscriptToFirstAudio!.Value.TotalSeconds, firstAudio, 6);
        Assert.Single(telemetry.Of("cartesia.voice_agent.time_to_first_token"));
        Assert.Single(telemetry.Of("cartesia.voice_agent.end_of_speech_to_transcript"));
    }
}
