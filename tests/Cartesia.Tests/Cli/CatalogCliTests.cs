using System.Text.Json;
using Cartesia.Emulator;

namespace Cartesia.Tests.Cli;

public class CatalogCliTests
{
    [Fact]
    public async Task Models_prints_a_table_filters_by_type_and_language_and_prints_json()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";
        cli.Environment["CARTESIA_BASE_URL"] = emulator.BaseUri.ToString();

        (int code, string table, string error) = await cli.RunAsync("models");
        (int italianCode, string italian, _) = await cli.RunAsync("models", "--type", "tts", "--language", "it");
        (int jsonCode, string json, _) = await cli.RunAsync("models", "--type", "stt", "--json");

        Assert.True(code == 0, error);
        string[] lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("sonic-3.6 ", StringComparison.Ordinal) && l.Contains("44 languages", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("sonic-latest ", StringComparison.Ordinal) && l.Contains("sonic-3.6", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("sonic-2-2025-06-11 ", StringComparison.Ordinal) && l.Contains("hi,it,nl,pl,ru,sv,tr on 2026-06-01", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("sonic-english ", StringComparison.Ordinal) && l.EndsWith("2026-06-01", StringComparison.Ordinal));
        Assert.Equal(0, italianCode);
        Assert.DoesNotContain("sonic-2", italian, StringComparison.Ordinal);
        Assert.DoesNotContain("ink-", italian, StringComparison.Ordinal);
        Assert.Contains("sonic-3.6", italian, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        JsonElement[] stt = [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];
        Assert.Equal(["ink-whisper", "ink-whisper-2025-06-04", "ink-2"], stt.Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("stt", stt[2].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Locales_prints_a_table_and_json()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";
        cli.Environment["CARTESIA_BASE_URL"] = emulator.BaseUri.ToString();

        (int code, string table, string error) = await cli.RunAsync("locales");
        (int jsonCode, string json, _) = await cli.RunAsync("locales", "--json");

        Assert.True(code == 0, error);
        Assert.StartsWith("LOCALE", table, StringComparison.Ordinal);
        Assert.Contains(table.Split('\n'), l => l.StartsWith("en-GB", StringComparison.Ordinal) && l.Contains("British English", StringComparison.Ordinal));
        Assert.Equal(0, jsonCode);
        JsonElement british = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "en-GB");
        Assert.Equal("en", british.GetProperty("language").GetString());
        Assert.Equal(["/models", "/locales", "/locales"], emulator.Journal.Requests.Select(r => r.Path).Prepend("/models"));
    }
}
