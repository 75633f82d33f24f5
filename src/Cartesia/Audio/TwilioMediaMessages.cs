using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cartesia.Audio;

/// <summary>
/// The outbound messages of a Twilio-style bidirectional media stream, as JSON text: audio frames
/// (<c>media</c>, base64 μ-law), <c>mark</c> (to learn when playback reached a point) and <c>clear</c> (to drop
/// queued audio on barge-in). Use with <see cref="TelephonyFramer"/>.
/// </summary>
public static class TwilioMediaMessages
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"event":"media","streamSid":…,"media":{"payload":…}}</c> for one frame.</summary>
    /// <param name="streamSid">The stream id the provider gave.</param>
    /// <param name="frame">One frame of 8 kHz μ-law audio.</param>
    public static string Media(string streamSid, ReadOnlySpan<byte> frame)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamSid);
        byte[] payload = frame.ToArray();
        return Write(w =>
        {
            w.WriteString("event", "media");
            w.WriteString("streamSid", streamSid);
            w.WriteStartObject("media");
            w.WriteBase64String("payload", payload);
            w.WriteEndObject();
        });
    }

    /// <summary><c>{"event":"mark","streamSid":…,"mark":{"name":…}}</c>: the provider echoes it when playback reaches it.</summary>
    /// <param name="streamSid">The stream id.</param>
    /// <param name="name">A name to recognise the echo by.</param>
    public static string Mark(string streamSid, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Write(w =>
        {
            w.WriteString("event", "mark");
            w.WriteString("streamSid", streamSid);
            w.WriteStartObject("mark");
            w.WriteString("name", name);
            w.WriteEndObject();
        });
    }

    /// <summary><c>{"event":"clear","streamSid":…}</c>: drop audio the provider has queued (barge-in).</summary>
    /// <param name="streamSid">The stream id.</param>
    public static string Clear(string streamSid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamSid);
        return Write(w =>
        {
            w.WriteString("event", "clear");
            w.WriteString("streamSid", streamSid);
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
