using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Emulator.Faults;
using Cartesia.Emulator.Speech;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Cli.Commands;

public class CliTests
{
    [Fact]
    public async Task Tts_without_a_key_runs_offline_on_the_built_in_emulator()
    {
        string path = TempFile(".wav");
        var cli = new CliRunner();

        (int code, _, string error) = await cli.RunAsync("tts", "Hello from Cartesia", "-o", path);

        Assert.Equal(0, code);
        Assert.Single(error.Split('\n'), line => line.StartsWith("No CARTESIA_API_KEY set: using the built-in Cartesia emulator", StringComparison.Ordinal));
        Assert.Contains($"Wrote {path}", error, StringComparison.Ordinal);
        AssertSpeaks(await File.ReadAllBytesAsync(path), AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 44100), "Hello from Cartesia");
        File.Delete(path);
    }

    [Theory]
    [InlineData(".mp3", new string[0], "mp3")]
    [InlineData(".raw", new[] { "--encoding", "pcm_mulaw", "--sample-rate", "8000" }, "raw")]
    [InlineData(".wav", new[] { "--sse", "--encoding", "pcm_f32le", "--sample-rate", "24000" }, "wav")]
    public async Task Tts_writes_every_container_and_the_sse_path_fixes_its_wav_header(string extension, string[] extra, string container)
    {
        string path = TempFile(extension);
        var cli = new CliRunner();

        (int code, _, string error) = await cli.RunAsync(["tts", "Containers, all of them.", "-o", path, .. extra]);

        Assert.True(code == 0, error);
        byte[] audio = await File.ReadAllBytesAsync(path);
        AudioOutputFormat format = container switch
        {
            "mp3" => AudioOutputFormat.Mp3(44100, 128000),
            "raw" => AudioOutputFormat.Raw(AudioEncoding.PcmMulaw, 8000),
            _ => AudioOutputFormat.Wav(AudioEncoding.PcmF32LE, 24000),
        };
        AssertSpeaks(audio, format, "Containers, all of them.");
        File.Delete(path);
    }

    [Fact]
    public async Task Tts_reads_standard_input_and_writes_standard_output_with_sse_timestamps()
    {
        var cli = new CliRunner { StandardInput = "Piped in text.\n" };

        (int code, _, string error) = await cli.RunAsync("tts", "-", "-o", "-", "--sse", "--timestamps", "--container", "raw", "--sample-rate", "16000");

        Assert.Equal(0, code);
        Assert.Contains("Piped", error, StringComparison.Ordinal);
        Assert.Contains("text.", error, StringComparison.Ordinal);
        AssertSpeaks(cli.StandardOutputBytes.ToArray(), AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, 16000), "Piped in text.");
    }

    [Fact]
    public async Task Tts_over_the_websocket_streams_piped_lines_into_one_context()
    {
        string path = TempFile(".wav");
        var cli = new CliRunner { StandardInput = "First line of text.\n\nSecond line, streamed!\n" };

        (int code, _, string error) = await cli.RunAsync("tts", "--websocket", "--timestamps", "-o", path, "--sample-rate", "16000");

        Assert.True(code == 0, error);
        Assert.Contains("Second", error, StringComparison.Ordinal);
        byte[] audio = await File.ReadAllBytesAsync(path);
        AssertSpeaks(audio, AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000), "First line of text. Second line, streamed!");
        File.Delete(path);
    }

    [Fact]
    public async Task Tts_over_the_websocket_takes_the_argument_and_writes_raw_to_standard_output()
    {
        var cli = new CliRunner();

        (int code, _, string error) = await cli.RunAsync("tts", "Argument text here.", "--websocket", "-o", "-", "--container", "raw", "--encoding", "pcm_f32le", "--sample-rate", "24000");
        (int mp3, _, string mp3Error) = await cli.RunAsync("tts", "Hi", "--websocket", "-o", TempFile(".mp3"));

        Assert.True(code == 0, error);
        AssertSpeaks(cli.StandardOutputBytes.ToArray(), AudioOutputFormat.Raw(AudioEncoding.PcmF32LE, 24000), "Argument text here.");
        Assert.Equal(1, mp3);
        Assert.Contains("--websocket streams raw audio", mp3Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tts_against_a_given_server_reports_api_errors_with_a_failing_exit_code()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync(new CartesiaEmulatorOptions { ApiKey = "sk_car_right" });
        emulator.Faults.Add("POST /tts/bytes", EmulatorFault.Status(429, "concurrency_limited").WithRetryAfter(3600));
        string path = TempFile(".wav");
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_right";

        (int code, _, string error) = await cli.RunAsync("tts", "Hi", "-o", path, "--base-url", emulator.BaseUri.ToString());
        (int badModel, _, string badModelError) = await cli.RunAsync("tts", "Hi", "-o", path, "--base-url", emulator.BaseUri.ToString(), "--model", "sonic-0");

        Assert.Equal(1, code);
        Assert.StartsWith("error: Cartesia API error 429", error, StringComparison.Ordinal);
        Assert.Equal(1, badModel);
        Assert.Contains("model_not_found", badModelError, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
        Assert.DoesNotContain("built-in", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_are_clear_and_fail()
    {
        var cli = new CliRunner();

        (int noOutput, _, string noOutputError) = await cli.RunAsync("tts", "Hi");
        (int noText, _, string noTextError) = await cli.RunAsync("tts", "-o", TempFile(".wav"));
        (int sseMp3, _, string sseMp3Error) = await cli.RunAsync("tts", "Hi", "-o", TempFile(".mp3"), "--sse");
        (int badRate, _, string badRateError) = await cli.RunAsync("tts", "Hi", "-o", TempFile(".wav"), "--sample-rate", "12345");

        Assert.NotEqual(0, noOutput);
        Assert.Contains("--output", noOutputError, StringComparison.Ordinal);
        Assert.Equal(1, noText);
        Assert.Contains("Give the text to speak", noTextError, StringComparison.Ordinal);
        Assert.Equal(1, sseMp3);
        Assert.Contains("--sse streams raw audio", sseMp3Error, StringComparison.Ordinal);
        Assert.Equal(1, badRate);
        Assert.StartsWith("error: --sample-rate 12345 is not supported; use one of 8000, 16000", badRateError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reports_the_api()
    {
        var cli = new CliRunner();

        (int code, string output, _) = await cli.RunAsync("status");

        Assert.Equal(0, code);
        Assert.Contains("ok, default API version 2026-08-14; this client sends 2026-08-14", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_command_serves_until_cancelled()
    {
        var cli = new CliRunner();
        var output = new StringWriter();
        using var cts = new CancellationTokenSource();
        var context = new Cartesia.Cli.CliContext
        {
            In = TextReader.Null,
            OpenStandardOutput = () => Stream.Null,
            Out = output,
            Error = TextWriter.Null,
            Environment = _ => null,
        };

        Task<int> run = Cartesia.Cli.CliApp.RunAsync(["emulator", "--port", "0", "--api-key", "sk_car_cli"], context, cts.Token);
        string line = await WaitForAsync(() => output.ToString(), text => text.Contains("listening on", StringComparison.Ordinal));
        var baseUri = new Uri(line.Split("listening on ")[1].Split(' ')[0]);
        using var client = new CartesiaClient("sk_car_cli", new CartesiaClientOptions { BaseUri = baseUri });
        byte[] audio = await client.Tts.GenerateBytesAsync(Requests.Bytes());
        await cts.CancelAsync();

        Assert.Equal(0, await run);
        Assert.NotEmpty(audio);
        Assert.Contains("Only the given API key is accepted.", output.ToString(), StringComparison.Ordinal);
    }

    private static void AssertSpeaks(byte[] audio, AudioOutputFormat format, string text)
    {
        (float[] samples, int rate) = AudioDecoding.Decode(audio, format);
        Assert.Equal(SpeechSynthesizer.Words(text), SpeechRecognizer.Recognize(samples, rate).Select(w => w.Word));
    }

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"cartesia-cli-{Guid.NewGuid():N}{extension}");

    private static async Task<string> WaitForAsync(Func<string> read, Func<string, bool> done)
    {
        for (int i = 0; i < 200; i++)
        {
            string text = read();
            if (done(text))
            {
                return text;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The command did not print what was expected: " + read());
    }
}
