using System.CommandLine;
using Cartesia.VoiceChanger;

namespace Cartesia.Cli.Commands;

/// <summary><c>cartesia voice-changer CLIP -o OUT --voice ID</c>: re-speak a clip in another voice.</summary>
internal static class VoiceChangerCommand
{
    public static Command Create(CliContext context)
    {
        var clip = new Argument<string>("clip") { Description = "The speech to change (a WAV file)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write: .wav, .mp3, .raw or .pcm (the format follows the extension).", Required = true };
        var voice = new Option<string>("--voice", "-v") { Description = "The voice to speak with.", Required = true };
        var sampleRate = new Option<int>("--sample-rate") { Description = "Sample rate in Hz.", DefaultValueFactory = _ => 44100 };
        return ApiCommand.Create(context, "voice-changer", "Re-speak a clip in another voice.", [clip, output, voice, sampleRate], async (parse, client, _, ct) =>
        {
            string path = parse.GetValue(output)!;
            int rate = parse.GetValue(sampleRate);
            AudioOutputFormat format = OutputPath.ContainerOf(path, hasContainerOption: false) switch
            {
                "mp3" => AudioOutputFormat.Mp3(rate, 128000),
                "raw" => AudioOutputFormat.Raw(AudioEncoding.PcmS16LE, rate),
                _ => AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, rate),
            };
            await using AudioResponse audio = await client.VoiceChanger.GenerateAsync(new VoiceChangerRequest { Clip = CartesiaFile.FromPath(parse.GetValue(clip)!), VoiceId = parse.GetValue(voice)!, OutputFormat = format }, ct).ConfigureAwait(false);
            await audio.SaveToFileAsync(path, ct).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"Wrote {path} ({format}).").ConfigureAwait(false);
            return 0;
        }, offersJson: false, validate: parse =>
        {
            string path = parse.GetValue(output)!;
            if (path == "-")
            {
                throw new ArgumentException("-o -: voice-changer writes a file; give a file name.");
            }

            if (!File.Exists(parse.GetValue(clip)))
            {
                throw new ArgumentException($"There is no file '{parse.GetValue(clip)}'.");
            }

            OutputPath.ContainerOf(path, hasContainerOption: false);
            OutputPath.CheckWritable(path);
        });
    }
}
