using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Errors;

public class ErrorTests
{
    [Theory]
    [InlineData(400, typeof(CartesiaBadRequestException))]
    [InlineData(401, typeof(CartesiaAuthenticationException))]
    [InlineData(403, typeof(CartesiaPermissionDeniedException))]
    [InlineData(404, typeof(CartesiaNotFoundException))]
    [InlineData(409, typeof(CartesiaConflictException))]
    [InlineData(422, typeof(CartesiaUnprocessableEntityException))]
    [InlineData(429, typeof(CartesiaRateLimitException))]
    [InlineData(500, typeof(CartesiaServerException))]
    [InlineData(503, typeof(CartesiaServerException))]
    [InlineData(418, typeof(CartesiaApiException))]
    public async Task Each_status_family_has_its_exception(int status, Type expected)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", new EmulatorFault { StatusCode = status, ErrorCode = "some_code", Title = "Some title", Message = "Some message." }.WithShouldRetry(false));
        using CartesiaClient client = emulator.CreateClient();

        CartesiaApiException error = await Assert.ThrowsAnyAsync<CartesiaApiException>(() => client.GetStatusAsync());

        Assert.Equal(expected, error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("some_code", error.ErrorCode);
        Assert.Equal("Some title", error.Title);
        Assert.Equal("Some message.", error.ErrorMessage);
        Assert.Equal(error.Response!.RequestId, error.RequestId);
        Assert.Contains($"Cartesia API error {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("(some_code): Some title: Some message", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-08-14", true)]
    [InlineData("2026-03-01", true)]
    [InlineData("2025-11-04", false)]
    [InlineData("2024-06-10", false)]
    public async Task Both_error_formats_parse_into_the_same_fields(string version, bool structured)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = version });
        TtsRequest request = Requests.Bytes();
        request.ModelId = "sonic-unknown";

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(request));

        Assert.Equal("Invalid model", error.Title);
        Assert.Equal("The model is not valid, make sure it is a valid model ID.", error.ErrorMessage);
        if (structured)
        {
            Assert.Equal("model_not_found", error.ErrorCode);
            Assert.StartsWith("{", error.ResponseBody, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error.ErrorCode);
            Assert.Equal("Invalid model: The model is not valid, make sure it is a valid model ID.", error.ResponseBody);
        }

        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task An_unknown_api_version_is_a_clear_not_found()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = "2027-01-01" });

        var error = await Assert.ThrowsAsync<CartesiaNotFoundException>(() => client.Tts.GenerateBytesAsync(Requests.Bytes()));

        Assert.Contains("2027-01-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_api_key_is_an_authentication_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_right" });
        using var client = new CartesiaClient("sk_car_wrong", new CartesiaClientOptions { BaseUri = emulator.BaseUri });

        var error = await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => client.Tts.GenerateBytesAsync(Requests.Bytes()));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(emulator.Journal.Requests);
    }

    [Fact]
    public async Task A_non_json_success_body_for_a_json_call_is_a_protocol_error()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        emulator.Faults.Add("GET /", new EmulatorFault { StatusCode = 200, RawBody = "<html>proxy login</html>", RawContentType = "text/html" });
        using CartesiaClient client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<CartesiaProtocolException>(() => client.GetStatusAsync());

        Assert.Equal("<html>proxy login</html>", error.Payload);
    }

    [Fact]
    public void Legacy_and_structured_bodies_parse_without_a_server()
    {
        var structured = Cartesia.Core.Errors.ErrorDetails.FromBody("{\"error_code\":null,\"title\":\"T\",\"message\":\"M\",\"request_id\":\"r\",\"doc_url\":\"d\"}");
        var legacyText = Cartesia.Core.Errors.ErrorDetails.FromBody("Invalid voice: Voice x not found");
        var legacyJson = Cartesia.Core.Errors.ErrorDetails.FromBody("{\"error\":\"Invalid voice: Voice x not found\"}");
        var plain = Cartesia.Core.Errors.ErrorDetails.FromBody("upstream connect error or disconnect/reset before headers");

        Assert.Equal(new Cartesia.Core.Errors.ErrorDetails(null, "T", "M", "r", "d"), structured);
        Assert.Equal(("Invalid voice", "Voice x not found"), (legacyText.Title, legacyText.Message));
        Assert.Equal(("Invalid voice", "Voice x not found"), (legacyJson.Title, legacyJson.Message));
        Assert.Equal((null, "upstream connect error or disconnect/reset before headers"), (plain.Title, plain.Message));
    }
}
