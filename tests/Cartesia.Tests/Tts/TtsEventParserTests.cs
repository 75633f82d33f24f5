using System.Text;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts;

/// <summary>The chunk parser's fast paths: known context ids are reused, audio decodes straight into its array.</summary>
public class TtsEventParserTests
{
    private const string Id = "ctx-1";

    [Fact]
    public void A_known_context_id_is_the_running_contexts_own_string()
    {
        byte[] frame = Encoding.UTF8.GetBytes($"{{\"type\":\"chunk\",\"context_id\":\"ctx-1\",\"data\":\"{Convert.ToBase64String([1, 2, 3, 4, 5])}\"}}");
        var chunk = (TtsChunkEvent)TtsEventParser.Parse(frame, knownContextIds: utf8 => utf8.SequenceEqual("ctx-1"u8) ? Id : null);

        Assert.Same(Id, chunk.ContextId);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, chunk.Audio.ToArray());
    }

    [Theory]
    [InlineData("ctx-2", "ctx-2")]           // unknown: read as usual
    [InlineData("ctx\\u002D1", "ctx-1")]    // escaped: unescaped as usual, never looked up raw
    public void Other_context_ids_are_read_as_strings(string wire, string expected)
    {
        byte[] frame = Encoding.UTF8.GetBytes($"{{\"type\":\"done\",\"context_id\":\"{wire}\"}}");
        TtsEvent done = TtsEventParser.Parse(frame, knownContextIds: utf8 => utf8.SequenceEqual("ctx-1"u8) ? Id : null);

        Assert.Equal(expected, done.ContextId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4095)]
    public void Audio_of_every_padding_decodes_exactly(int length)
    {
        byte[] audio = [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];
        string base64 = Convert.ToBase64String(audio);
        var plain = (TtsChunkEvent)TtsEventParser.Parse(Encoding.UTF8.GetBytes($"{{\"type\":\"chunk\",\"data\":\"{base64}\"}}"));
        var escaped = (TtsChunkEvent)TtsEventParser.Parse(Encoding.UTF8.GetBytes($"{{\"type\":\"chunk\",\"data\":\"{base64.Replace("/", "\\/", StringComparison.Ordinal)}\"}}"));

        Assert.Equal(audio, plain.Audio.ToArray());
        Assert.Equal(audio, escaped.Audio.ToArray());
    }

    [Fact]
    public void Bad_base64_is_a_json_error()
        => Assert.Throws<System.Text.Json.JsonException>(() => TtsEventParser.Parse("{\"type\":\"chunk\",\"data\":\"AAA*\"}"u8));
}
