using System.Buffers.Binary;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Cli;

/// <summary>
/// The real binary under a pseudo-terminal (standard error is a terminal, so progress is drawn), and with its
/// standard output redirected by a shell: what CI's redirected runs never exercise.
/// </summary>
public class TerminalCliTests
{
    private const string Spoken = "Hello from Cartesia in a terminal.";

    [Theory]
    [InlineData("")]
    [InlineData("--sse")]
    [InlineData("--websocket")]
    public async Task Tts_shows_progress_on_a_terminal_and_writes_the_file(string transport)
    {
        Assert.True(CliProcess.CanUseTerminal, "These tests need Linux with util-linux script (/usr/bin/script).");
        string path = Path.Combine(Path.GetTempPath(), $"cli-tty-{Guid.NewGuid():N}.wav");

        (int code, string terminal) = await CliProcess.RunInTerminalAsync(["tts", Spoken, "-o", path, .. transport.Length == 0 ? Array.Empty<string>() : [transport]]);

        Assert.True(code == 0, terminal);
        Assert.Contains("\rReceiving audio: ", terminal, StringComparison.Ordinal);
        Assert.Contains($"Wrote {path}", terminal, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", terminal, StringComparison.Ordinal);
        Assert.Equal(Spoken.TrimEnd('.'), Clips.Words(await File.ReadAllBytesAsync(path), AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100)).TrimEnd('.'));
        File.Delete(path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stt_and_voice_changer_work_on_a_terminal(bool stream)
    {
        Assert.True(CliProcess.CanUseTerminal, "These tests need Linux with util-linux script (/usr/bin/script).");
        string clip = Clips.WavFile(Spoken);
        string changed = Path.Combine(Path.GetTempPath(), $"cli-tty-{Guid.NewGuid():N}.wav");

        (int sttCode, string sttTerminal) = await CliProcess.RunInTerminalAsync(["stt", clip, .. stream ? new[] { "--stream", "--no-pace" } : []]);
        (int vcCode, string vcTerminal) = await CliProcess.RunInTerminalAsync("voice-changer", clip, "-o", changed, "--voice", Cartesia.Emulator.CartesiaEmulator.DefaultVoiceId);

        Assert.True(sttCode == 0, sttTerminal);
        Assert.Contains(Spoken, sttTerminal, StringComparison.Ordinal);
        Assert.True(vcCode == 0, vcTerminal);
        Assert.True(File.Exists(changed));
        File.Delete(clip);
        File.Delete(changed);
    }

    [Fact]
    public async Task Wav_written_to_standard_output_redirected_to_a_file_gets_its_real_sizes()
    {
        Assert.True(CliProcess.CanUseTerminal, "These tests need Linux with util-linux script (/usr/bin/script).");
        string path = Path.Combine(Path.GetTempPath(), $"cli-stdout-{Guid.NewGuid():N}.wav");
        string piped = Path.Combine(Path.GetTempPath(), $"cli-pipe-{Guid.NewGuid():N}.wav");

        (int code, string error) = await CliProcess.RunShellAsync(CliProcess.CommandLine("tts", Spoken, "--websocket", "-o", "-") + $" > '{path}'");
        (int sseCode, string sseError) = await CliProcess.RunShellAsync(CliProcess.CommandLine("tts", Spoken, "--sse", "-o", "-") + $" | cat > '{piped}'");

        Assert.True(code == 0, error);
        byte[] wav = await File.ReadAllBytesAsync(path);
        Assert.Equal((uint)(wav.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal((uint)(wav.Length - 44), BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40)));
        Assert.Equal(Spoken.TrimEnd('.'), Clips.Words(wav, AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100)).TrimEnd('.'));

        // Through a pipe the sizes cannot be fixed: the streaming placeholder stays, and the audio is still whole.
        Assert.True(sseCode == 0, sseError);
        byte[] streamed = await File.ReadAllBytesAsync(piped);
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(streamed.AsSpan(4)));
        Assert.Equal(wav.Length, streamed.Length);
        File.Delete(path);
        File.Delete(piped);
    }
}
