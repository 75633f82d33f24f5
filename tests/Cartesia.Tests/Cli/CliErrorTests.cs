using Cartesia.Emulator;
using Cartesia.Tests.Support;

namespace Cartesia.Tests.Cli;

/// <summary>Bad input and unreachable services: one clear line on standard error in the CLI's own terms, exit code 1.</summary>
public class CliErrorTests
{
    [Fact]
    public async Task A_bad_firehose_value_is_named_by_its_option()
    {
        var cli = new CliRunner();

        (int chunks, _, string chunksError) = await cli.RunAsync("emulator", "--firehose", "--firehose-chunks", "-5", "--port", "0");
        (int rate, _, string rateError) = await cli.RunAsync("emulator", "--firehose", "--firehose-chunks-per-second", "0", "--port", "0");

        Assert.Equal((1, "error: --firehose-chunks must not be negative; it is -5."), (chunks, chunksError.Trim()));
        Assert.Equal((1, "error: --firehose-chunks-per-second must be positive, or left unset (null) for no pacing; it is 0."), (rate, rateError.Trim()));
    }

    [Fact]
    public async Task The_emulator_command_says_in_one_line_what_is_wrong_with_its_address()
    {
        var cli = new CliRunner();

        (int port, _, string portError) = await cli.RunAsync("emulator", "--port", "99999");
        (int name, _, string nameError) = await cli.RunAsync("emulator", "--host", "not a host");
        (int foreign, _, string foreignError) = await cli.RunAsync("emulator", "--host", "1.2.3.4", "--port", "0");

        Assert.Equal((1, "error: --port must be from 0 (a free port) to 65535; 99999 is not."), (port, portError.Trim()));
        Assert.Equal(1, name);
        Assert.StartsWith("error: --host must be an IP address of this machine", nameError.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, foreign);
        Assert.StartsWith("error: The emulator cannot listen on 1.2.3.4:0: ", foreignError.Trim(), StringComparison.Ordinal);
        foreach (string error in new[] { portError, nameError, foreignError })
        {
            Assert.Single(Lines(error));
            Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validation_speaks_in_the_cli_options_not_the_sdk_plumbing()
    {
        var cli = new CliRunner();
        string wav = Temp(".wav");

        (int speed, _, string speedError) = await cli.RunAsync("tts", "Hi", "-o", wav, "--speed", "5");
        (int rate, _, string rateError) = await cli.RunAsync("tts", "Hi", "-o", wav, "--sample-rate", "abc");
        (int expires, _, string expiresError) = await cli.RunAsync("tokens", "create", "--tts", "--expires-in", "99999");
        (int locale, _, string localeError) = await cli.RunAsync("tts", "Hi", "-o", wav, "--locale", "english");
        (int both, _, string bothError) = await cli.RunAsync("tts", "Hi", "-o", wav, "--language", "en", "--locale", "en-GB");

        Assert.Equal((1, "error: --speed must be between 0.6 and 1.5; it is 5."), (speed, speedError.Trim()));
        Assert.Equal(1, rate);
        Assert.Equal(["error: --sample-rate 'abc' is not a whole number.", "See 'cartesia tts --help'."], Lines(rateError));
        Assert.Equal((1, "error: --expires-in is in seconds, from 1 to 3600 (one hour); 99999 is 27 h 46 min 39 s."), (expires, expiresError.Trim()));

        // What the CLI does not check itself, the SDK does: its message is translated centrally.
        Assert.Equal(1, locale);
        Assert.StartsWith("error: --locale must look like 'en-GB'", Lines(localeError)[^1], StringComparison.Ordinal);
        Assert.Equal(1, both);
        Assert.StartsWith("error: --language and --locale are exclusive", Lines(bothError)[^1], StringComparison.Ordinal);
        foreach (string error in new[] { speedError, rateError, expiresError, localeError, bothError })
        {
            Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Request.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Actual value", error, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Usage:", error, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(wav));
    }

    [Fact]
    public async Task Streaming_a_stereo_file_is_refused_with_advice_for_a_cli_user()
    {
        string stereo = Temp(".wav");
        await File.WriteAllBytesAsync(stereo, [.. Cartesia.Audio.WavHeader.Create(AudioEncoding.PcmS16LE, 16000, 32000, channels: 2), .. new byte[32000]]);
        var cli = new CliRunner();

        (int code, _, string error) = await cli.RunAsync("stt", stereo, "--stream");

        Assert.Equal(1, code);
        Assert.Contains("2 channels; --stream sends mono audio", error, StringComparison.Ordinal);
        Assert.Contains("ffmpeg -i in.wav -ac 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Cartesia.Audio", error, StringComparison.Ordinal);
        File.Delete(stereo);
    }

    [Fact]
    public async Task Parse_errors_are_one_line_and_a_pointer_to_help_and_help_says_cartesia()
    {
        var cli = new CliRunner();

        (int unknown, _, string unknownError) = await cli.RunAsync("nosuch");
        (int noOutput, _, string noOutputError) = await cli.RunAsync("tts", "Hi");
        (int help, string helpOut, _) = await cli.RunAsync("tts", "--help");
        (int bare, string bareOut, _) = await cli.RunAsync();
        (int group, string groupOut, _) = await cli.RunAsync("voices");

        Assert.Equal(1, unknown);
        Assert.Equal(["error: Unrecognized command or argument 'nosuch'.", "See 'cartesia --help'."], Lines(unknownError));
        Assert.Equal(1, noOutput);
        Assert.Equal(["error: -o/--output is required: a .wav, .mp3, .raw or .pcm file to write, or - for standard output."], Lines(noOutputError));
        Assert.Equal(0, help);
        Assert.Contains("Usage:\n  cartesia tts [<text>] [options]", helpOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(0, bare);
        Assert.Contains("Usage:\n  cartesia [command] [options]", bareOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(0, group);
        Assert.Contains("Usage:\n  cartesia voices [command] [options]", groupOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_base_url_from_the_environment_names_the_variable()
    {
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";
        cli.Environment["CARTESIA_BASE_URL"] = "notaurl";

        (int fromEnvironment, _, string environmentError) = await cli.RunAsync("status");
        (int fromOption, _, string optionError) = await cli.RunAsync("status", "--base-url", "ftp://x");

        Assert.Equal(1, fromEnvironment);
        Assert.StartsWith("error: CARTESIA_BASE_URL 'notaurl' is not an http:// or https:// URL", environmentError, StringComparison.Ordinal);
        Assert.DoesNotContain("--base-url", environmentError, StringComparison.Ordinal);
        Assert.Equal(1, fromOption);
        Assert.StartsWith("error: --base-url 'ftp://x'", optionError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_service_gets_the_same_message_on_every_transport()
    {
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";
        cli.Environment["CARTESIA_BASE_URL"] = "http://127.0.0.1:1";
        string clip = Clips.WavFile("Nobody will hear this.");
        string[][] commands =
        [
            ["tts", "Hi", "-o", Temp(".wav")],
            ["tts", "Hi", "-o", Temp(".wav"), "--sse"],
            ["tts", "Hi", "-o", Temp(".wav"), "--websocket"],
            ["stt", clip],
            ["stt", clip, "--stream", "--no-pace"],
            ["status"],
            ["voices", "list"],
        ];

        foreach (string[] command in commands)
        {
            (int code, _, string error) = await cli.RunAsync(command);

            Assert.Equal((1, "error: cannot reach the Cartesia service at http://127.0.0.1:1: connection refused"), (code, error.Trim()));
        }

        File.Delete(clip);
    }

    [Fact]
    public async Task A_missing_output_folder_is_reported_before_anything_is_sent_naming_the_users_path()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        var cli = new CliRunner();
        cli.Environment["CARTESIA_API_KEY"] = "sk_car_cli";
        cli.Environment["CARTESIA_BASE_URL"] = emulator.BaseUri.ToString();
        string clip = Clips.WavFile();
        const string Missing = "/nonexistent/dir/x.wav";

        (int tts, _, string ttsError) = await cli.RunAsync("tts", "Hi", "-o", Missing);
        (int sse, _, string sseError) = await cli.RunAsync("tts", "Hi", "-o", Missing, "--sse");
        (int changer, _, string changerError) = await cli.RunAsync("voice-changer", clip, "-o", Missing, "--voice", CartesiaEmulator.DefaultVoiceId);
        (int call, _, string callError) = await cli.RunAsync("agents", "call-audio", "call_x", "-o", Missing);

        foreach ((int code, string error) in new[] { (tts, ttsError), (sse, sseError), (changer, changerError), (call, callError) })
        {
            Assert.Equal((1, "error: -o /nonexistent/dir/x.wav: the folder /nonexistent/dir does not exist."), (code, error.Trim()));
        }

        Assert.Empty(emulator.Journal.Requests);
        File.Delete(clip);
    }

    [Fact]
    public async Task An_unknown_output_extension_is_refused_naming_the_supported_ones()
    {
        var cli = new CliRunner();
        string ogg = Temp(".ogg");
        string clip = Clips.WavFile();

        (int tts, _, string ttsError) = await cli.RunAsync("tts", "Hi", "-o", ogg);
        (int changer, _, string changerError) = await cli.RunAsync("voice-changer", clip, "-o", ogg, "--voice", CartesiaEmulator.DefaultVoiceId);
        (int chosen, _, string chosenError) = await cli.RunAsync("tts", "Hi", "-o", ogg, "--container", "mp3");

        Assert.Equal(1, tts);
        Assert.Equal($"error: -o {ogg}: '.ogg' is not a format this command writes; name it .wav, .mp3, .raw or .pcm, or choose the format with --container wav|mp3|raw.", ttsError.Trim());
        Assert.Equal(1, changer);
        Assert.Equal($"error: -o {ogg}: '.ogg' is not a format this command writes; name it .wav, .mp3, .raw or .pcm.", changerError.Trim());
        Assert.True(chosen == 0, chosenError);
        Assert.Equal((byte)0xFF, (await File.ReadAllBytesAsync(ogg))[0]);
        File.Delete(ogg);
        File.Delete(clip);
    }

    [Fact]
    public async Task Json_is_offered_only_where_there_is_json_to_print()
    {
        var cli = new CliRunner();
        string clip = Clips.WavFile();

        (int changer, _, string changerError) = await cli.RunAsync("voice-changer", clip, "-o", Temp(".wav"), "--voice", CartesiaEmulator.DefaultVoiceId, "--json");
        (int delete, _, _) = await cli.RunAsync("voices", "delete", "abc", "--json");
        (int call, _, _) = await cli.RunAsync("agents", "call-audio", "call_x", "-o", Temp(".wav"), "--json");
        (int upload, _, _) = await cli.RunAsync("datasets", "upload", "ds", clip, "--json");
        (int list, string listJson, _) = await cli.RunAsync("voices", "list", "--limit", "1", "--json");

        Assert.Equal((1, 1, 1, 1), (changer, delete, call, upload));
        Assert.StartsWith("error: Unrecognized command or argument '--json'.", changerError, StringComparison.Ordinal);
        Assert.Equal(0, list);
        Assert.StartsWith("[", listJson.Trim(), StringComparison.Ordinal);
        File.Delete(clip);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"cli-error-{Guid.NewGuid():N}{extension}");
}
