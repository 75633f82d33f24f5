using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Cartesia.Tests.Extensions.VoiceAgent;

/// <summary>
/// A chat client with scripted answers, streamed word by word with no latency; records every call's messages.
/// The script sees the messages and returns the answer's updates (text, function calls) or throws.
/// </summary>
internal sealed partial class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> script) : IChatClient
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<ChatMessage>> _calls = [];

    /// <summary>Answers each user turn with a function of its text.</summary>
    public static ScriptedChatClient Answering(Func<string, string> answer)
        => new((messages, token) => Words(answer(messages.Last(m => m.Role == ChatRole.User).Text), token));

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async IAsyncEnumerable<ChatResponseUpdate> Words(string text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string piece in WordBoundary().Split(text).Where(p => p.Length > 0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> list = [.. messages];
        lock (_gate)
        {
            _calls.Add(list);
        }

        return script(list, cancellationToken);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    [GeneratedRegex("(?<= )")]
    private static partial Regex WordBoundary();
}
