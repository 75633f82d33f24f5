using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Emulator.Protocol;

/// <summary>
/// Issue 15, finding 3: malformed input (invalid UTF-8 or a lone surrogate inside a JSON string, a broken multipart
/// body) is a 400 with the emulator's structured error, as other malformed JSON is, never a 500 or a dropped socket.
/// </summary>
public class EmulatorMalformedInputTests
{
    private const string Voice = "a0e99841-438c-4a64-b679-ae501e7d6091";

    public static TheoryData<string, byte[]> MalformedJsonBodies => new()
    {
        { "tts/bytes", Utf8WithInvalidByte("""{"model_id":"sonic-3","transcript":"Hi XX there.","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000}}""") },
        { "tts/bytes", Encoding.UTF8.GetBytes("""{"model_id":"sonic-3","transcript":"Hi \ud800 there.","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000}}""") },
        { "tts/sse", Utf8WithInvalidByte("""{"model_id":"sonic-3","transcript":"Hi XX there.","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000}}""") },
        { "datasets", Utf8WithInvalidByte("""{"name":"XX","description":""}""") },
        { "access-token", Utf8WithInvalidByte("""{"grants":{"tts":true},"XX":1}""") },
    };

    [Theory]
    [MemberData(nameof(MalformedJsonBodies))]
    public async Task A_json_string_that_is_not_valid_text_is_a_400(string path, byte[] body)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        await AssertInvalidRequestAsync(response);
    }

    [Fact]
    public async Task An_output_format_field_with_a_lone_surrogate_is_a_400()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Clips.Wav()), "clip", "clip.wav" },
            { new StringContent(Voice), "voice[id]" },
            { new StringContent("""{"container":"\ud800","encoding":"pcm_s16le","sample_rate":8000}"""), "output_format" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "voice-changer/bytes") { Content = form };
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        await AssertInvalidRequestAsync(response);
    }

    [Fact]
    public async Task A_multipart_part_with_oversized_headers_is_a_400()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using HttpClient http = ControlClient.Create(emulator);
        string body = "--b\r\nContent-Disposition: form-data; name=\"model\"\r\nX-Padding: " + new string('p', 20_000) + "\r\n\r\nink-whisper\r\n--b--\r\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "stt") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        request.Headers.Add("Cartesia-Version", "2026-08-14");

        using HttpResponseMessage response = await http.SendAsync(request);

        await AssertInvalidRequestAsync(response);
    }

    [Fact]
    public async Task A_websocket_message_with_a_lone_surrogate_gets_an_error_event()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + CartesiaEmulator.AnyKeyPlaceholder);
        socket.Options.SetRequestHeader("Cartesia-Version", "2026-08-14");
        await socket.ConnectAsync(new Uri(emulator.WebSocketBaseUri, "tts/websocket"), CancellationToken.None);
        byte[] message = Encoding.UTF8.GetBytes("""{"context_id":"c","model_id":"sonic-3","transcript":"Hi \ud800.","voice":{"mode":"id","id":"a0e99841-438c-4a64-b679-ae501e7d6091"},"output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000}}""");

        // Invalid UTF-8 in a text frame is refused by the WebSocket layer itself (1007); an escaped lone surrogate is valid UTF-8 and reaches the parser.
        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        byte[] buffer = new byte[16 * 1024];
        WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, timeout.Token);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        using JsonDocument error = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        Assert.Equal("error", error.RootElement.GetProperty("type").GetString());
        Assert.Equal(400, error.RootElement.GetProperty("status_code").GetInt32());
    }

    private static async Task AssertInvalidRequestAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using JsonDocument error = JsonDocument.Parse(text);
        Assert.Equal("invalid_request", error.RootElement.GetProperty("error_code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("message").GetString()));
    }

    /// <summary>The JSON with its "XX" replaced by the bytes 0xFF 0xFE (never valid UTF-8).</summary>
    private static byte[] Utf8WithInvalidByte(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        int at = json.IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;
        return bytes;
    }
}
