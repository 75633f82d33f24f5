using System.Text.Json;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Speech;

namespace Cartesia.Emulator.Stt;

/// <summary>The JSON of speech-to-text results and events (PROTOCOL.md §12.3, §13.3, §5.3).</summary>
internal static class SttEventWriter
{
    /// <summary>A batch result, or a transcript event of the manual socket.</summary>
    public static byte[] Transcript(string requestId, string text, bool? isFinal, double? duration, string? language, IReadOnlyList<RecognizedWord>? words)
        => Write(w =>
        {
            w.WriteString("type", "transcript");
            w.WriteString("request_id", requestId);
            w.WriteString("text", text);
            if (isFinal is { } final)
            {
                w.WriteBoolean("is_final", final);
            }

            if (duration is { } seconds)
            {
                w.WriteNumber("duration", Math.Round(seconds, 3));
            }

            if (language is not null)
            {
                w.WriteString("language", language);
            }

            if (words is not null)
            {
                w.WriteStartArray("words");
                foreach (RecognizedWord word in words)
                {
                    w.WriteStartObject();
                    w.WriteString("word", word.Word);
                    w.WriteNumber("start", word.Start);
                    w.WriteNumber("end", word.End);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
        });

    /// <summary>An event with only a type and the request id (<c>connected</c>, <c>turn.start</c>, <c>flush_done</c>, …).</summary>
    public static byte[] Simple(string type, string requestId) => Write(w =>
    {
        w.WriteString("type", type);
        w.WriteString("request_id", requestId);
    });

    /// <summary>A turn event with its cumulative transcript.</summary>
    public static byte[] Turn(string type, string transcript, string requestId) => Write(w =>
    {
        w.WriteString("type", type);
        w.WriteString("transcript", transcript);
        w.WriteString("request_id", requestId);
    });

    /// <summary>An error event: structured from 2026-03-01, <c>{"type":"error","error":"Title: Message"}</c> before.</summary>
    public static byte[] Error(ApiError error, string? version, string requestId) => Write(w =>
    {
        w.WriteString("type", "error");
        if (ApiVersions.HasStructuredErrors(version))
        {
            w.WriteNumber("status_code", error.StatusCode);
            ErrorResponder.WriteFields(w, error, requestId);
        }
        else
        {
            w.WriteString("error", $"{error.Title}: {error.Detail}");
            w.WriteString("request_id", requestId);
        }
    });

    /// <summary>An event of a type no SDK knows, for forward-compatibility tests.</summary>
    public static byte[] Unknown(string requestId) => Write(w =>
    {
        w.WriteString("type", "emulator_notice");
        w.WriteString("message", "An event type this SDK does not know yet.");
        w.WriteString("request_id", requestId);
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
