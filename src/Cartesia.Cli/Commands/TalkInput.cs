using Cartesia.Agents;
using Cartesia.Audio;

namespace Cartesia.Cli.Commands;

/// <summary>What the input of <c>cartesia agents talk</c> holds, checked before anything is sent.</summary>
internal static class TalkInput
{
    private static readonly string Formats = string.Join(", ", AgentAudioFormat.Known.Select(f => f.Value));

    /// <summary>The agent format of the file: read from its WAV header, or given with --format for raw audio.</summary>
    public static AgentAudioFormat FormatOf(string path, string? given)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException(Directory.Exists(path) ? $"--input {path}: that is a folder; give an audio file." : $"--input {path}: there is no such file.");
        }

        AgentAudioFormat? named = given is null ? (AgentAudioFormat?)null : Known(given);
        byte[] head = new byte[64 * 1024];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read < 12 || !head.AsSpan(0, 4).SequenceEqual("RIFF"u8))
        {
            if (read == 0)
            {
                throw new ArgumentException($"--input {path}: the file is empty.");
            }

            return named ?? throw new ArgumentException($"--input {path}: not a WAV file, so say what raw audio it holds with --format ({Formats}).");
        }

        WavFormat wav;
        try
        {
            wav = WavHeader.Read(head.AsSpan(0, read));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--input {path}: it starts like a WAV file but its header cannot be used: {ex.Message}", ex);
        }

        string what = $"{wav.Encoding} at {wav.SampleRate} Hz";
        if (wav.Channels != 1)
        {
            throw new ArgumentException($"--input {path}: it has {wav.Channels} channels; agents take mono audio (for example ffmpeg -i in.wav -ac 1 -ar 16000 mono.wav).");
        }

        AgentAudioFormat? format = wav.Encoding == AudioEncoding.PcmMulaw && wav.SampleRate == 8000 ? AgentAudioFormat.Mulaw8000
            : wav.Encoding == AudioEncoding.PcmS16LE && wav.SampleRate is 16000 or 24000 or 44100 ? new AgentAudioFormat($"pcm_{wav.SampleRate}")
            : (AgentAudioFormat?)null;
        if (format is null)
        {
            throw new ArgumentException($"--input {path}: it is {what}; agents take {Formats} (μ-law 8 kHz or 16-bit PCM at 16, 24 or 44.1 kHz) — convert it first, for example ffmpeg -i in.wav -ac 1 -ar 16000 -c:a pcm_s16le out.wav.");
        }

        if (named is { } n && n != format)
        {
            throw new ArgumentException($"--format {n}: {path} is a WAV file of {format}; drop --format or give the matching one.");
        }

        return format.Value;
    }

    private static AgentAudioFormat Known(string given)
        => AgentAudioFormat.Known.FirstOrDefault(f => f.Value == given) is { Value: not null } known
            ? known
            : throw new ArgumentException($"--format {given}: agents take {Formats}.");
}
