using Microsoft.Extensions.AI;

namespace Cartesia.Extensions.AI;

/// <summary>
/// The conversation as the chat client sees it: the system prompt, then at most a configured number of messages
/// (the oldest go first). Written by the loop only; read by anyone through <see cref="Snapshot"/>.
/// </summary>
internal sealed class VoiceAgentHistory
{
    private readonly object _gate = new();
    private readonly ChatMessage? _system;
    private readonly List<ChatMessage> _messages = [];
    private readonly int _max;

    public VoiceAgentHistory(string? systemPrompt, int max)
    {
        _system = systemPrompt is null ? null : new ChatMessage(ChatRole.System, systemPrompt);
        _max = max;
    }

    /// <summary>The messages for a chat call, with the user's turn appended (a new list the chat client may keep).</summary>
    public List<ChatMessage> ForCall(string? userText)
    {
        lock (_gate)
        {
            var list = new List<ChatMessage>(_messages.Count + 2);
            if (_system is not null)
            {
                list.Add(_system);
            }

            list.AddRange(_messages);
            if (userText is not null)
            {
                list.Add(new ChatMessage(ChatRole.User, userText));
            }

            return list;
        }
    }

    /// <summary>Appends a message, dropping the oldest beyond the bound.</summary>
    public ChatMessage Add(ChatRole role, string text)
    {
        var message = new ChatMessage(role, text);
        lock (_gate)
        {
            _messages.Add(message);
            if (_messages.Count > _max)
            {
                _messages.RemoveRange(0, _messages.Count - _max);
            }
        }

        return message;
    }

    /// <summary>Replaces the text of a message still in the history (what the user really heard), or removes it when nothing was.</summary>
    public void Replace(ChatMessage message, string text)
    {
        lock (_gate)
        {
            int index = _messages.IndexOf(message);
            if (index < 0)
            {
                return;
            }

            if (text.Length == 0)
            {
                _messages.RemoveAt(index);
            }
            else
            {
                _messages[index] = new ChatMessage(message.Role, text);
            }
        }
    }

    /// <summary>A copy of the whole history, the system prompt first.</summary>
    public IReadOnlyList<ChatMessage> Snapshot() => ForCall(null);
}
