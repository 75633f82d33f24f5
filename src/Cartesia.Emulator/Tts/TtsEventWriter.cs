using System.Text;
using System.Text.Json;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Tts;

/// <summary>Writes text-to-speech events as JSON (SSE data and WebSocket frames share the shapes), and SSE frames.</summary>
internal static class TtsEventWriter
{
    public static byte[] Chunk(ReadOnlyMemory<byte> audio, string? contextId, double stepTimeMs, int? flushId = null)
        => Write(w =>
        {
            w.WriteString("type", "chunk");
            w.WriteBoolean("done", false);
            w.WriteNumber("status_code", 206);
            w.WriteNumber("step_time", Math.Round(stepTimeMs, 3));
            WriteContext(w, contextId, flushId);
            w.WriteBase64String("data", audio.Span);
        });

    public static byte[] WordTimestamps(IReadOnlyList<SpeechTiming> words, string? contextId, int? flushId = null)
        => Timestamps("timestamps", "word_timestamps", "words", words, contextId, flushId);

    public static byte[] PhonemeTimestamps(IReadOnlyList<SpeechTiming> phonemes, string? contextId, int? flushId = null)
        => Timestamps("phoneme_timestamps", "phoneme_timestamps", "phonemes", phonemes, contextId, flushId);

    public static byte[] FlushDone(string? contextId, int flushId)
        => Write(w =>
        {
            w.WriteString("type", "flush_done");
            w.WriteBoolean("done", false);
            w.WriteNumber("status_code", 206);
            w.WriteBoolean("flush_done", true);
            WriteContext(w, contextId, flushId);
        });

    public static byte[] Done(string? contextId)
        => Write(w =>
        {
            w.WriteString("type", "done");
            w.WriteBoolean("done", true);
            w.WriteNumber("status_code", 206);
            WriteContext(w, contextId, null);
        });

    public static byte[] Unknown(string? contextId)
        => Write(w =>
        {
            w.WriteString("type", "emulator_notice");
            w.WriteBoolean("done", false);
            w.WriteString("message", "An event type no SDK knows, sent on request to test forward compatibility.");
            WriteContext(w, contextId, null);
        });

    /// <summary>An error event in the shape of the request's API version (structured from 2026-03-01, legacy before).</summary>
    public static byte[] Error(ApiError error, string? version, string requestId, string? contextId)
        => Write(w =>
        {
            w.WriteString("type", "error");
            w.WriteBoolean("done", true);
            w.WriteNumber("status_code", error.StatusCode);
            if (ApiVersions.HasStructuredErrors(version))
            {
                ErrorResponder.WriteFields(w, error, requestId);
            }
            else
            {
                w.WriteString("error", $"{error.Title}: {error.Detail}");
            }

            WriteContext(w, contextId, null);
        });

    /// <summary>An SSE frame: optional <c>event:</c> line, the data line, and (unless asked not to) the blank line.</summary>
    public static byte[] Frame(byte[] json, string? eventName = null, bool terminate = true)
    {
        var builder = new StringBuilder();
        if (eventName is not null)
        {
            builder.Append("event: ").Append(eventName).Append('\n');
        }

        builder.Append("data: ").Append(Encoding.UTF8.GetString(json));
        if (terminate)
        {
            builder.Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void WriteContext(Utf8JsonWriter w, string? contextId, int? flushId)
    {
        if (contextId is not null)
        {
            w.WriteString("context_id", contextId);
        }

        if (flushId is not null)
        {
            w.WriteNumber("flush_id", flushId.Value);
        }
    }

    private static byte[] Timestamps(string type, string objectName, string textsName, IReadOnlyList<SpeechTiming> timings, string? contextId, int? flushId)
        => Write(w =>
        {
            w.WriteString("type", type);
            w.WriteBoolean("done", false);
            w.WriteNumber("status_code", 206);
            WriteContext(w, contextId, flushId);
            w.WriteStartObject(objectName);
            WriteTimings(w, textsName, timings);
            w.WriteEndObject();
        });

    private static void WriteTimings(Utf8JsonWriter w, string textsName, IReadOnlyList<SpeechTiming> timings)
    {
        w.WriteStartArray(textsName);
        foreach (SpeechTiming t in timings)
        {
            w.WriteStringValue(t.Text);
        }

        w.WriteEndArray();
        w.WriteStartArray("start");
        foreach (SpeechTiming t in timings)
        {
            w.WriteNumberValue(t.Start);
        }

        w.WriteEndArray();
        w.WriteStartArray("end");
        foreach (SpeechTiming t in timings)
        {
            w.WriteNumberValue(t.End);
        }

        w.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
