using System.CommandLine;
using System.Globalization;
using Cartesia.Audio;
using Cartesia.Emulator;
using Cartesia.Tts;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia tts</c>: speak text into an audio file (or standard output).</summary>
internal sealed class TtsCommand
{
    private readonly CliContext _context;
    private readonly ConnectionOptions _connection = new();
    private readonly Argument<string?> _text = new("text") { Description = "The text to speak; '-' or nothing reads standard input.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _output = new("--output", "-o") { Description = "Required: the file to write (.wav, .mp3, .raw or .pcm); '-' writes to standard output (wav unless --container says otherwise)." };
    private readonly Option<string> _voice = new("--voice", "-v") { Description = "The voice id.", DefaultValueFactory = _ => CartesiaEmulator.DefaultVoiceId };
    private readonly Option<string> _model = new("--model", "-m") { Description = "The model id.", DefaultValueFactory = _ => TtsModel.Sonic3.Value };
    private readonly Option<string?> _language = new("--language", "-l") { Description = "The language code, for example en (default: detected)." };
    private readonly Option<string?> _locale = new("--locale") { Description = "The locale, for example en-GB (instead of --language)." };
    private readonly Option<string?> _container = new("--container") { Description = "raw, wav or mp3 (default: from the output file's extension; wav for standard output)." };
    private readonly Option<string> _encoding = new("--encoding") { Description = "pcm_s16le, pcm_f32le, pcm_mulaw or pcm_alaw (raw and wav).", DefaultValueFactory = _ => AudioEncoding.PcmS16LE.Value };
    private readonly Option<int> _sampleRate = new("--sample-rate") { Description = "Sample rate in Hz.", DefaultValueFactory = _ => 44100 };
    private readonly Option<int> _bitRate = new("--bit-rate") { Description = "MP3 bit rate in bit/s.", DefaultValueFactory = _ => 128000 };
    private readonly Option<double?> _speed = new("--speed") { Description = "Speed from 0.6 to 1.5 (Sonic 3)." };
    private readonly Option<double?> _volume = new("--volume") { Description = "Volume from 0.5 to 2.0 (Sonic 3)." };
    private readonly Option<string?> _emotion = new("--emotion") { Description = "An emotion, for example calm or excited (Sonic 3)." };
    private readonly Option<bool> _sse = new("--sse") { Description = "Stream with Server-Sent Events (/tts/sse) instead of /tts/bytes." };
    private readonly Option<bool> _websocket = new("--websocket") { Description = "Stream over the WebSocket: text from standard input is sent line by line while audio is written as it arrives." };
    private readonly Option<bool> _timestamps = new("--timestamps") { Description = "With --sse or --websocket: print word timings to standard error." };

    private TtsCommand(CliContext context) => _context = context;

    public static Command Create(CliContext context)
    {
        var handler = new TtsCommand(context);
        var command = new Command("tts", "Speak text into an audio file.")
        {
            handler._text, handler._output, handler._voice, handler._model, handler._language, handler._locale, handler._container,
            handler._encoding, handler._sampleRate, handler._bitRate, handler._speed, handler._volume, handler._emotion, handler._sse, handler._websocket, handler._timestamps,
        };
        handler._connection.AddTo(command);
        command.SetAction(handler.RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string output = parse.GetValue(_output) ?? throw new ArgumentException("-o/--output is required: a .wav, .mp3, .raw or .pcm file to write, or - for standard output.");
        AudioOutputFormat format = OutputFormat(parse, output);
        CheckGenerationOptions(parse, format);
        bool sse = parse.GetValue(_sse);
        bool websocket = parse.GetValue(_websocket);
        if (sse && websocket)
        {
            throw new ArgumentException("Choose one of --sse and --websocket.");
        }

        if ((sse || websocket) && format.Container == AudioContainer.Mp3)
        {
            throw new ArgumentException($"{(sse ? "--sse" : "--websocket")} streams raw audio: write wav or raw, or drop it for mp3.");
        }

        // Over the WebSocket, piped text is sent line by line as it is read; otherwise it is read whole first.
        string? text = websocket && parse.GetValue(_text) is null or "-" ? null : await ReadTextAsync(parse, cancellationToken).ConfigureAwait(false);
        if (text is null && !_context.InputRedirected)
        {
            throw new ArgumentException("Give the text to speak as an argument, or pipe it in (cartesia tts - -o out.wav < text.txt).");
        }

        OutputPath.CheckWritable(output);
        await using ClientConnection connection = await _connection.ConnectAsync(parse, _context, cancellationToken).ConfigureAwait(false);
        var progress = new Progress(_context, "Receiving audio");
        long bytes;
        try
        {
            bytes = websocket
                ? await RunWebSocketAsync(connection.Client, parse, text, format, output, progress, cancellationToken).ConfigureAwait(false)
                : sse
                    ? await RunSseAsync(connection.Client, parse, text!, format, output, progress, cancellationToken).ConfigureAwait(false)
                    : await RunBytesAsync(connection.Client, parse, text!, format, output, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing half-written is left behind under the requested name or beside it.
            File.Delete(output + ".partial");
            throw;
        }
        finally
        {
            progress.Clear();
        }

        string target = output == "-" ? "standard output" : output;
        await _context.Error.WriteLineAsync($"Wrote {target}: {Format.Seconds(Format.AudioSeconds(bytes, format))} of {format} audio ({Format.Bytes(bytes)}) in {Format.Seconds(progress.Elapsed.TotalSeconds)}.").ConfigureAwait(false);
        return 0;
    }

    private async Task<long> RunBytesAsync(CartesiaClient client, ParseResult parse, string text, AudioOutputFormat format, string output, Progress progress, CancellationToken cancellationToken)
    {
        var request = new TtsRequest
        {
            ModelId = parse.GetValue(_model)!,
            Transcript = text,
            Voice = parse.GetValue(_voice)!,
            OutputFormat = format,
        };
        Apply(parse, request);
        await using AudioResponse audio = await client.Tts.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        await using Stream destination = OpenOutput(output);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await audio.Audio.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
            progress.Report(total);
        }

        await CommitAsync(destination, output).ConfigureAwait(false);
        return total;
    }

    private async Task<long> RunSseAsync(CartesiaClient client, ParseResult parse, string text, AudioOutputFormat format, string output, Progress progress, CancellationToken cancellationToken)
    {
        var request = new TtsSseRequest
        {
            ModelId = parse.GetValue(_model)!,
            Transcript = text,
            Voice = parse.GetValue(_voice)!,
            OutputFormat = AudioOutputFormat.Raw(format.Encoding!.Value, format.SampleRate),
            AddTimestamps = parse.GetValue(_timestamps) ? true : null,
        };
        Apply(parse, request);
        await using Stream destination = OpenOutput(output);
        var sink = new AudioSink(destination, format);
        await foreach (TtsEvent e in client.Tts.GenerateSseAsync(request, cancellationToken).ConfigureAwait(false))
        {
            await WriteEventAsync(sink, e, progress, cancellationToken).ConfigureAwait(false);
        }

        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await CommitAsync(destination, output).ConfigureAwait(false);
        return sink.Bytes;
    }

    private async Task<long> RunWebSocketAsync(CartesiaClient client, ParseResult parse, string? text, AudioOutputFormat format, string output, Progress progress, CancellationToken cancellationToken)
    {
        var options = new TtsContextOptions
        {
            ModelId = parse.GetValue(_model)!,
            Voice = parse.GetValue(_voice)!,
            OutputFormat = AudioOutputFormat.Raw(format.Encoding!.Value, format.SampleRate),
            AddTimestamps = parse.GetValue(_timestamps),
            Language = parse.GetValue(_language) is { } language ? new Language(language) : (Language?)null,
            GenerationConfig = GenerationConfigFrom(parse),
        };
        await using TtsWebSocket socket = await client.Tts.ConnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using TtsContext context = socket.CreateContext(options);
        await using Stream destination = OpenOutput(output);
        var sink = new AudioSink(destination, format);
        Task sending = context.SendAsync(text is null ? ReadLinesAsync(cancellationToken) : Single(text), complete: true, cancellationToken);
        await foreach (TtsEvent e in context.ReadPooledEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            await WriteEventAsync(sink, e, progress, cancellationToken).ConfigureAwait(false);
        }

        await sending.ConfigureAwait(false);
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await CommitAsync(destination, output).ConfigureAwait(false);
        return sink.Bytes;
    }

    /// <summary>Writes a streamed event: audio to the output as it arrives, word timings to standard error.</summary>
    private async Task WriteEventAsync(AudioSink sink, TtsEvent e, Progress progress, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case TtsChunkEvent chunk:
                await sink.WriteAsync(chunk.Audio, cancellationToken).ConfigureAwait(false);
                progress.Report(sink.Bytes);
                break;
            case TtsTimestampsEvent { WordTimestamps: { } words }:
                foreach (TimedText word in words.ToTimedWords())
                {
                    await _context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{word.Start.TotalSeconds,8:0.000} {word.End.TotalSeconds,8:0.000}  {word.Text}")).ConfigureAwait(false);
                }

                break;
        }
    }

    /// <summary>Standard input, a line at a time as it is typed or piped, each ending in a space so words never merge.</summary>
    private async IAsyncEnumerable<string> ReadLinesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool any = false;
        while (await _context.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                any = true;
                yield return line.Trim() + " ";
            }
        }

        if (!any)
        {
            throw new ArgumentException("There is no text to speak.");
        }
    }

    private static async IAsyncEnumerable<string> Single(string text)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return text;
    }

    private void Apply(ParseResult parse, TtsRequestBase request)
    {
        if (parse.GetValue(_language) is { } language)
        {
            request.Language = language;
        }

        request.Locale = parse.GetValue(_locale);
        request.GenerationConfig = GenerationConfigFrom(parse);
    }

    private GenerationConfig? GenerationConfigFrom(ParseResult parse)
    {
        double? speed = parse.GetValue(_speed);
        double? volume = parse.GetValue(_volume);
        string? emotion = parse.GetValue(_emotion);
        return speed is null && volume is null && emotion is null
            ? null
            : new GenerationConfig { Speed = speed, Volume = volume, Emotion = emotion is null ? (Emotion?)null : new Emotion(emotion) };
    }

    private AudioOutputFormat OutputFormat(ParseResult parse, string output)
    {
        string container = parse.GetValue(_container) ?? OutputPath.ContainerOf(output, hasContainerOption: true);
        int sampleRate = parse.GetValue(_sampleRate);
        AudioEncoding encoding = parse.GetValue(_encoding)!;
        return container switch
        {
            "mp3" => AudioOutputFormat.Mp3(sampleRate, parse.GetValue(_bitRate)),
            "wav" => AudioOutputFormat.Wav(encoding, sampleRate),
            "raw" => AudioOutputFormat.Raw(encoding, sampleRate),
            _ => throw new ArgumentException($"--container '{container}' is not one of raw, wav, mp3."),
        };
    }

    /// <summary>Checks what the service would refuse, in this command's option names, before anything is sent.</summary>
    private void CheckGenerationOptions(ParseResult parse, AudioOutputFormat format)
    {
        if (parse.GetValue(_speed) is { } speed && speed is < GenerationConfig.MinSpeed or > GenerationConfig.MaxSpeed)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--speed must be between {GenerationConfig.MinSpeed} and {GenerationConfig.MaxSpeed}; it is {speed}."));
        }

        if (parse.GetValue(_volume) is { } volume && volume is < GenerationConfig.MinVolume or > GenerationConfig.MaxVolume)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--volume must be between {GenerationConfig.MinVolume} and {GenerationConfig.MaxVolume}; it is {volume}."));
        }

        if (!AudioOutputFormat.SupportedSampleRates.Contains(format.SampleRate))
        {
            throw new ArgumentException($"--sample-rate {format.SampleRate} is not supported; use one of {string.Join(", ", AudioOutputFormat.SupportedSampleRates)}.");
        }

        if (format.Container == AudioContainer.Mp3 && !AudioOutputFormat.SupportedBitRates.Contains(format.BitRate ?? 0))
        {
            throw new ArgumentException($"--bit-rate {format.BitRate} is not supported; use one of {string.Join(", ", AudioOutputFormat.SupportedBitRates)}.");
        }
    }

    private async Task<string> ReadTextAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string? text = parse.GetValue(_text);
        if (text is null or "-")
        {
            if (!_context.InputRedirected && text is null)
            {
                throw new ArgumentException("Give the text to speak as an argument, or pipe it in (cartesia tts - -o out.wav < text.txt).");
            }

            text = await _context.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("There is no text to speak.") : text.Trim();
    }

    private Stream OpenOutput(string output)
        => output == "-" ? _context.OpenStandardOutput() : new FileStream(output + ".partial", FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true);

    private static async Task CommitAsync(Stream destination, string output)
    {
        await destination.FlushAsync().ConfigureAwait(false);
        if (output != "-")
        {
            await destination.DisposeAsync().ConfigureAwait(false);
            File.Move(output + ".partial", output, overwrite: true);
        }
    }
}
