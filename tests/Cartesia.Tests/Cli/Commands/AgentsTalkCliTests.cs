using Cartesia.Audio;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Cli.Commands;

/// <summary><c>cartesia agents talk</c> against the built-in emulator's seeded agent (offline, real sockets).</summary>
public class AgentsTalkCliTests
{
    [Fact]
    public async Task Talk_prints_both_sides_turns_and_writes_the_agents_audio()
    {
        string input = WavFile(Clips.Wav("What are your hours?", 16000));
        string reply = TempPath(".wav");
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("agents", "talk", "--input", input, "-o", reply, "--fast");

        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("Agent: Hello!", StringComparison.Ordinal));
        Assert.Contains("User: What are your hours?", lines);
        Assert.Contains("Agent: You said: What are your hours?", lines);
        Assert.True(Array.IndexOf(lines, "User: What are your hours?") < Array.IndexOf(lines, "Agent: You said: What are your hours?"), output);
        Assert.Contains("No CARTESIA_API_KEY set", error, StringComparison.Ordinal);
        Assert.Contains("Call ended: hung up after the agent answered", error, StringComparison.Ordinal);
        Assert.Contains($"wrote {reply}", error, StringComparison.Ordinal);
        Assert.EndsWith("You said: What are your hours?", Clips.Words(await File.ReadAllBytesAsync(reply), AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000)), StringComparison.Ordinal);
        Assert.False(File.Exists(reply + ".partial"));
        File.Delete(input);
        File.Delete(reply);
    }

    [Fact]
    public async Task Talk_over_the_line_stream_in_mulaw_presses_keys_and_writes_what_the_agent_said()
    {
        string input = WavFile(Clips.Wav("Good morning.", 8000, "pcm_mulaw"));
        string reply = TempPath(".raw");
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("agents", "talk", "--input", input, "-o", reply, "--fast", "--protocol", "line", "--dtmf", "5", "--wait", "2");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("User:", output, StringComparison.Ordinal);
        Assert.Contains("stream sid_", error, StringComparison.Ordinal);
        string heard = Clips.Words(await File.ReadAllBytesAsync(reply), AudioOutputFormat.Raw(AudioEncoding.PcmMulaw, 8000));
        Assert.Contains("You said: Good morning.", heard, StringComparison.Ordinal);
        Assert.Contains("You pressed 5.", heard, StringComparison.Ordinal);
        File.Delete(input);
        File.Delete(reply);
    }

    [Fact]
    public async Task Talk_ends_when_the_agent_hangs_up()
    {
        string input = WavFile(Clips.Wav("Goodbye.", 24000));
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("agents", "talk", "--input", input, "--fast");

        Assert.True(code == 0, error);
        Assert.Contains("Agent: Goodbye!", output, StringComparison.Ordinal);
        Assert.Contains("Call ended: the agent hung up (call ended by agent)", error, StringComparison.Ordinal);
        File.Delete(input);
    }

    [Fact]
    public async Task Talk_refuses_bad_input_in_one_line_before_connecting()
    {
        string stereo = WavFile(Cartesia.Audio.WavHeader.Create(AudioEncoding.PcmS16LE, 16000, 3200, channels: 2).Concat(new byte[3200]).ToArray());
        string odd = WavFile(Clips.Wav("Hi.", 22050));
        string raw = TempPath(".raw");
        await File.WriteAllBytesAsync(raw, new byte[1600]);
        string good = WavFile(Clips.Wav("Hi.", 16000));
        var cli = new CliRunner();

        (string[] args, string message)[] cases =
        [
            (["--input", "/no/such/user.wav"], "--input /no/such/user.wav: there is no such file."),
            (["--input", stereo], "it has 2 channels"),
            (["--input", odd], "it is pcm_s16le at 22050 Hz; agents take mulaw_8000, pcm_16000, pcm_24000, pcm_44100"),
            (["--input", raw], "not a WAV file, so say what raw audio it holds with --format"),
            (["--input", raw, "--format", "pcm_8000"], "--format pcm_8000: agents take mulaw_8000, pcm_16000, pcm_24000, pcm_44100."),
            (["--input", good, "--format", "mulaw_8000"], "is a WAV file of pcm_16000"),
            (["--input", good, "--dtmf", "12x"], "--dtmf 12x: 'x' is not a phone key"),
            (["--input", good, "-o", TempPath(".mp3")], "written as .wav or .raw"),
            (["--input", good, "-o", "/no/such/folder/reply.wav"], "the folder /no/such/folder does not exist"),
            (["--input", good, "--protocol", "sip"], "--protocol sip: use managed or line."),
            (["--input", good, "--wait", "0"], "--wait 0: give a number of seconds above 0"),
        ];
        foreach ((string[] args, string message) in cases)
        {
            (int code, string output, string error) = await cli.RunAsync(["agents", "talk", .. args]);

            Assert.True(code == 1, $"{string.Join(' ', args)}: {error}");
            Assert.Equal(string.Empty, output);
            string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.Contains(message, line, StringComparison.Ordinal);
        }

        foreach (string file in new[] { stereo, odd, raw, good })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Talk_names_an_unknown_agent_and_leaves_no_file()
    {
        string input = WavFile(Clips.Wav("Hi.", 16000));
        string reply = TempPath(".wav");
        var cli = new CliRunner();

        (int code, _, string error) = await cli.RunAsync("agents", "talk", "agent_doesnotexist", "--input", input, "-o", reply, "--fast");

        Assert.Equal(1, code);
        Assert.Contains("error: ", error, StringComparison.Ordinal);
        Assert.Contains("404", error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(reply));
        Assert.False(File.Exists(reply + ".partial"));
        File.Delete(input);
    }

    [Fact]
    public async Task Talk_works_on_a_terminal()
    {
        Assert.True(CliProcess.CanUseTerminal, "These tests need Linux with util-linux script (/usr/bin/script).");
        string input = WavFile(Clips.Wav("What are your hours?", 16000));

        (int code, string terminal) = await CliProcess.RunInTerminalAsync("agents", "talk", "--input", input, "--fast");

        Assert.True(code == 0, terminal);
        Assert.Contains("User: What are your hours?", terminal, StringComparison.Ordinal);
        Assert.Contains("Agent: You said: What are your hours?", terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", terminal, StringComparison.Ordinal);
        File.Delete(input);
    }

    private static string TempPath(string extension) => Path.Combine(Path.GetTempPath(), $"cli-talk-{Guid.NewGuid():N}{extension}");

    private static string WavFile(byte[] wav)
    {
        string path = TempPath(".wav");
        File.WriteAllBytes(path, wav);
        return path;
    }
}
