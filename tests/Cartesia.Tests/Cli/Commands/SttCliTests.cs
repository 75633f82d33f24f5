using System.Text.Json;

namespace Cartesia.Tests.Cli.Commands;

public class SttCliTests
{
    private const string Spoken = "Transcribe me, please.";

    [Fact]
    public async Task Stt_transcribes_what_tts_wrote_offline()
    {
        string path = await SpeakAsync(".wav");
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("stt", path);

        Assert.True(code == 0, error);
        Assert.Equal(Spoken, output.Trim());
        Assert.Contains("No CARTESIA_API_KEY set: using the built-in Cartesia emulator", error, StringComparison.Ordinal);
        Assert.Contains($"Transcribed {path}", error, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task Stt_json_prints_the_result_with_word_times()
    {
        string path = await SpeakAsync(".mp3");
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("stt", path, "--json", "--language", "en");

        Assert.True(code == 0, error);
        using JsonDocument result = JsonDocument.Parse(output);
        Assert.Equal(Spoken, result.RootElement.GetProperty("text").GetString());
        Assert.Equal(["Transcribe", "me,", "please."], result.RootElement.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("word").GetString()));
        File.Delete(path);
    }

    [Fact]
    public async Task Stt_reads_raw_pcm_described_by_encoding_and_sample_rate_and_refuses_it_undescribed()
    {
        string path = await SpeakAsync(".raw", "--encoding", "pcm_mulaw", "--sample-rate", "8000");
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("stt", path, "--encoding", "pcm_mulaw", "--sample-rate", "8000");
        (int undescribed, _, string refusal) = await cli.RunAsync("stt", path);

        Assert.True(code == 0, error);
        Assert.Equal(Spoken, output.Trim());
        Assert.Equal(1, undescribed);
        Assert.Contains("--encoding and --sample-rate", refusal, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task Stt_stream_prints_the_transcript_from_a_session()
    {
        string path = await SpeakAsync(".wav", "--sample-rate", "16000");
        var cli = new CliRunner();

        (int code, string output, string error) = await cli.RunAsync("stt", path, "--stream", "--no-pace");
        (int jsonCode, string lines, _) = await cli.RunAsync("stt", path, "--stream", "--no-pace", "--json", "--model", "ink-2");

        Assert.True(code == 0, error);
        Assert.Equal(Spoken, output.Trim());
        Assert.Contains("Streamed", error, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        string[] events = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(events, l => l.Contains("\"is_final\":true", StringComparison.Ordinal) && l.Contains(Spoken, StringComparison.Ordinal));
        Assert.Contains("\"type\":\"done\"", events[^1], StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task Stt_reports_a_missing_file_and_an_mp3_it_cannot_stream()
    {
        string mp3 = await SpeakAsync(".mp3");
        var cli = new CliRunner();

        (int missing, _, string missingError) = await cli.RunAsync("stt", "/no/such/audio.wav");
        (int streamed, _, string streamError) = await cli.RunAsync("stt", mp3, "--stream");

        Assert.Equal((1, 1), (missing, streamed));
        Assert.Contains("There is no file", missingError, StringComparison.Ordinal);
        Assert.Contains("--stream sends raw PCM", streamError, StringComparison.Ordinal);
        File.Delete(mp3);
    }

    [Fact]
    public async Task Stt_says_on_standard_error_when_no_speech_was_recognised_and_exits_3()
    {
        string path = await SpeakAsync(".raw", "--encoding", "pcm_s16le", "--sample-rate", "16000");
        var cli = new CliRunner();

        (int batch, string batchOut, string batchError) = await cli.RunAsync("stt", path, "--encoding", "pcm_s16le", "--sample-rate", "12345");
        (int streamed, string streamedOut, string streamedError) = await cli.RunAsync("stt", path, "--encoding", "pcm_s16le", "--sample-rate", "12345", "--stream", "--no-pace");

        Assert.Equal((3, string.Empty), (batch, batchOut));
        Assert.Contains($"No speech was recognised in {path}", batchError, StringComparison.Ordinal);
        Assert.Equal((3, string.Empty), (streamed, streamedOut));
        Assert.Contains($"No speech was recognised in {path}", streamedError, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task Stt_dash_reads_the_audio_from_standard_input()
    {
        string wav = await SpeakAsync(".wav", "--sample-rate", "16000");
        string raw = await SpeakAsync(".raw", "--encoding", "pcm_s16le", "--sample-rate", "16000");

        var batch = new CliRunner { StandardInputBytes = await File.ReadAllBytesAsync(wav) };
        (int batchCode, string batchOut, string batchError) = await batch.RunAsync("stt", "-");
        var streamed = new CliRunner { StandardInputBytes = await File.ReadAllBytesAsync(raw) };
        (int streamCode, string streamOut, string streamError) = await streamed.RunAsync("stt", "-", "--stream", "--no-pace", "--encoding", "pcm_s16le", "--sample-rate", "16000");
        (int emptyCode, _, string emptyError) = await new CliRunner { StandardInputBytes = [] }.RunAsync("stt", "-");

        Assert.True(batchCode == 0, batchError);
        Assert.Equal(Spoken, batchOut.Trim());
        Assert.Contains("Transcribed standard input", batchError, StringComparison.Ordinal);
        Assert.True(streamCode == 0, streamError);
        Assert.Equal(Spoken, streamOut.Trim());
        Assert.Equal(1, emptyCode);
        Assert.Contains("There is no audio on standard input", emptyError, StringComparison.Ordinal);
        File.Delete(wav);
        File.Delete(raw);
    }

    private static async Task<string> SpeakAsync(string extension, params string[] options)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cli-stt-{Guid.NewGuid():N}{extension}");
        (int code, _, string error) = await new CliRunner().RunAsync(["tts", Spoken, "-o", path, .. options]);
        Assert.True(code == 0, error);
        return path;
    }
}
