using System.Text;
using System.Text.Json;
using Cartesia.Audio;
using Cartesia.Core.Diagnostics;
using Cartesia.Core.Errors;
using Cartesia.Core.Sse;
using Cartesia.Stt;
using Cartesia.Tts;
using Cartesia.VoiceChanger;
using CsCheck;

namespace Cartesia.Tests.Security;

/// <summary>
/// Issue 15, "keep it that way": every parser of what the service sends (SSE framing, the TTS, STT and voice
/// changer event parsers, REST error bodies, WAV headers) fed random and adversarial input (truncated, huge
/// numbers, wrong types, invalid UTF-8, deep nesting, nulls) produces its result or a typed failure, never
/// another exception. Deterministic: fixed seeds and a bounded number of inputs, a few seconds in all.
/// </summary>
public class HostileInputTests
{
    private const int Inputs = 1000;

    private static readonly string[] Types = ["chunk", "done", "timestamps", "error", "flush_done", "phoneme_timestamps", "transcript", "turn", "message", "", "CHUNK"];

    private static readonly string[] Fields =
    [
        "type", "context_id", "status_code", "done", "data", "step_time", "flush_id", "flush_done", "word_timestamps", "phoneme_timestamps",
        "words", "start", "end", "phonemes", "error", "error_code", "code", "title", "message", "doc_url", "request_id", "text", "is_final",
        "duration", "language", "audio", "transcript", "event", "turn_id", "end_of_turn_confidence",
    ];

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Const("null"), Gen.Const("true"), Gen.Const("false"), Gen.Const("\"\""), Gen.Const("0"), Gen.Const("-1"),
        Gen.Const("1e999999"), Gen.Const("-1e400"), Gen.Const("99999999999999999999999999999"), Gen.Const("9223372036854775808"),
        Gen.Const("2147483648"), Gen.Const("1.5"), Gen.Const("NaN"), Gen.Const("\"\\ud800\""), Gen.Const("\"AAAA====\""), Gen.Const("\"!!not base64\""),
        Gen.Const("\"sk_car_echoed0123456789\""), Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"),
        Gen.String.Select(s => JsonSerializer.Serialize(s)),
        Gen.OneOf(Types).Select(t => JsonSerializer.Serialize(t)));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) => depth >= 4
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, self.List[0, 4].Select(items => "[" + string.Join(',', items) + "]")),
            (2, Gen.Select(Gen.OneOf(Fields), self).List[0, 5].Select(Object)),
            (1, Gen.Int[1, 3000].Select(n => new string('[', n) + new string(']', n))),
            (1, Gen.Int[1, 3000].Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)))));

    // An event-shaped JSON object with known and unknown fields of any type, then maybe truncated or with
    // a byte made invalid UTF-8.
    private static readonly Gen<byte[]> Event = Gen.Select(
            Gen.OneOf(Types),
            Gen.Select(Gen.OneOf(Fields), Value).List[0, 8],
            Gen.Int[0, 3],
            Gen.Double[0, 1],
            Gen.Byte)
        .Select((type, fields, mutation, at, junk) =>
        {
            byte[] json = Encoding.UTF8.GetBytes(Object([("type", JsonSerializer.Serialize(type)), .. fields]));
            int position = (int)(at * json.Length);
            return mutation switch
            {
                1 => json[..position], // truncated
                2 => [.. json[..position], (byte)(0x80 | junk), 0xFF, .. json[position..]], // invalid UTF-8
                3 => Encoding.UTF8.GetBytes("[" + Encoding.UTF8.GetString(json) + "]"), // wrong root type
                _ => json,
            };
        });

    private static readonly Gen<byte[]> AnyBytes = Gen.Frequency((3, Event), (1, Gen.Byte.Array[0, 400]));

    [Fact]
    public void The_tts_event_parser_returns_an_event_or_fails_typed() => ForAll(AnyBytes, json =>
    {
        TtsEvent e = TtsEventParser.Parse(json);
        if (e is TtsErrorEvent error)
        {
            _ = TtsSseProtocol.ToException(error, 0).ToString();
        }
    });

    [Fact]
    public void The_tts_event_parser_with_rented_audio_returns_an_event_or_fails_typed() => ForAll(AnyBytes, json =>
    {
        TtsEvent e = TtsEventParser.Parse(json, "chunk", null, rentAudio: true);
        (e as IDisposable)?.Dispose();
    });

    [Fact]
    public void The_stt_event_parser_returns_an_event_or_fails_typed() => ForAll(AnyBytes, json =>
    {
        SttEvent e = SttEventParser.Parse(json, 1.5);
        if (e is SttErrorEvent error)
        {
            _ = SttEventParser.ToException(error).ToString();
        }
    });

    [Fact]
    public void The_voice_changer_event_parser_returns_an_event_or_fails_typed() => ForAll(Gen.Select(Gen.OneOf(Types), AnyBytes), input =>
    {
        VoiceChangerEvent e = VoiceChangerSseProtocol.Instance.Parse(input.Item1, input.Item2);
        _ = VoiceChangerSseProtocol.Instance.AsError(e, 0)?.ToString();
        _ = VoiceChangerSseProtocol.Instance.AudioBytes(e);
        _ = VoiceChangerSseProtocol.Instance.IsDone(e);
    });

    [Fact]
    public void A_rest_error_body_always_becomes_a_typed_exception() => ForAll(Gen.Select(AnyBytes, Gen.Int[100, 599]), input =>
    {
        string body = Encoding.UTF8.GetString(input.Item1);
        var info = new CartesiaResponseInfo(input.Item2, new Dictionary<string, IReadOnlyList<string>>(), 1, TimeSpan.Zero);
        CartesiaApiException error = ApiErrorFactory.Create(info, body, null);
        _ = error.ToString();
        _ = SecretRedactor.RedactBody(body);
    });

    [Fact]
    public void An_sse_stream_of_hostile_bytes_yields_events_or_fails_typed() => ForAll(SseStream(), bytes =>
    {
        using var guard = new SseEndGuardStream(new MemoryStream(bytes), CartesiaClientOptions.MinimumLimitBytes);
        foreach (var item in SseSession<TtsEvent>.CreateParser(guard, TtsSseProtocol.Instance).Enumerate())
        {
            if (item.Data.Event is { } e)
            {
                _ = TtsSseProtocol.Instance.AsError(e, 0)?.ToString();
                _ = TtsSseProtocol.Instance.AudioBytes(e);
                _ = TtsSseProtocol.Instance.ContextId(e);
            }
        }
    }, acceptJsonException: false);

    [Fact]
    public void A_wav_header_reader_returns_a_format_or_rejects_the_header() => ForAll(WavBytes(), bytes =>
    {
        try
        {
            WavFormat format = WavHeader.Read(bytes);
            Assert.InRange(format.DataOffset, 0, bytes.Length);
        }
        catch (FormatException)
        {
            // The reader's documented rejection (SttValidator turns it into an ArgumentException naming the input).
        }
    });

    /// <summary>SSE text: lines of events, comments, unknown fields, bare CRs, no final newline, huge ids and retries.</summary>
    private static Gen<byte[]> SseStream()
    {
        Gen<string> line = Gen.OneOf(
            Gen.OneOf(Types).Select(t => "event: " + t),
            Event.Select(e => "data: " + Encoding.UTF8.GetString(e)),
            Event.Select(e => "data:" + Encoding.UTF8.GetString(e)),
            Gen.Const("data"), Gen.Const(":comment"), Gen.Const("id: 99999999999999999999"), Gen.Const("retry: 99999999999999999999"),
            Gen.Const("retry: -5"), Gen.Const(""), Gen.Const("x"), Gen.Int[1, 3000].Select(n => "data: " + new string('z', n)),
            Gen.String.Select(s => s));
        return Gen.Select(line.List[0, 30], Gen.OneOf("\n", "\r\n", "\r"), Gen.Bool)
            .Select((lines, newline, junk) =>
            {
                byte[] text = Encoding.UTF8.GetBytes(string.Join(newline, lines));
                return junk && text.Length > 0 ? [.. text[..(text.Length / 2)], 0xC3, 0x28, 0xFF, .. text[(text.Length / 2)..]] : text;
            });
    }

    /// <summary>WAV-shaped bytes: a real header with random fields and chunk sizes, maybe cut, or random bytes after "RIFF".</summary>
    private static Gen<byte[]> WavBytes()
        => Gen.Frequency(
            (3, Gen.Select(Gen.OneOf(AudioEncoding.PcmS16LE, AudioEncoding.PcmF32LE, AudioEncoding.PcmMulaw, AudioEncoding.PcmAlaw), Gen.Int[0, 400_000], Gen.Int[0, 70], Gen.Byte.Array[4], Gen.Int[0, 100])
                .Select((encoding, rate, corruptAt, junk, cut) =>
                {
                    byte[] header = WavHeader.Create(encoding, Math.Max(rate, 1), 1000);
                    if (corruptAt + 4 <= header.Length)
                    {
                        junk.CopyTo(header, corruptAt);
                    }

                    return header[..Math.Min(header.Length, header.Length * cut / 50)];
                })),
            (1, Gen.Byte.Array[0, 100].Select(b => (byte[])[.. "RIFF"u8, .. b])));

    private static string Object(IEnumerable<(string Name, string Value)> fields)
        => "{" + string.Join(',', fields.Select(f => JsonSerializer.Serialize(f.Name) + ":" + f.Value)) + "}";

    /// <summary>
    /// Runs <paramref name="parse"/> on <see cref="Inputs"/> inputs from a fixed seed. It may return or throw a
    /// <see cref="CartesiaException"/>; a <see cref="JsonException"/> is also accepted where the caller (every
    /// WebSocket and SSE reader) turns it into a <see cref="CartesiaProtocolException"/>. Anything else fails,
    /// naming the input.
    /// </summary>
    private static void ForAll<T>(Gen<T> gen, Action<T> parse, bool acceptJsonException = true)
    {
        var pcg = new PCG(15, 20261203);
        for (int i = 0; i < Inputs; i++)
        {
            T input = gen.Generate(pcg, null, out _);
            try
            {
                parse(input);
            }
            catch (CartesiaException)
            {
            }
            catch (JsonException) when (acceptJsonException)
            {
            }
            catch (Exception ex)
            {
                string shown = input is byte[] bytes ? Convert.ToBase64String(bytes) : input?.ToString() ?? "null";
                Assert.Fail($"Input #{i} ended with {ex.GetType().Name}: {ex.Message}\nInput: {shown[..Math.Min(shown.Length, 2000)]}\n{ex}");
            }
        }
    }
}
