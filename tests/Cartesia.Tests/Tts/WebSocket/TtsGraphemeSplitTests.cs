using System.Globalization;
using System.Text.Json;
using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts.WebSocket;

/// <summary>No frame ends inside a user-perceived character, however the caller's pieces cut the text.</summary>
public class TtsGraphemeSplitTests
{
    public static TheoryData<string, string[]> Cuts => new()
    {
        { "skin tone", ["Wave \U0001F44B", "\U0001F3FD now."] },
        { "zwj sequence", ["A coder \U0001F469", "\u200D", "\U0001F4BB here."] },
        { "flag", ["Vive la \U0001F1EB", "\U0001F1F7!"] },
        { "combining marks", ["Cafe", "\u0301", "\u0327 \"quoted\" and back\\slash"] },
        { "letters of a word", ["Hel", "lo, wor", "ld"] },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Every_frame_ends_on_a_grapheme_boundary_and_the_text_arrives_whole(string name, string[] pieces)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        foreach (string piece in pieces)
        {
            await context.SendAsync(piece);
        }

        await context.CompleteAsync();
        await reading;

        string text = string.Concat(pieces);
        string[] sent = [.. emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Select(m => JsonDocument.Parse(m.Data).RootElement.GetProperty("transcript").GetString()!)];
        Assert.Equal(text, string.Concat(sent));
        HashSet<int> boundaries = [.. StringInfo.ParseCombiningCharacters(text), text.Length];
        int offset = 0;
        foreach (string frame in sent)
        {
            offset += frame.Length;
            Assert.True(boundaries.Contains(offset), $"{name}: a frame ended inside a character, at {offset} of \"{text}\" (frames: {string.Join(" | ", sent)}).");
        }
    }

    [Fact]
    public async Task Completing_with_text_sends_the_held_character_with_it()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        await context.SendAsync("Wave \U0001F44B");
        await context.CompleteAsync("\U0001F3FD now.");
        await reading;

        JsonElement[] sent = [.. emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Select(m => JsonDocument.Parse(m.Data).RootElement)];
        Assert.Equal(["Wave ", "\U0001F44B\U0001F3FD now."], sent.Select(m => m.GetProperty("transcript").GetString()));
        Assert.Equal([true, false], sent.Select(m => m.GetProperty("continue").GetBoolean()));
    }

    [Fact]
    public async Task Whitespace_and_punctuation_at_the_end_of_a_piece_go_out_at_once()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        await using TtsWebSocket socket = await client.Tts.ConnectAsync();
        TtsContext context = socket.CreateContext(Requests.Context());
        Task<List<TtsEvent>> reading = Speech.ReadAllAsync(context);

        await context.SendAsync("Hello there, ");
        await context.SendAsync("friend.");
        await context.SendAsync("How");
        await context.FlushAsync();
        await context.CompleteAsync();
        await reading; // the context is done: the emulator has journaled every message it was sent

        string[] sent = [.. emulator.Journal.For("/tts/websocket").Single().WebSocketMessages.Select(m => JsonDocument.Parse(m.Data).RootElement.GetProperty("transcript").GetString()!)];
        Assert.Equal(["Hello there, ", "friend.", "Ho", "w", ""], sent);
    }
}
