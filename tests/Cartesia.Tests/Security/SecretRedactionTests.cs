using System.Text;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;
using Cartesia.VoiceChanger;

namespace Cartesia.Tests.Security;

/// <summary>
/// Issue 15, finding 6: a secret the service echoes back (any sk_car_ key, an access token, the client's own
/// key whatever its shape, JSON-escaped or not) reaches no exception message, property, ToString or log line.
/// </summary>
public class SecretRedactionTests
{
    // The client's own key has no recognisable shape: only knowing the credential catches it.
    private const string OwnKey = "my-own-secret-key-42";
    private const string ForeignKey = "sk_car_FOREIGN0123456789";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

    private static readonly string[] Secrets = [OwnKey, ForeignKey, Jwt, "FOREIGN0123456789"];

    [Fact]
    public async Task A_json_escaped_key_in_a_rest_error_body_is_redacted_after_parsing()
    {
        // Every field hides a secret behind a JSON escape, so a scrub of the raw text finds none of them.
        const string body = """
            {"error_code":"sk\u005fcar_FOREIGN0123456789","title":"Bad key my-own\u002dsecret-key-42",
             "message":"key sk\u005fcar_FOREIGN0123456789, token eyJhbGciOiJIUzI1NiJ9\u002eeyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl, own my-own\u002dsecret-key-42",
             "doc_url":"https://docs.example/?k=sk\u005fcar_FOREIGN0123456789","request_id":"req sk\u005fcar_FOREIGN0123456789"}
            """;
        await using var server = new HostileServer((_, stream) => HostileServer.WriteAsync(stream, 400, "application/json", body));
        using var logs = new LogCapture();
        using var client = new CartesiaClient(OwnKey, new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 0, LoggerFactory = logs.Factory });

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.GetStatusAsync());

        string everything = string.Join('\n', error.ToString(), error.ErrorCode, error.Title, error.ErrorMessage, error.DocUrl, error.RequestId, error.ResponseBody, logs.AllText);
        AssertNoSecret(everything);
        Assert.Contains("[redacted]", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_key_in_a_rest_error_text_and_header_is_redacted()
    {
        await using var server = new HostileServer(async (_, stream) =>
        {
            const string text = $"Unauthorized: Bearer {OwnKey} is not {ForeignKey}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 401 X\r\nContent-Type: text/plain\r\nx-request-id: {ForeignKey}\r\nContent-Length: {text.Length}\r\nConnection: close\r\n\r\n{text}"));
        });
        using var client = new CartesiaClient(OwnKey, new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => client.GetStatusAsync());

        AssertNoSecret(string.Join('\n', error.ToString(), error.Title, error.ErrorMessage, error.RequestId, error.ResponseBody));
    }

    [Fact]
    public async Task A_key_echoed_in_an_sse_error_event_is_redacted()
    {
        const string sse = "event: error\ndata: {\"type\":\"error\",\"status_code\":400,\"error_code\":\"sk\\u005fcar_FOREIGN0123456789\",\"title\":\"Echo\",\"message\":\"key my-own-secret-key-42 and sk_car_FOREIGN0123456789 and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl\",\"done\":true}\n\n";
        await using var server = new HostileServer((_, stream) => HostileServer.WriteAsync(stream, 200, "text/event-stream", sse));
        using var logs = new LogCapture();
        using var client = new CartesiaClient(OwnKey, new CartesiaClientOptions { BaseUri = server.BaseUri, MaxRetries = 0, LoggerFactory = logs.Factory });

        var error = await Assert.ThrowsAsync<CartesiaStreamException>(async () =>
        {
            await foreach (TtsEvent _ in client.Tts.GenerateSseAsync(Requests.Sse()))
            {
            }
        });

        AssertNoSecret(string.Join('\n', error.ToString(), error.ErrorCode, error.Title, error.ErrorMessage, logs.AllText));
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"error","context_id":"leak","status_code":400,"done":true,"error":"Bad request: echo sk_car_FOREIGN0123456789 my-own-secret-key-42"}""")]
    [InlineData("""{"type":"error","context_id":"leak","status_code":400,"done":true,"title":"Echo my-own\u002dsecret-key-42","message":"sk\u005fcar_FOREIGN0123456789 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl","error_code":"sk_car_FOREIGN0123456789"}""")]
    public async Task A_key_echoed_in_a_tts_websocket_error_event_is_redacted_from_the_exception_and_the_log(string frame)
    {
        await using var server = new BurstWebSocketServer([frame], 1000);
        using var logs = new LogCapture();
        using var client = new CartesiaClient(OwnKey, new CartesiaClientOptions { BaseUri = server.BaseUri, LoggerFactory = logs.Factory });
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context("leak"));
        await context.SendAsync("Echo my key.");

        var error = await Assert.ThrowsAsync<CartesiaStreamException>(async () =>
        {
            await foreach (TtsEvent _ in context.ReadEventsAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
            {
            }
        });

        AssertNoSecret(string.Join('\n', error.ToString(), error.ErrorCode, error.Title, error.ErrorMessage, logs.AllText));
        Assert.Contains(logs.Records, r => r.Message.Contains("Context leak ended", StringComparison.Ordinal) && r.Message.Contains("[redacted]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_echoed_in_an_stt_or_voice_changer_error_event_is_redacted()
    {
        using var client = new CartesiaClient(OwnKey, new CartesiaClientOptions { BaseUri = new Uri("http://127.0.0.1:9/") });
        byte[] frame = Encoding.UTF8.GetBytes("""{"type":"error","status_code":400,"title":"Echo my-own\u002dsecret-key-42","message":"sk\u005fcar_FOREIGN0123456789","error":"x: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl","request_id":"sk_car_FOREIGN0123456789"}""");

        var stt = Assert.IsType<SttErrorEvent>(SttEventParser.Parse(frame));
        CartesiaStreamException sttError = SttEventParser.ToException(stt);
        VoiceChangerEvent changer = VoiceChangerSseProtocol.Instance.Parse("error", frame);
        CartesiaStreamException? changerError = VoiceChangerSseProtocol.Instance.AsError(changer, 0);

        AssertNoSecret(string.Join('\n', stt.Title, stt.Message, stt.Error, sttError.ToString(), sttError.Title, sttError.ErrorMessage, sttError.RequestId, changerError!.ToString(), changerError.ErrorMessage));
    }

    private static void AssertNoSecret(string text)
    {
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
