using System.Text.Json;
using Cartesia.Serialization;

namespace Cartesia.Tts;

/// <summary>
/// The voice and output-format JSON a socket's contexts send with every input, kept from the last context that had
/// the same ones: most applications open every context with one voice and one format, and a socket may carry a
/// thousand contexts, each of which would otherwise serialize and keep two arrays of its own. Only settings whose
/// JSON follows from the values compared are shared (no <see cref="CartesiaModel.AdditionalProperties"/>); anything
/// else is serialized for its context alone. The arrays are never written after they are made, so contexts share
/// them without a lock; the last entry is swapped whole.
/// </summary>
internal sealed class TtsSettingsJson(CartesiaJsonContext json)
{
    private VoiceEntry? _voice;
    private FormatEntry? _format;

    /// <summary>The voice's JSON in the shape of the client's API version (a plain id, or <c>{"mode":"id","id":…}</c> before 2026-08-14).</summary>
    public byte[] Voice(TtsVoice voice)
    {
        if (voice.AdditionalProperties is { Count: > 0 })
        {
            return JsonSerializer.SerializeToUtf8Bytes(voice, json.TtsVoice);
        }

        if (Volatile.Read(ref _voice) is { } last && string.Equals(last.Id, voice.Id, StringComparison.Ordinal))
        {
            return last.Json;
        }

        byte[] made = JsonSerializer.SerializeToUtf8Bytes(voice, json.TtsVoice);
        Volatile.Write(ref _voice, new VoiceEntry(voice.Id, made));
        return made;
    }

    /// <summary>The output format's JSON as the socket sends it: always <c>raw</c>, with the encoding and sample rate.</summary>
    public byte[] OutputFormat(AudioOutputFormat format)
    {
        if (format.AdditionalProperties is { Count: > 0 })
        {
            return Serialize(format);
        }

        if (Volatile.Read(ref _format) is { } last && last.Encoding == format.Encoding && last.SampleRate == format.SampleRate)
        {
            return last.Json;
        }

        byte[] made = Serialize(format);
        Volatile.Write(ref _format, new FormatEntry(format.Encoding, format.SampleRate, made));
        return made;
    }

    private byte[] Serialize(AudioOutputFormat format)
    {
        var raw = new AudioOutputFormat
        {
            Container = AudioContainer.Raw,
            Encoding = format.Encoding,
            SampleRate = format.SampleRate,
            AdditionalProperties = format.AdditionalProperties,
        };
        return JsonSerializer.SerializeToUtf8Bytes(raw, json.AudioOutputFormat);
    }

    private sealed record VoiceEntry(string Id, byte[] Json);

    private sealed record FormatEntry(AudioEncoding? Encoding, int SampleRate, byte[] Json);
}
