using System.Text;
using System.Text.Json;
using Cartesia.Serialization;
using Cartesia.Stt;

namespace Cartesia.Tests.Stt;

public class SttEventParserTests
{
    [Fact]
    public void Transcript_words_are_read_in_both_wire_shapes_and_offset_to_the_session_clock()
    {
        SttTranscriptEvent perWord = Assert.IsType<SttTranscriptEvent>(SttEventParser.Parse(
            """{"type":"transcript","request_id":"r","text":" How are","is_final":true,"duration":2.5,"language":"en","words":[{"word":"How","start":0,"end":0.12,"confidence":0.9},{"word":"are","start":0.15,"end":0.25}]}"""u8,
            timeOffset: 10));
        SttTranscriptEvent arrays = Assert.IsType<SttTranscriptEvent>(SttEventParser.Parse(
            """{"type":"transcript","request_id":"r","text":"How are","is_final":false,"words":[{"words":["How","are"],"start":[0,0.15],"end":[0.12,0.25]}]}"""u8));
        SttTranscriptEvent single = Assert.IsType<SttTranscriptEvent>(SttEventParser.Parse(
            """{"type":"transcript","text":"How are","is_final":true,"words":{"words":["How","are"],"start":[0,0.15],"end":[0.12,0.25]}}"""u8));

        Assert.Equal((" How are", true, 2.5, "en", "r"), (perWord.Text, perWord.IsFinal, perWord.Duration!.Value, perWord.Language, perWord.RequestId));
        Assert.Equal([(10.0, 10.12), (10.15, 10.25)], perWord.Words!.Select(w => (w.Start, w.End)));
        Assert.Equal(0.9, perWord.Words![0].AdditionalProperties!["confidence"].GetDouble());
        Assert.Equal(["How", "are"], arrays.Words!.Select(w => w.Word));
        Assert.Equal([0.15, 0.25], [arrays.Words![1].Start, arrays.Words[1].End]);
        Assert.Equal(arrays.Words.Select(w => (w.Word, w.Start, w.End)), single.Words!.Select(w => (w.Word, w.Start, w.End)));
        Assert.False(arrays.IsFinal);
        Assert.Null(Assert.IsType<SttTranscriptEvent>(SttEventParser.Parse("""{"type":"transcript","text":"x","is_final":true,"words":null}"""u8)).Words);
    }

    [Fact]
    public void Every_turn_event_and_unknown_fields_and_types_are_kept()
    {
        Assert.IsType<SttConnectedEvent>(SttEventParser.Parse("""{"type":"connected","request_id":"r"}"""u8));
        Assert.IsType<SttTurnStartEvent>(SttEventParser.Parse("""{"type":"turn.start","request_id":"r"}"""u8));
        Assert.Equal("a b", Assert.IsType<SttTurnUpdateEvent>(SttEventParser.Parse("""{"type":"turn.update","transcript":"a b"}"""u8)).Transcript);
        Assert.Equal("a b?", Assert.IsType<SttTurnEagerEndEvent>(SttEventParser.Parse("""{"type":"turn.eager_end","transcript":"a b?"}"""u8)).Transcript);
        Assert.IsType<SttTurnResumeEvent>(SttEventParser.Parse("""{"type":"turn.resume"}"""u8));
        SttTurnEndEvent end = Assert.IsType<SttTurnEndEvent>(SttEventParser.Parse("""{"type":"turn.end","transcript":" a b?","confidence":0.8,"extra":{"x":[1]}}"""u8));
        Assert.Equal(" a b?", end.Transcript);
        Assert.Equal(0.8, end.AdditionalProperties!["confidence"].GetDouble());
        Assert.IsType<SttFlushDoneEvent>(SttEventParser.Parse("""{"type":"flush_done","request_id":"r"}"""u8));
        Assert.IsType<SttDoneEvent>(SttEventParser.Parse("""{"type":"done","request_id":"r"}"""u8));

        SttUnknownEvent unknown = Assert.IsType<SttUnknownEvent>(SttEventParser.Parse("""{"type":"turn.interrupted","request_id":"r","why":"x"}"""u8));
        Assert.Equal(("turn.interrupted", "r", "x"), (unknown.Type, unknown.RequestId, unknown.Json.GetProperty("why").GetString()));
        Assert.Throws<JsonException>(() => SttEventParser.Parse("""{"request_id":"r"}"""u8));
        Assert.Throws<JsonException>(() => SttEventParser.Parse("""[1]"""u8));
    }

    [Fact]
    public void Both_error_shapes_become_the_same_stream_exception()
    {
        CartesiaStreamException structured = SttEventParser.ToException(Assert.IsType<SttErrorEvent>(SttEventParser.Parse(
            """{"type":"error","title":"Invalid model","message":"The model is not valid.","error_code":"model_not_found","doc_url":"https://d","status_code":400,"request_id":"r1"}"""u8)));
        CartesiaStreamException legacy = SttEventParser.ToException(Assert.IsType<SttErrorEvent>(SttEventParser.Parse(
            """{"type":"error","error":"Invalid model: The model is not valid.","request_id":"r2"}"""u8)));

        Assert.Equal((400, "model_not_found", "Invalid model", "The model is not valid.", "https://d", "r1"),
            (structured.StatusCode!.Value, structured.ErrorCode, structured.Title, structured.ErrorMessage, structured.DocUrl, structured.RequestId));
        Assert.Equal(("Invalid model", "The model is not valid.", "r2"), (legacy.Title, legacy.ErrorMessage, legacy.RequestId));
        Assert.Contains("Invalid model: The model is not valid", legacy.Message, StringComparison.Ordinal);
        Assert.Contains("(model_not_found), status 400", structured.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_round_trip_through_json_and_events_through_the_fast_parser()
    {
        const string Result = """{"type":"transcript","request_id":"r","text":"Hi there.","language":"en","duration":1.25,"words":[{"word":"Hi","start":0.1,"end":0.3,"p":1}],"is_final":true,"future":{"a":1}}""";
        SttTranscription result = JsonSerializer.Deserialize(Result, CartesiaJsonContext.Default.SttTranscription)!;
        Assert.Equal(Normalize(Result), Normalize(JsonSerializer.Serialize(result, CartesiaJsonContext.Default.SttTranscription)));

        SttEvent[] events =
        [
            new SttConnectedEvent { RequestId = "r" },
            new SttTurnStartEvent { RequestId = "r" },
            new SttTurnUpdateEvent { Transcript = "a", RequestId = "r" },
            new SttTurnEagerEndEvent { Transcript = "a b", RequestId = "r" },
            new SttTurnResumeEvent { RequestId = "r" },
            new SttTurnEndEvent { Transcript = " a b c.", RequestId = "r" },
            new SttTranscriptEvent { Text = " é 👋", IsFinal = true, Duration = 1.5, Language = "en", Words = [new SttWord { Word = "é", Start = 0.5, End = 0.75 }], RequestId = "r" },
            new SttFlushDoneEvent { RequestId = "r" },
            new SttDoneEvent { RequestId = "r" },
            new SttErrorEvent { StatusCode = 429, ErrorCode = "x", Title = "T", Message = "M", DocUrl = "d", RequestId = "r" },
        ];

        foreach (SttEvent e in events)
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(e, CartesiaJsonContext.Default.GetTypeInfo(e.GetType())!);
            SttEvent parsed = SttEventParser.Parse(json);
            Assert.Equal(e.GetType(), parsed.GetType());
            Assert.Equal(Normalize(Encoding.UTF8.GetString(json)), Normalize(JsonSerializer.Serialize(parsed, CartesiaJsonContext.Default.GetTypeInfo(e.GetType())!)));
        }
    }

    private static string Normalize(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(Sort(document.RootElement));
    }

    private static object? Sort(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => Sort(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Sort).ToList(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
