using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Agents;
using Cartesia.Emulator;
using Cartesia.Emulator.Speech;
using Microsoft.AspNetCore.Builder;
using PhoneBridge;

namespace Cartesia.Tests.Samples;

/// <summary>
/// samples/PhoneBridge driven by a simulated Twilio Media Streams client speaking the emulator's speech in 8 kHz μ-law:
/// the agent's reply comes back as Twilio <c>media</c> frames that transcribe, keys reach the agent, barge-in becomes
/// <c>clear</c>, and either side hanging up ends the other.
/// </summary>
public class PhoneBridgeTests
{
    private const string StreamSid = "MZ00000000000000000000000000000001";

    [Fact]
    public async Task A_phone_call_hears_the_agent_answer_what_the_caller_said_and_the_keys_pressed()
    {
        await using Bridge bridge = await Bridge.StartAsync(realTimeFactor: 0);
        await using TwilioCaller caller = await bridge.CallAsync();

        await caller.SayAsync("What are your hours?");
        await caller.SendSilenceAsync(1.0);
        await caller.HearUntilAsync("You said: What are your hours?");
        await caller.PressAsync("7");
        string heard = await caller.HearUntilAsync("You pressed 7.");

        Assert.Equal("Hello! How can I help you today? You said: What are your hours? You pressed 7.", heard);
        Assert.All(caller.Media, m => Assert.Equal(160, m.Length));
        Assert.All(caller.Events, e => Assert.Equal(StreamSid, e.GetProperty("streamSid").GetString()));

        // The caller hangs up: Twilio's stop ends the agent call, and the bridge closes the stream.
        await caller.StopAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await caller.ClosedAsync());
        AgentCall call = await bridge.LastCallAsync();
        Assert.Contains(call.Transcript!, t => t.Text == "What are your hours?");
    }

    [Fact]
    public async Task The_caller_speaking_over_the_agent_clears_twilios_queued_audio()
    {
        await using Bridge bridge = await Bridge.StartAsync(realTimeFactor: 1);
        await using TwilioCaller caller = await bridge.CallAsync();

        await caller.HearAnyAudioAsync();
        await caller.SayAsync("Wait, one question.");
        await caller.SendSilenceAsync(1.0);
        string heard = await caller.HearUntilAsync("You said: Wait, one question.");

        Assert.Contains(caller.Events, e => e.GetProperty("event").GetString() == "clear");
        Assert.DoesNotContain("How can I help you today?", heard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_hanging_up_closes_the_twilio_stream()
    {
        await using Bridge bridge = await Bridge.StartAsync(realTimeFactor: 0);
        await using TwilioCaller caller = await bridge.CallAsync();

        await caller.SayAsync("Goodbye.");
        await caller.SendSilenceAsync(1.0);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await caller.ClosedAsync());
        Assert.Equal("call ended by agent", caller.CloseDescription);
        Assert.EndsWith("Goodbye!", caller.Heard(), StringComparison.Ordinal);
    }

    private sealed class Bridge : IAsyncDisposable
    {
        private readonly CartesiaEmulator _emulator;
        private readonly CartesiaClient _client;
        private readonly WebApplication _app;

        private Bridge(CartesiaEmulator emulator, CartesiaClient client, WebApplication app)
        {
            _emulator = emulator;
            _client = client;
            _app = app;
        }

        public static async Task<Bridge> StartAsync(double realTimeFactor)
        {
            CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { Agents = { RealTimeFactor = realTimeFactor } });
            CartesiaClient client = emulator.CreateClient();
            WebApplication app = PhoneBridgeApp.Build(["--urls", "http://127.0.0.1:0"], client);
            await app.StartAsync();
            return new Bridge(emulator, client, app);
        }

        public async Task<TwilioCaller> CallAsync()
        {
            var uri = new Uri(new Uri(_app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal)), PhoneBridgeApp.MediaPath);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(uri, Timeout());
            var caller = new TwilioCaller(socket);
            await caller.SendAsync("""{"event":"connected","protocol":"Call","version":"1.0.0"}""");
            await caller.SendAsync($$$"""{"event":"start","sequenceNumber":"1","start":{"accountSid":"AC0","streamSid":"{{{StreamSid}}}","callSid":"CA0","tracks":["inbound"],"customParameters":{},"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}},"streamSid":"{{{StreamSid}}}"}""");
            return caller;
        }

        public async Task<AgentCall> LastCallAsync()
        {
            CartesiaList<AgentSummary> agents = await _client.Agents.ListAsync();
            for (int attempt = 0; ; attempt++)
            {
                await foreach (AgentCall call in _client.Agents.Calls.ListAsync(new AgentCallListOptions { AgentId = agents[0].Id, IncludeTranscript = true }))
                {
                    if (call.Status.Value != "active" || attempt > 100)
                    {
                        return call;
                    }

                    break;
                }

                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _client.Dispose();
            await _emulator.DisposeAsync();
        }
    }

    private sealed class TwilioCaller(ClientWebSocket socket) : IAsyncDisposable
    {
        private int _sequence = 1;

        public List<JsonElement> Events { get; } = [];

        public List<byte[]> Media { get; } = [];

        public string? CloseDescription => socket.CloseStatusDescription;

        public Task SendAsync(string json) => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Timeout());

        public async Task SayAsync(string words)
        {
            float[] samples = SpeechSynthesizer.Synthesize(words, 8000).Samples;
            await SendAudioAsync(Cartesia.Audio.PcmCodec.Encode(samples, AudioEncoding.PcmMulaw));
        }

        public Task SendSilenceAsync(double seconds) => SendAudioAsync(Enumerable.Repeat((byte)0xFF, (int)(seconds * 8000)).ToArray());

        public Task PressAsync(string digit)
            => SendAsync($$$"""{"event":"dtmf","streamSid":"{{{StreamSid}}}","sequenceNumber":"{{{++_sequence}}}","dtmf":{"track":"inbound_track","digit":"{{{digit}}}"}}""");

        public Task StopAsync()
            => SendAsync($$$"""{"event":"stop","sequenceNumber":"{{{++_sequence}}}","streamSid":"{{{StreamSid}}}","stop":{"accountSid":"AC0","callSid":"CA0"}}""");

        /// <summary>What the agent's audio so far says.</summary>
        public string Heard()
        {
            float[] samples = Cartesia.Audio.PcmCodec.Decode(Media.SelectMany(m => m).ToArray(), AudioEncoding.PcmMulaw);
            return string.Join(' ', SpeechRecognizer.Recognize(samples, 8000).Select(w => w.Word));
        }

        public async Task<string> HearUntilAsync(string words)
        {
            while (!Heard().Contains(words, StringComparison.Ordinal))
            {
                Assert.True(await ReceiveAsync(), $"The stream closed ({socket.CloseStatus} {socket.CloseStatusDescription}) having heard \"{Heard()}\", not \"{words}\".");
            }

            return Heard();
        }

        public async Task HearAnyAudioAsync()
        {
            while (Media.Count == 0)
            {
                Assert.True(await ReceiveAsync(), "The stream closed before any audio.");
            }
        }

        public async Task<WebSocketCloseStatus?> ClosedAsync()
        {
            while (await ReceiveAsync())
            {
            }

            return socket.CloseStatus;
        }

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Timeout());
            }

            socket.Dispose();
        }

        private async Task SendAudioAsync(byte[] audio)
        {
            for (int offset = 0; offset < audio.Length; offset += 160)
            {
                string payload = Convert.ToBase64String(audio, offset, Math.Min(160, audio.Length - offset));
                int sequence = ++_sequence;
                await SendAsync($$$"""{"event":"media","sequenceNumber":"{{{sequence}}}","media":{"track":"inbound","chunk":"{{{sequence}}}","timestamp":"{{{sequence * 20}}}","payload":"{{{payload}}}"},"streamSid":"{{{StreamSid}}}"}""");
            }
        }

        /// <summary>Receives one message into <see cref="Events"/>; false when the stream closed.</summary>
        private async Task<bool> ReceiveAsync()
        {
            var buffer = new MemoryStream();
            byte[] chunk = new byte[8192];
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(chunk, Timeout());
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Timeout());
                    }

                    return false;
                }

                buffer.Write(chunk, 0, result.Count);
            }
            while (!result.EndOfMessage);

            JsonElement message = JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
            Events.Add(message);
            if (message.GetProperty("event").GetString() == "media")
            {
                Media.Add(message.GetProperty("media").GetProperty("payload").GetBytesFromBase64());
            }

            return true;
        }
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
