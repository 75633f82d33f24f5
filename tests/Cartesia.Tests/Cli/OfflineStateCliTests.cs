using Cartesia.Cli;
using Cartesia.Tests.Support;
using Cartesia.Voices;

namespace Cartesia.Tests.Cli;

/// <summary>The offline CLI keeps its built-in emulator's state in a per-user data directory, across commands.</summary>
public sealed class OfflineStateCliTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), $"cartesia-home-{Guid.NewGuid():N}");

    private string StateDirectory => Path.Combine(_home, "data", "cartesia", "emulator");

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private CliRunner Cli()
    {
        var cli = new CliRunner();
        cli.Environment["HOME"] = _home;
        cli.Environment["XDG_DATA_HOME"] = Path.Combine(_home, "data");
        return cli;
    }

    private static string IdOf(string cloneOutput) => cloneOutput.Trim().Split(": ")[^1];

    [Fact]
    public async Task A_voice_cloned_offline_speaks_in_the_next_command()
    {
        string clip = Clips.WavFile("My voice, kept offline.");
        string output = Path.Combine(_home, "mine.wav");
        try
        {
            (int cloneCode, string cloned, string cloneError) = await Cli().RunAsync("voices", "clone", clip, "--name", "Mine");
            Assert.True(cloneCode == 0, cloneError);
            string id = IdOf(cloned);

            (int ttsCode, _, string ttsError) = await Cli().RunAsync("tts", "Hello from my own voice", "-v", id, "-o", output);

            Assert.True(ttsCode == 0, ttsError);
            Assert.True(File.Exists(output));
            Assert.Contains($"state kept in {StateDirectory}", cloneError, StringComparison.Ordinal);
            Assert.Contains("cartesia emulator reset", cloneError, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(StateDirectory, "state.json")));
        }
        finally
        {
            File.Delete(clip);
        }
    }

    [Fact]
    public async Task Home_is_used_when_XDG_DATA_HOME_is_unset_and_nothing_is_kept_without_either()
    {
        var cli = new CliRunner();
        cli.Environment["HOME"] = _home;
        (int code, _, string error) = await cli.RunAsync("voices", "list");
        (int bareCode, _, string bareError) = await new CliRunner().RunAsync("voices", "list");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(_home, ".local", "share", "cartesia", "emulator", "state.json")));
        Assert.Equal(0, bareCode);
        Assert.Contains("state not kept", bareError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_offline_commands_keep_every_clone()
    {
        string clip = Clips.WavFile("Many voices at once.");
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Cli().RunAsync("voices", "clone", clip, "--name", $"Parallel {i}")));
            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));

            (int listCode, string list, string listError) = await Cli().RunAsync("voices", "list", "--mine", "--limit", "100");

            Assert.True(listCode == 0, listError);
            Assert.All(results, r => Assert.Contains(IdOf(r.Out), list, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(clip);
        }
    }

    [Fact]
    public async Task A_corrupt_state_file_is_a_clear_warning_not_a_crash_and_is_kept_aside()
    {
        Directory.CreateDirectory(StateDirectory);
        string file = Path.Combine(StateDirectory, "state.json");
        await File.WriteAllTextAsync(file, "not json at all");

        (int code, string output, string error) = await Cli().RunAsync("voices", "list");

        Assert.True(code == 0, error);
        Assert.Contains("Barbershop Man", output, StringComparison.Ordinal);
        string warning = Assert.Single(error.Split('\n'), l => l.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains(file, warning, StringComparison.Ordinal);
        string aside = Assert.Single(Directory.GetFiles(StateDirectory, "state.json.corrupt-*"));
        Assert.Contains(aside, warning, StringComparison.Ordinal);
        Assert.Equal("not json at all", await File.ReadAllTextAsync(aside));
    }

    [Fact]
    public async Task Emulator_reset_forgets_the_offline_clones()
    {
        string clip = Clips.WavFile("Soon forgotten.");
        try
        {
            (_, string cloned, _) = await Cli().RunAsync("voices", "clone", clip, "--name", "Forgotten");
            string id = IdOf(cloned);

            (int resetCode, string reset, string resetError) = await Cli().RunAsync("emulator", "reset");
            (int getCode, _, string getError) = await Cli().RunAsync("voices", "get", id);
            (int againCode, string again, _) = await Cli().RunAsync("emulator", "reset", "--state-dir", Path.Combine(_home, "elsewhere"));

            Assert.True(resetCode == 0, resetError);
            Assert.Contains(StateDirectory, reset, StringComparison.Ordinal);
            Assert.Equal(1, getCode);
            Assert.Contains("404", getError, StringComparison.Ordinal);
            Assert.Equal(0, againCode);
            Assert.Contains("nothing to reset", again, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(clip);
        }
    }

    [Fact]
    public async Task The_emulator_process_shares_the_offline_state_with_persist_and_adds_voices()
    {
        string clip = Clips.WavFile("Made offline, served by the emulator.");
        try
        {
            (_, string cloned, _) = await Cli().RunAsync("voices", "clone", clip, "--name", "Shared");
            string id = IdOf(cloned);
            var output = new StringWriter();
            TextWriter synchronizedOutput = TextWriter.Synchronized(output);
            var context = new CliContext
            {
                In = new StringReader(string.Empty),
                OpenStandardOutput = () => Stream.Null,
                Out = synchronizedOutput,
                Error = TextWriter.Synchronized(new StringWriter()),
                Environment = name => name switch { "HOME" => _home, "XDG_DATA_HOME" => Path.Combine(_home, "data"), _ => null },
            };
            using var stop = new CancellationTokenSource();
            Task<int> running = CliApp.RunAsync(["emulator", "--port", "0", "--persist", "--voice", "prod-voice-1:Brand Voice", "--voice", "prod-voice-2"], context, stop.Token);
            string? url = null;
            for (int i = 0; i < 600 && url is null && !running.IsCompleted; i++)
            {
                await Task.Delay(50);
                string text;
                lock (synchronizedOutput)
                {
                    text = output.ToString();
                }

                int at = text.IndexOf("listening on ", StringComparison.Ordinal);
                url = at < 0 ? null : text[(at + "listening on ".Length)..].Split(' ')[0];
            }

            Assert.NotNull(url);
            using (var client = new CartesiaClient("sk_car_test", new CartesiaClientOptions { BaseUri = new Uri(url) }))
            {
                Assert.Equal("Shared", (await client.Voices.GetAsync(id)).Name);
                Assert.Equal("Brand Voice", (await client.Voices.GetAsync("prod-voice-1")).Name);
                Voice plain = await client.Voices.GetAsync("prod-voice-2");
                Assert.False(string.IsNullOrEmpty(plain.Name));
            }

            await stop.CancelAsync();
            Assert.Equal(0, await running);
            Assert.Contains(Path.Combine(StateDirectory, "state.json"), output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(clip);
        }
    }
}
