using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Serialization;
using Cartesia.Tests.Support;

namespace Cartesia.Tests;

public class RawRequestTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_custom_request_goes_through_the_same_pipeline(bool async)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        CartesiaRequest request = new CartesiaRequest(HttpMethod.Post, "/tts/bytes") { Accept = "audio/wav", IsGeneration = true }
            .WithJsonBody($$$"""{"model_id":"sonic-3","transcript":"Raw request.","voice":"{{{CartesiaEmulator.DefaultVoiceId}}}","output_format":{"container":"wav","encoding":"pcm_s16le","sample_rate":8000}}""");
        request.Headers["X-Trace"] = "t-1";
        request.Query.Add(new("debug", "a b&c"));

        using CartesiaRawResponse response = async ? await client.SendAsync(request) : client.Send(request);
        byte[] body = async ? await response.ReadAsBytesAsync() : response.ReadAsBytes();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("audio/wav", response.Response.GetHeader("Content-Type"));
        Assert.Equal("RIFF"u8.ToArray(), body[..4]);
        var sent = emulator.Journal.Requests.Single();
        Assert.Equal("?debug=a%20b%26c", sent.Query);
        Assert.Equal("t-1", sent.Header("X-Trace"));
        Assert.Equal("2026-08-14", sent.Header("Cartesia-Version"));
    }

    [Fact]
    public async Task A_custom_request_reads_json_and_maps_errors()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        using CartesiaRawResponse status = await client.SendAsync(new CartesiaRequest(HttpMethod.Get, "/"));
        ApiStatus? parsed = await status.ReadFromJsonAsync(CartesiaJsonContext.Default.ApiStatus);
        var missing = await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.SendAsync(new CartesiaRequest(HttpMethod.Get, "/no/such/endpoint")));

        Assert.True(parsed!.Ok);
        Assert.Contains("/no/such/endpoint", missing.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_request_path_must_be_relative_without_query()
    {
        Assert.Throws<ArgumentException>(() => new CartesiaRequest(HttpMethod.Get, "https://evil.example/voices"));
        Assert.Throws<ArgumentException>(() => new CartesiaRequest(HttpMethod.Get, "/voices?limit=1"));
        Assert.Equal("/voices", new CartesiaRequest(HttpMethod.Get, "voices").Path);
    }

    [Fact]
    public async Task Every_result_carries_its_response()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        ApiStatus status = await client.GetStatusAsync();

        Assert.Equal(200, status.Response!.StatusCode);
        Assert.Equal(1, status.Response.Attempts);
        Assert.Matches("^[0-9a-f-]{36}$", status.Response.RequestId!);
        Assert.Equal("application/json; charset=utf-8", status.Response.GetHeader("content-type"));
        Assert.Equal("2026-08-14", status.Version);
        Assert.Equal(JsonValueKind.Undefined, default(JsonElement).ValueKind);
    }
}
