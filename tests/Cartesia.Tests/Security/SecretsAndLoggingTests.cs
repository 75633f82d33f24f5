using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Security;

public class SecretsAndLoggingTests
{
    private const string Secret = "sk_car_SUPERSECRET_0123456789abcdef";

    [Fact]
    public async Task No_secret_appears_in_logs_exceptions_or_strings()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_other" });
        using var logs = new LogCapture();
        var options = new CartesiaClientOptions { BaseUri = emulator.BaseUri, LoggerFactory = logs.Factory };
        using var client = new CartesiaClient(Secret, options);
        var errors = new List<Exception>();

        // A 401 that echoes the key back, a retried 503, a dropped connection, a timeout, a stream error.
        emulator.Faults.Add("GET /", new EmulatorFault { StatusCode = 401, RawBody = $"Unauthorized: key {Secret} is not valid" });
        emulator.Faults.Add("GET /", EmulatorFault.Status(503).WithRetryAfterMs(1));
        emulator.Faults.Add("POST /tts/bytes", new EmulatorFault { DropConnection = true });
        errors.Add(await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => client.GetStatusAsync()));
        await client.GetStatusAsync();
        errors.Add(await Assert.ThrowsAsync<CartesiaConnectionException>(() => client.Tts.GenerateAsync(Requests.Bytes())));
        errors.Add(await Assert.ThrowsAsync<CartesiaAuthenticationException>(() => client.Tts.GenerateAsync(Requests.Bytes())));

        string everything = string.Join('\n', errors.Select(e => e.ToString()))
            + string.Join('\n', errors.OfType<CartesiaApiException>().Select(e => e.ResponseBody))
            + logs.AllText + client + CartesiaCredential.FromApiKey(Secret) + options;

        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.Contains("[redacted]", errors.OfType<CartesiaApiException>().First().ResponseBody, StringComparison.Ordinal);
        Assert.Contains(logs.Records, r => r.Category == "Cartesia.Http" && r.Message.Contains("Sending GET", StringComparison.Ordinal));
        Assert.Contains(logs.Records, r => r.Message.Contains("Retrying GET", StringComparison.Ordinal) && r.Message.Contains("status 503", StringComparison.Ordinal));
        CredentialAssert.Bearer(Secret, emulator.Journal.Requests[0]);
    }

    [Fact]
    public async Task A_sunset_model_warns_once_per_client_and_the_service_rejects_it()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using var logs = new LogCapture();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { LoggerFactory = logs.Factory });
        TtsRequest request = Requests.Bytes();
#pragma warning disable CS0618 // the point of the test: a sunset model
        request.ModelId = TtsModel.SonicEnglish;
#pragma warning restore CS0618

        var first = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(request));
        await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(request));

        Assert.Equal(CartesiaErrorCodes.ModelSunsetted, first.ErrorCode);
        Assert.Single(logs.Records, r => r.Message.Contains("'sonic-english' was sunset on 2026-06-01", StringComparison.Ordinal) && r.Message.Contains("use sonic-3", StringComparison.Ordinal));
    }
}
