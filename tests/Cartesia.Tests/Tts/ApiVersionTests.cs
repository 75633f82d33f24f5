using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts;

public class ApiVersionTests
{
    [Theory]
    [InlineData("2026-08-14", JsonValueKind.String)]
    [InlineData("2026-03-01", JsonValueKind.Object)]
    [InlineData("2025-11-04", JsonValueKind.Object)]
    [InlineData("2024-06-10", JsonValueKind.Object)]
    public async Task Requests_are_shaped_for_the_pinned_version_and_the_emulator_accepts_them(string version, JsonValueKind voiceShape)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });

        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes());
        List<TtsEvent> events = await Twin.GenerateSse(client, Requests.Sse(), async: true);

        Assert.NotEmpty(audio);
        Assert.IsType<TtsDoneEvent>(events[^1]);
        foreach (var sent in emulator.Journal.Requests.Where(r => r.Path.StartsWith("/tts", StringComparison.Ordinal)))
        {
            Assert.Equal(version, sent.Header("Cartesia-Version"));
            using JsonDocument body = JsonDocument.Parse(sent.Body);
            JsonElement voice = body.RootElement.GetProperty("voice");
            Assert.Equal(voiceShape, voice.ValueKind);
            if (voiceShape == JsonValueKind.Object)
            {
                Assert.Equal("id", voice.GetProperty("mode").GetString());
            }
        }
    }

    [Fact]
    public async Task The_emulator_rejects_a_shape_the_version_does_not_accept()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = "2025-11-04" });
        CartesiaRequest request = new CartesiaRequest(HttpMethod.Post, "/tts/bytes")
            .WithJsonBody($$$"""{"model_id":"sonic-3","transcript":"Hi.","voice":"{{{CartesiaEmulator.DefaultVoiceId}}}","output_format":{"container":"raw","encoding":"pcm_s16le","sample_rate":8000}}""");

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.SendAsync(request));

        Assert.Contains("2026-08-14", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_can_be_overridden_by_default_headers()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var options = new CartesiaClientOptions();
        options.DefaultHeaders["Cartesia-Version"] = "2026-03-01";
        options.DefaultHeaders["X-Team"] = "voice";
        using CartesiaClient client = emulator.CreateClient(options);

        await client.GetStatusAsync();

        Assert.Equal("2026-03-01", emulator.Journal.Requests[0].Header("Cartesia-Version"));
        Assert.Equal("voice", emulator.Journal.Requests[0].Header("X-Team"));
    }
}
