using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Agents;
using Cartesia.Emulator.Speech;

namespace Cartesia.Tests.Emulator.Agents;

/// <summary>
/// A raw <see cref="ClientWebSocket"/> on an emulator agent socket, for tests: JSON events out, JSON events (or the
/// close) in, and the emulator's decodable speech in the call's format.
/// </summary>
internal sealed class AgentSocketClient : IAsyncDisposable
{
    public const string SupportAgent = AgentStore.SupportAgentId;
    public const string BookingAgent = AgentStore.BookingAgentId;

    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(20);
    private readonly byte[] _buffer = new byte[256 * 1024];

    private AgentSocketClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>The close status once the server closed, else null.</summary>
    public WebSocketCloseStatus? CloseStatus => Socket.CloseStatus;

    public string? CloseDescription => Socket.CloseStatusDescription;

    /// <summary>Opens the managed socket with an API key in X-API-Key (or with <paramref name="accessToken"/> in the query).</summary>
    public static Task<AgentSocketClient> ManagedAsync(CartesiaEmulator emulator, string agentId = SupportAgent, string? accessToken = null, Action<ClientWebSocketOptions>? configure = null)
    {
        string query = "?cartesia_version=2026-08-14" + (accessToken is null ? string.Empty : "&access_token=" + Uri.EscapeDataString(accessToken));
        return ConnectAsync(new Uri(emulator.WebSocketBaseUri, $"v1/agents/websocket/{agentId}{query}"), o =>
        {
            if (accessToken is null)
            {
                o.SetRequestHeader("X-API-Key", CartesiaEmulator.AnyKeyPlaceholder);
            }

            configure?.Invoke(o);
        });
    }

    /// <summary>Opens the legacy socket with <c>Authorization: Bearer</c> (or with <paramref name="accessToken"/> in the query).</summary>
    public static Task<AgentSocketClient> LegacyAsync(CartesiaEmulator emulator, string agentId = SupportAgent, string? accessToken = null)
    {
        string query = accessToken is null ? string.Empty : "?access_token=" + Uri.EscapeDataString(accessToken);
        return ConnectAsync(new Uri(emulator.WebSocketBaseUri, $"agents/stream/{agentId}{query}"), o =>
        {
            o.SetRequestHeader("Cartesia-Version", "2025-04-16");
            if (accessToken is null)
            {
                o.SetRequestHeader("Authorization", "Bearer " + CartesiaEmulator.AnyKeyPlaceholder);
            }
        });
    }

    public static async Task<AgentSocketClient> ConnectAsync(Uri uri, Action<ClientWebSocketOptions> configure)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure(socket.Options);
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new AgentSocketClient(socket);
    }

    /// <summary>The HTTP status of a refused handshake.</summary>
    public static async Task<int> RefusedStatusAsync(Uri uri, Action<ClientWebSocketOptions> configure)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure(socket.Options);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        return (int)socket.HttpStatusCode;
    }

    public Task SendAsync(string json) => Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    public Task SessionCreateAsync(string format = "pcm_16000", string delivery = "as_available")
        => SendAsync($$$"""{"type":"session_create","audio":{"input_format":"{{{format}}}","output_delivery":"{{{delivery}}}"}}""");

    /// <summary>The next event; null when the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        int count = 0;
        while (true)
        {
            ValueWebSocketReceiveResult result = await Socket.ReceiveAsync(_buffer.AsMemory(count), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                using JsonDocument document = JsonDocument.Parse(_buffer.AsMemory(0, count));
                return document.RootElement.Clone();
            }
        }
    }

    /// <summary>The next event, which must exist.</summary>
    public async Task<JsonElement> NextAsync() => await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"The socket closed ({CloseStatus} {CloseDescription}) where an event was expected.");

    /// <summary>Events up to and including the first for which <paramref name="last"/> holds.</summary>
    public async Task<List<JsonElement>> UntilAsync(Func<JsonElement, bool> last)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            JsonElement e = await NextAsync();
            events.Add(e);
            if (last(e))
            {
                return events;
            }
        }
    }

    /// <summary>Events up to the next <c>turn_ended</c> of a role.</summary>
    public Task<List<JsonElement>> UntilTurnEndedAsync(string role) => UntilAsync(e => Type(e) == "turn_ended" && e.GetProperty("role").GetString() == role);

    /// <summary>Reads until the server closes; returns what came before.</summary>
    public async Task<List<JsonElement>> UntilClosedAsync()
    {
        var events = new List<JsonElement>();
        while (await ReceiveAsync() is { } e)
        {
            events.Add(e);
        }

        return events;
    }

    public static string? Type(JsonElement e) => e.TryGetProperty("type", out JsonElement t) ? t.GetString() : e.TryGetProperty("event", out JsonElement ev) ? ev.GetString() : null;

    /// <summary>The emulator's speech for <paramref name="text"/> followed by <paramref name="silence"/> seconds of silence, in a format.</summary>
    public static byte[] Speak(string text, string format, double silence = 0.6)
    {
        (AudioEncoding encoding, int rate) = Format(format);
        SynthesizedSpeech speech = SpeechSynthesizer.Synthesize(text, rate);
        float[] samples = [.. speech.Samples, .. new float[(int)(silence * rate)]];
        return PcmCodec.Encode(samples, encoding);
    }

    /// <summary>Silence of a length, in a format.</summary>
    public static byte[] Silence(string format, double seconds)
    {
        (AudioEncoding encoding, int rate) = Format(format);
        return PcmCodec.Encode(new float[(int)(seconds * rate)], encoding);
    }

    /// <summary>Sends audio as managed <c>audio_input</c> events of 100 ms.</summary>
    public async Task SendAudioAsync(byte[] audio, string format)
    {
        int chunk = BytesPer100Ms(format);
        for (int offset = 0; offset < audio.Length; offset += chunk)
        {
            string payload = Convert.ToBase64String(audio, offset, Math.Min(chunk, audio.Length - offset));
            await SendAsync($$"""{"type":"audio_input","audio":"{{payload}}"}""");
        }
    }

    /// <summary>Sends audio as legacy <c>media_input</c> events of 100 ms.</summary>
    public async Task SendMediaAsync(byte[] audio, string format, string streamId)
    {
        int chunk = BytesPer100Ms(format);
        for (int offset = 0; offset < audio.Length; offset += chunk)
        {
            string payload = Convert.ToBase64String(audio, offset, Math.Min(chunk, audio.Length - offset));
            await SendAsync($$$"""{"event":"media_input","stream_id":"{{{streamId}}}","media":{"payload":"{{{payload}}}"}}""");
        }
    }

    /// <summary>The words the emulator's recognizer hears in the audio of some events (<c>audio_output</c> or <c>media_output</c>).</summary>
    public static string[] Heard(IEnumerable<JsonElement> events, string format)
    {
        (AudioEncoding encoding, int rate) = Format(format);
        byte[] audio = [.. events.SelectMany(AudioOf)];
        return [.. SpeechRecognizer.Recognize(PcmCodec.Decode(audio, encoding), rate).Select(w => w.Word)];
    }

    /// <summary>The audio bytes of one event (empty for other events).</summary>
    public static byte[] AudioOf(JsonElement e) => Type(e) switch
    {
        "audio_output" => e.GetProperty("audio").GetBytesFromBase64(),
        "media_output" => e.GetProperty("media").GetProperty("payload").GetBytesFromBase64(),
        _ => [],
    };

    /// <summary>The concatenated text deltas among some events.</summary>
    public static string Deltas(IEnumerable<JsonElement> events)
        => string.Concat(events.Where(e => Type(e) == "turn_output_text_delta").Select(e => e.GetProperty("text").GetString()));

    public async Task CloseAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(ReceiveTimeout);
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        Socket.Dispose();
    }

    private static (AudioEncoding Encoding, int Rate) Format(string format) => format switch
    {
        "mulaw_8000" => (AudioEncoding.PcmMulaw, 8000),
        "pcm_16000" => (AudioEncoding.PcmS16LE, 16000),
        "pcm_24000" => (AudioEncoding.PcmS16LE, 24000),
        "pcm_44100" => (AudioEncoding.PcmS16LE, 44100),
        _ => throw new ArgumentException(format),
    };

    private static int BytesPer100Ms(string format)
    {
        (AudioEncoding encoding, int rate) = Format(format);
        return rate / 10 * PcmCodec.BytesPerSample(encoding);
    }
}
