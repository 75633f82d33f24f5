using Cartesia.AccessTokens;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Stt;
using Cartesia.Tests.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Browser;

/// <summary>
/// Issue 19: the WebSocket query-string auth of browsers (<c>cartesia_version</c> + <c>access_token</c> / <c>api_key</c>,
/// no header), chosen automatically in a browser and by option elsewhere, with the secret kept out of logs and errors.
/// </summary>
public class QueryAuthTests
{
    private static async Task<string> MintAsync(CartesiaClient server, AccessTokenGrants grants)
        => (await server.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = grants, ExpiresIn = TimeSpan.FromMinutes(5) })).Token;

    private static CartesiaClientOptions Options(CartesiaEmulator emulator, LogCapture? logs = null, CartesiaWebSocketAuthentication mode = CartesiaWebSocketAuthentication.Query, bool? browser = null) => new()
    {
        BaseUri = emulator.BaseUri,
        MaxRetries = 0,
        WebSocketAuthentication = mode,
        RunsInBrowser = browser,
        LoggerFactory = logs?.Factory,
    };

    [Theory]
    [InlineData(CartesiaWebSocketAuthentication.Query, false)]
    [InlineData(CartesiaWebSocketAuthentication.Automatic, true)]
    public async Task A_token_goes_in_the_query_with_the_version_and_no_header_when_asked_or_in_a_browser(CartesiaWebSocketAuthentication mode, bool browser)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient server = emulator.CreateClient();
        string token = await MintAsync(server, new AccessTokenGrants { Tts = true });
        using var logs = new LogCapture();
        using var client = new CartesiaClient(CartesiaCredential.FromAccessToken(token), Options(emulator, logs, mode, browser));

        await using (TtsWebSocket socket = await client.Tts.ConnectAsync())
        {
            var events = new List<TtsEvent>();
            await foreach (TtsEvent e in socket.GenerateAsync(Requests.Context(), "Spoken through the query."))
            {
                events.Add(e);
            }

            Assert.Equal(Speech.WordsOf("Spoken through the query."), Speech.Heard(events, AudioEncoding.PcmS16LE, 8000));
        }

        EmulatorRequest handshake = emulator.Journal.For("/tts/websocket").Single();
        Assert.Equal(EmulatorCredentialKind.AccessTokenQuery, handshake.Credential.Kind);
        Assert.True(handshake.Credential.Matches(token));
        Assert.Equal("?cartesia_version=2026-08-14&access_token=[redacted]", handshake.Query);
        Assert.Null(handshake.Header("Authorization"));
        Assert.Null(handshake.Header("Cartesia-Version"));
        Assert.Contains("access_token=[redacted]", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(token, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_browser_the_default_stays_headers()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient server = emulator.CreateClient();
        string token = await MintAsync(server, new AccessTokenGrants { Tts = true });
        using var client = new CartesiaClient(CartesiaCredential.FromAccessToken(token), Options(emulator, mode: CartesiaWebSocketAuthentication.Automatic, browser: false));

        await using (await client.Tts.ConnectAsync())
        {
        }

        EmulatorRequest handshake = emulator.Journal.For("/tts/websocket").Single();
        Assert.Equal(EmulatorCredentialKind.BearerHeader, handshake.Credential.Kind);
        Assert.Equal(string.Empty, handshake.Query);
        Assert.Equal("2026-08-14", handshake.Header("Cartesia-Version"));
    }

    [Fact]
    public async Task An_api_key_goes_in_the_api_key_parameter_and_stt_endpoint_parameters_are_kept()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_query_key_123" });
        using var client = new CartesiaClient(CartesiaCredential.FromApiKey("sk_car_query_key_123"), Options(emulator));
        (byte[] audio, _) = await SttAudio.SpeakAsync(client, "Keys travel too.", AudioEncoding.PcmS16LE, 16000);

        await using SttSession session = await client.Stt.ConnectAsync(SttAudio.Stream());
        Task<List<SttEvent>> reading = SttAudio.ReadAllAsync(session);
        await session.SendAudioAsync(audio);
        await session.CompleteAsync();
        List<SttEvent> events = await reading;

        Assert.Contains(events.OfType<SttTranscriptEvent>(), e => e.IsFinal && e.Text.Contains("Keys travel too", StringComparison.Ordinal));
        EmulatorRequest handshake = emulator.Journal.For("/stt/websocket").Single();
        Assert.Equal(EmulatorCredentialKind.ApiKeyQuery, handshake.Credential.Kind);
        Assert.True(handshake.Credential.Matches("sk_car_query_key_123"));
        Assert.Contains("encoding=pcm_s16le", handshake.Query, StringComparison.Ordinal);
        Assert.EndsWith("&cartesia_version=2026-08-14&api_key=[redacted]", handshake.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_query_handshake_names_the_redacted_url_and_never_the_token()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient server = emulator.CreateClient();
        string ttsOnly = await MintAsync(server, new AccessTokenGrants { Tts = true });
        using var logs = new LogCapture();
        using var client = new CartesiaClient(CartesiaCredential.FromAccessToken(ttsOnly), Options(emulator, logs));

        var error = await Assert.ThrowsAsync<CartesiaPermissionDeniedException>(() => client.Stt.ConnectAsync(SttAudio.Stream()));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("access_token=[redacted]", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ttsOnly, string.Join('\n', error.ToString(), error.ResponseBody, logs.AllText), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_mode_is_refused_when_the_client_is_made()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CartesiaClient("sk_car_x", new CartesiaClientOptions { WebSocketAuthentication = (CartesiaWebSocketAuthentication)7 }));
        Assert.Contains("WebSocketAuthentication", error.Message, StringComparison.Ordinal);
    }
}
