using System.CommandLine;
using System.Text.Json;
using Cartesia.Audio;
using Cartesia.Serialization;
using Cartesia.Stt;

namespace Cartesia.Cli.Commands;

/// <summary>
/// <c>cartesia stt</c>: transcribe an audio file, in one request (<c>POST /stt</c>) or paced through a streaming
/// session (<c>--stream</c>), printing transcripts as they arrive.
/// </summary>
internal sealed class SttCommand
{
    private readonly CliContext _context;
    private readonly ConnectionOptions _connection = new();
    private readonly Argument<string> _file = new("file") { Description = "The audio file: WAV, MP3 (batch), or raw PCM with --encoding and --sample-rate; '-' reads standard input." };
    private readonly Option<bool> _stream = new("--stream") { Description = "Stream the file through a realtime session (/stt/websocket), paced in real time, printing transcripts as they arrive." };
    private readonly Option<string?> _model = new("--model", "-m") { Description = "The model id (default ink-whisper)." };
    private readonly Option<string?> _language = new("--language", "-l") { Description = "The language of the audio, for example en." };
    private readonly Option<string?> _encoding = new("--encoding") { Description = "For raw PCM: pcm_s16le, pcm_s32le, pcm_f16le, pcm_f32le, pcm_mulaw or pcm_alaw." };
    private readonly Option<int?> _sampleRate = new("--sample-rate") { Description = "For raw PCM: the sample rate in Hz." };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON: the result with word times, or one line per event with --stream." };
    private readonly Option<bool> _noPace = new("--no-pace") { Description = "With --stream: send as fast as possible instead of in real time." };

    private SttCommand(CliContext context) => _context = context;

    public static Command Create(CliContext context)
    {
        var handler = new SttCommand(context);
        var command = new Command("stt", $"Transcribe an audio file. Exit code 0: the transcript is printed; {CliApp.NoSpeech}: no speech was recognised (nothing is printed on standard output, a line on standard error says so; with --json the result is still printed); 1: an error.")
        {
            handler._file, handler._stream, handler._model, handler._language, handler._encoding, handler._sampleRate, handler._json, handler._noPace,
        };
        handler._connection.AddTo(command);
        command.SetAction(handler.RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string file = parse.GetValue(_file)!;
        bool standardInput = file == "-";
        if (!standardInput && !File.Exists(file))
        {
            throw new ArgumentException($"There is no file '{file}'.");
        }

        string? encoding = parse.GetValue(_encoding);
        int? sampleRate = parse.GetValue(_sampleRate);
        bool raw = Path.GetExtension(file).ToLowerInvariant() is ".raw" or ".pcm" or ".ulaw" or ".alaw";
        if (raw && (encoding is null || sampleRate is null))
        {
            throw new ArgumentException($"'{file}' is raw audio: say what it holds with --encoding and --sample-rate (for example --encoding pcm_s16le --sample-rate 16000).");
        }

        if (sampleRate is <= 0)
        {
            throw new ArgumentException($"--sample-rate must be a positive number of Hz; it is {sampleRate}.");
        }

        // Standard input is read whole first: the file's header is looked at before it is sent.
        await using Stream audio = standardInput
            ? await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false)
            : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        string name = standardInput ? "standard input" : file;
        bool stream = parse.GetValue(_stream);
        (AudioEncoding Encoding, int SampleRate)? described = stream ? await DescribeAsync(audio, name, encoding, sampleRate, cancellationToken).ConfigureAwait(false) : null;
        await using ClientConnection connection = await _connection.ConnectAsync(parse, _context, cancellationToken).ConfigureAwait(false);
        var progress = new Progress(_context, "Transcribing");
        return described is { } format
            ? await StreamAsync(connection.Client, parse, audio, name, format, progress, cancellationToken).ConfigureAwait(false)
            : await TranscribeAsync(connection.Client, parse, audio, name, standardInput ? null : Path.GetFileName(file), encoding, sampleRate, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Stream> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await using (Stream input = _context.OpenStandardInput())
        {
            await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        if (buffer.Length == 0)
        {
            throw new ArgumentException("There is no audio on standard input (cartesia stt - < speech.wav).");
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Says on standard error that there was no speech, and returns the exit code that tells a script so.</summary>
    private async Task<int> NoSpeechAsync(string name)
    {
        await _context.Error.WriteLineAsync($"No speech was recognised in {name} (exit code {CliApp.NoSpeech}). If it holds speech, check --encoding and --sample-rate.").ConfigureAwait(false);
        return CliApp.NoSpeech;
    }

    private async Task<int> TranscribeAsync(CartesiaClient client, ParseResult parse, Stream audio, string file, string? fileName, string? encoding, int? sampleRate, Progress progress, CancellationToken cancellationToken)
    {
        bool json = parse.GetValue(_json);
        var request = new SttTranscribeRequest
        {
            Model = parse.GetValue(_model) ?? SttModel.InkWhisper.Value,
            Language = parse.GetValue(_language) is { } language ? new Language(language) : (Language?)null,
            Encoding = encoding is null ? (AudioEncoding?)null : new AudioEncoding(encoding),
            SampleRate = sampleRate,
            TimestampGranularities = json ? [SttTimestampGranularity.Word] : [],
        };
        if (fileName is not null)
        {
            request.FileName = fileName;
        }

        SttTranscription result = await client.Stt.TranscribeAsync(audio, request, cancellationToken).ConfigureAwait(false);
        bool silent = string.IsNullOrWhiteSpace(result.Text);
        if (json || !silent)
        {
            await _context.Out.WriteLineAsync(json ? JsonSerializer.Serialize(result, CartesiaJsonContext.Default.SttTranscription) : result.Text).ConfigureAwait(false);
        }

        if (silent)
        {
            return await NoSpeechAsync(file).ConfigureAwait(false);
        }

        string duration = result.Duration is { } seconds ? Format.Seconds(seconds) + " of audio" : "the audio";
        await _context.Error.WriteLineAsync($"Transcribed {file}: {duration} in {Format.Seconds(progress.Elapsed.TotalSeconds)}.").ConfigureAwait(false);
        return 0;
    }

    private async Task<int> StreamAsync(CartesiaClient client, ParseResult parse, Stream audio, string file, (AudioEncoding Encoding, int SampleRate) described, Progress progress, CancellationToken cancellationToken)
    {
        bool json = parse.GetValue(_json);
        (AudioEncoding format, int rate) = described;
        var options = new SttSessionOptions
        {
            Model = parse.GetValue(_model) ?? SttModel.InkWhisper.Value,
            Encoding = format,
            SampleRate = rate,
            Language = parse.GetValue(_language) is { } language ? new Language(language) : (Language?)null,
            Reconnect = new SttReconnectOptions(),
        };

        await using SttSession session = await client.Stt.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        var transcript = new SttTranscriptAccumulator();
        Task printing = PrintAsync(session, transcript, json, cancellationToken);
        await session.SendAudioAsync(audio, parse.GetValue(_noPace) ? SttPacing.AsFastAsPossible : SttPacing.RealTime, cancellationToken).ConfigureAwait(false);
        await session.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await printing.ConfigureAwait(false);
        bool silent = string.IsNullOrWhiteSpace(transcript.Text);
        if (!json && !silent)
        {
            await _context.Out.WriteLineAsync().ConfigureAwait(false);
        }

        if (silent)
        {
            return await NoSpeechAsync(file).ConfigureAwait(false);
        }

        await _context.Error.WriteLineAsync($"Streamed {file}: {transcript.Segments} final transcript(s) in {Format.Seconds(progress.Elapsed.TotalSeconds)}.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>Prints final text as it arrives (interim text on a terminal's standard error), or every event as JSON.</summary>
    private async Task PrintAsync(SttSession session, SttTranscriptAccumulator transcript, bool json, CancellationToken cancellationToken)
    {
        await foreach (SttEvent e in session.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            bool changed = transcript.Apply(e);
            if (json)
            {
                string line = e is SttUnknownEvent unknown
                    ? unknown.Json.GetRawText()
                    : CartesiaJsonContext.Default.GetTypeInfo(e.GetType()) is { } type ? JsonSerializer.Serialize(e, type) : $$"""{"type":"{{e.Type}}"}""";
                await _context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }
            else if (e is SttTranscriptEvent { IsFinal: true } final)
            {
                ClearPartial();
                await _context.Out.WriteAsync(final.Text).ConfigureAwait(false);
                await _context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (changed && _context.ErrorIsTerminal && transcript.Partial.Length > 0)
            {
                _context.Error.Write($"\r… {transcript.Partial}");
            }
        }

        ClearPartial();

        void ClearPartial()
        {
            if (_context.ErrorIsTerminal)
            {
                _context.Error.Write("\r\u001b[K");
            }
        }
    }

    /// <summary>The encoding and sample rate of the audio: from the options, or from a WAV header.</summary>
    private static async Task<(AudioEncoding Encoding, int SampleRate)> DescribeAsync(Stream audio, string file, string? encoding, int? sampleRate, CancellationToken cancellationToken)
    {
        byte[] head = new byte[64 * 1024];
        int read = await audio.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        audio.Position = 0;
        if (read >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8))
        {
            WavFormat wav = ReadWav(head.AsSpan(0, read), file);
            if (wav.Channels != 1)
            {
                throw new ArgumentException(
                    $"'{file}' has {wav.Channels} channels; --stream sends mono audio. Transcribe it without --stream, or make it mono first (for example ffmpeg -i in.wav -ac 1 mono.wav, or sox in.wav -c 1 mono.wav).");
            }

            return (encoding is null ? wav.Encoding : new AudioEncoding(encoding), sampleRate ?? wav.SampleRate);
        }

        if (encoding is null || sampleRate is null)
        {
            throw new ArgumentException($"--stream sends raw PCM: '{file}' has no WAV header, so give --encoding and --sample-rate (MP3 and other files can be transcribed without --stream).");
        }

        return (new AudioEncoding(encoding), sampleRate.Value);
    }

    private static WavFormat ReadWav(ReadOnlySpan<byte> head, string file)
    {
        try
        {
            return WavHeader.Read(head);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"'{file}' starts like a WAV file but its header cannot be used: {ex.Message}", ex);
        }
    }
}
