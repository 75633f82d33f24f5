using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Agents;

namespace Cartesia.Bench.Agents;

/// <summary>One way of making agent calls (the SDK, or a bare ClientWebSocket).</summary>
internal interface ICallClient
{
    string Name { get; }

    Task<ICall> ConnectAsync(string agentId, CancellationToken cancellationToken);
}

/// <summary>One call: send 20 ms frames, count the agent audio that comes back, hang up.</summary>
internal interface ICall : IAsyncDisposable
{
    ValueTask SendAsync(ReadOnlyMemory<byte> frame);

    /// <summary>Reports the bytes of every agent audio message until the call ends.</summary>
    Task ReceiveAsync(Action<int> onAudio);

    Task EndAsync();
}

/// <summary>The SDK: <c>client.Agents.ConnectAsync</c>, <c>SendAudioAsync</c>, <c>ReadPooledEventsAsync</c>.</summary>
internal sealed class SdkCallClient(Uri baseUri, Uri webSocketUri) : ICallClient
{
    private readonly CartesiaClient _client = new("sk_car_bench", new CartesiaClientOptions { BaseUri = baseUri, WebSocketBaseUri = webSocketUri });

    public string Name => "sdk";

    public async Task<ICall> ConnectAsync(string agentId, CancellationToken cancellationToken)
    {
        var options = new AgentSessionOptions
        {
            InputFormat = AgentAudioFormat.Mulaw8000,
            OutputDelivery = AgentOutputDelivery.AsAvailable,
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
        };
        return new Call(await _client.Agents.ConnectAsync(agentId, options, cancellationToken).ConfigureAwait(false));
    }

    private sealed class Call(AgentSession session) : ICall
    {
        public ValueTask SendAsync(ReadOnlyMemory<byte> frame) => session.SendAudioAsync(frame);

        public async Task ReceiveAsync(Action<int> onAudio)
        {
            await foreach (AgentEvent e in session.ReadPooledEventsAsync().ConfigureAwait(false))
            {
                if (e is AgentAudioEvent audio)
                {
                    onAudio(audio.Audio.Length);
                }
            }
        }

        public Task EndAsync() => session.EndAsync();

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}

/// <summary>
/// The baseline: a bare ClientWebSocket doing the same work as lean as it reasonably can — one reused send buffer
/// (JSON written around base64 encoded in place), one reused receive buffer, the audio decoded in place.
/// </summary>
internal sealed class RawCallClient(Uri webSocketUri) : ICallClient
{
    public string Name => "raw";

    public async Task<ICall> ConnectAsync(string agentId, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-API-Key", "sk_car_bench");
        await socket.ConnectAsync(new Uri(webSocketUri, $"v1/agents/websocket/{agentId}?cartesia_version=2026-08-14"), cancellationToken).ConfigureAwait(false);
        await socket.SendAsync("""{"type":"session_create","audio":{"input_format":"mulaw_8000","output_delivery":"as_available"}}"""u8.ToArray(), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        var call = new Call(socket);
        while (await call.ReceiveMessageAsync(cancellationToken).ConfigureAwait(false) is { } type && type != "session_ready")
        {
        }

        return call;
    }

    private sealed class Call(ClientWebSocket socket) : ICall
    {
        private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"type\":\"audio_input\",\"audio\":\"");
        private static readonly byte[] Suffix = "\"}"u8.ToArray();
        private readonly byte[] _send = new byte[4096];
        private readonly byte[] _receive = new byte[64 * 1024];
        private readonly byte[] _audio = new byte[48 * 1024];
        private int _received;
        private int _audioBytes;

        public ValueTask SendAsync(ReadOnlyMemory<byte> frame)
        {
            Prefix.CopyTo(_send, 0);
            Base64.EncodeToUtf8(frame.Span, _send.AsSpan(Prefix.Length), out _, out int written);
            Suffix.CopyTo(_send, Prefix.Length + written);
            return socket.SendAsync(_send.AsMemory(0, Prefix.Length + written + Suffix.Length), WebSocketMessageType.Text, true, CancellationToken.None);
        }

        public async Task ReceiveAsync(Action<int> onAudio)
        {
            while (await ReceiveMessageAsync(CancellationToken.None).ConfigureAwait(false) is { } type)
            {
                if (type == "audio_output")
                {
                    onAudio(_audioBytes);
                }
            }
        }

        /// <summary>Receives one message: its type (audio decoded into the reused buffer), or null once closed.</summary>
        public async Task<string?> ReceiveMessageAsync(CancellationToken cancellationToken)
        {
            _received = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                try
                {
                    result = await socket.ReceiveAsync(_receive.AsMemory(_received), cancellationToken).ConfigureAwait(false);
                }
                catch (WebSocketException)
                {
                    return null;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _received += result.Count;
            }
            while (!result.EndOfMessage);

            return Parse();
        }

        public async Task EndAsync()
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync()
        {
            socket.Dispose();
            return ValueTask.CompletedTask;
        }

        private string? Parse()
        {
            var reader = new Utf8JsonReader(_receive.AsSpan(0, _received));
            string? type = null;
            _audioBytes = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.ValueTextEquals("audio_output"u8) ? "audio_output" : reader.GetString();
                }
                else if (reader.ValueTextEquals("audio"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        Base64.DecodeFromUtf8(reader.ValueSpan, _audio, out _, out _audioBytes);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return type ?? string.Empty;
        }
    }
}
