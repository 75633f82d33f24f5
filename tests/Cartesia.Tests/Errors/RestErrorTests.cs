using Cartesia.Datasets;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Tests.Support;
using Cartesia.Voices;

namespace Cartesia.Tests.Errors;

public class RestErrorTests
{
    public static TheoryData<int, Type, string> Cases()
    {
        var data = new TheoryData<int, Type, string>();
        (int, Type)[] statuses =
        [
            (400, typeof(CartesiaBadRequestException)), (401, typeof(CartesiaAuthenticationException)), (403, typeof(CartesiaPermissionDeniedException)),
            (404, typeof(CartesiaNotFoundException)), (409, typeof(CartesiaConflictException)), (422, typeof(CartesiaUnprocessableEntityException)),
            (429, typeof(CartesiaRateLimitException)), (500, typeof(CartesiaServerException)), (503, typeof(CartesiaServerException)),
        ];
        string[] operations = ["voices.list", "voices.clone", "datasets.update", "agents.calls.audio", "metrics.export"];
        for (int i = 0; i < statuses.Length; i++)
        {
            data.Add(statuses[i].Item1, statuses[i].Item2, operations[i % operations.Length]);
            data.Add(statuses[i].Item1, statuses[i].Item2, operations[(i + 2) % operations.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_status_family_maps_to_its_exception_on_rest_operations(int status, Type expected, string operation)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        (string route, Func<Task> call) = operation switch
        {
            "voices.list" => ("GET /voices", (Func<Task>)(() => client.Voices.ListAsync().ToListAsync())),
            "voices.clone" => ("POST /voices/clone", () => client.Voices.CloneAsync(new VoiceCloneRequest { Clip = CartesiaFile.FromBytes(Clips.Wav(), "c.wav"), Name = "n", Language = Language.English })),
            "datasets.update" => ("PATCH /datasets/ds_1", () => client.Datasets.UpdateAsync("ds_1", new DatasetUpdateRequest { Name = "n", Description = "" })),
            "agents.calls.audio" => ("GET /agents/calls/call_1/audio", () => client.Agents.Calls.DownloadAudioAsync("call_1")),
            _ => ("GET /agents/metrics/results/export", () => client.Agents.Metrics.Results.ExportAsync()),
        };
        emulator.Faults.Add(route, new EmulatorFault { StatusCode = status, ErrorCode = "code_" + status, Title = "Title", Message = "Message." });

        CartesiaApiException error = await Assert.ThrowsAnyAsync<CartesiaApiException>(call);

        Assert.Equal(expected, error.GetType());
        Assert.Equal((status, "code_" + status, "Message."), (error.StatusCode, error.ErrorCode, error.ErrorMessage));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Single(emulator.Journal.Requests);
    }

    [Fact]
    public async Task Standard_operations_retry_a_503_and_succeed()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        emulator.Faults.Add("POST /datasets", EmulatorFault.Status(503).WithRetryAfterMs(1));

        Dataset created = client.Datasets.Create(new DatasetCreateRequest { Name = "retried", Description = "" });

        Assert.Equal(2, created.Response!.Attempts);
        Assert.Equal(["1", "2"], emulator.Journal.Requests.Select(r => r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
