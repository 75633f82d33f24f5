using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Cli.Commands;

public class ResourceCliTests
{
    [Fact]
    public async Task Voices_list_prints_a_table_of_the_offline_catalogue()
    {
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("voices", "list", "--language", "en", "--gender", "feminine");

        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("British Lady", StringComparison.Ordinal) && l.Contains("british", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Barbershop Man", StringComparison.Ordinal));
        Assert.Contains("built-in Cartesia emulator", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voices_get_json_clone_localize_and_delete_against_a_server()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";
        cli.Environment["CARTESIA_BASE_URL"] = emulator.BaseUri.ToString();
        string clip = Clips.WavFile("My voice for the command line.");

        (int getCode, string json, _) = await cli.RunAsync("voices", "get", CartesiaEmulator.DefaultVoiceId, "--json");
        (int cloneCode, string cloneJson, string cloneError) = await cli.RunAsync("voices", "clone", clip, "--name", "CLI clone", "--accent", "british", "--json");
        string cloneId = JsonDocument.Parse(cloneJson).RootElement.GetProperty("id").GetString()!;
        (int localizeCode, string localized, _) = await cli.RunAsync("voices", "localize", cloneId, "--name", "CLI clone FR", "--accent", "parisian");
        (int deleteCode, string deleted, _) = await cli.RunAsync("voices", "delete", cloneId);
        (int missingCode, _, string missing) = await cli.RunAsync("voices", "delete", cloneId);

        Assert.Equal(0, getCode);
        using JsonDocument voice = JsonDocument.Parse(json);
        Assert.Equal(("Barbershop Man", "public"), (voice.RootElement.GetProperty("name").GetString(), voice.RootElement.GetProperty("access").GetString()));
        Assert.True(cloneCode == 0, cloneError);
        Assert.Equal("british", emulator.Journal.For("/voices/clone").Single().FormPart("accent")!.Text);
        Assert.Equal(0, localizeCode);
        Assert.StartsWith("Localized CLI clone FR (fr)", localized, StringComparison.Ordinal);
        Assert.Equal((0, $"Deleted {cloneId}."), (deleteCode, deleted.Trim()));
        Assert.Equal(1, missingCode);
        Assert.StartsWith("error: Cartesia API error 404", missing, StringComparison.Ordinal);
        File.Delete(clip);
    }

    [Fact]
    public async Task Tokens_create_prints_a_token_that_works()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";

        (int code, string token, _) = await cli.RunAsync("tokens", "create", "--tts", "--expires-in", "120", "--base-url", emulator.BaseUri.ToString());
        (int none, _, string noneError) = await cli.RunAsync("tokens", "create", "--base-url", emulator.BaseUri.ToString());
        (int tooLong, _, string tooLongError) = await cli.RunAsync("tokens", "create", "--stt", "--expires-in", "7200", "--base-url", emulator.BaseUri.ToString());

        Assert.Equal(0, code);
        Assert.Equal("{\"grants\":{\"tts\":true},\"expires_in\":120}", emulator.Journal.For("/access-token").Single().BodyText);
        using var client = new CartesiaClient(CartesiaCredential.FromAccessToken(token.Trim()), new CartesiaClientOptions { BaseUri = emulator.BaseUri });
        Assert.NotEmpty(await client.Tts.GenerateBytesAsync(Requests.Bytes("Hi.")));
        Assert.Equal((1, 1), (none, tooLong));
        Assert.Contains("--tts", noneError, StringComparison.Ordinal);
        Assert.StartsWith("error: --expires-in is in seconds, from 1 to 3600 (one hour); 7200 is 2 h.", tooLongError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_calls_and_datasets_work_offline()
    {
        var cli = new CliRunner();
        string wav = Path.Combine(Path.GetTempPath(), $"call-{Guid.NewGuid():N}.wav");

        (int agents, string agentsOut, _) = await cli.RunAsync("agents", "list");
        (int calls, string callsOut, _) = await cli.RunAsync("agents", "calls", "agent_7Jq2mXc9Lr4T", "--limit", "2");
        string callId = callsOut.Split('\n')[1].Split(' ')[0];
        (int audio, _, string audioError) = await cli.RunAsync("agents", "call-audio", callId, "-o", wav);
        (int created, string createdOut, _) = await cli.RunAsync("datasets", "create", "takes", "--json");

        Assert.Equal(0, agents);
        Assert.Contains("support-line", agentsOut, StringComparison.Ordinal);
        Assert.Equal(0, calls);
        Assert.Equal(3, callsOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(audio == 0, audioError);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(wav).AsSpan(0, 4)));
        Assert.Equal(0, created);
        Assert.Equal("takes", JsonDocument.Parse(createdOut).RootElement.GetProperty("name").GetString());
        File.Delete(wav);
    }
}
