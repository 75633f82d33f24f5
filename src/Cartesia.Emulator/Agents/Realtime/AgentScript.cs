using System.Text;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// What the emulator's agents say, deterministically (documented in docs/emulator.md so tests can predict it): a
/// greeting, then per user turn (the words it heard, lower-cased, punctuation ignored when matching):
/// "goodbye"/"bye" → <c>Goodbye!</c> and hang up; "transfer" (legacy socket) → <c>Transferring you now.</c>, a
/// <c>transfer_call</c> to <see cref="TransferNumber"/> and hang up; "order" (managed socket) → the
/// <c>lookup_order</c> client tool, then <c>Here is your order: {result}</c>; "press" and a digit → presses the key and
/// says <c>Pressing {digit}.</c>; anything else → <c>You said: {words}</c> (with a final period when the words end
/// without one). A DTMF key is answered <c>You pressed {digit}.</c>
/// </summary>
internal static class AgentScript
{
    /// <summary>The greeting of every agent without one of its own.</summary>
    public const string DefaultGreeting = "Hello! How can I help you today?";

    /// <summary>The greeting of the seeded booking agent, which needs the <c>customer_name</c> dynamic variable.</summary>
    public const string BookingGreeting = "Hello {{customer_name}}! Shall we book a time?";

    /// <summary>The number the legacy agent transfers calls to.</summary>
    public const string TransferNumber = "+18005550100";

    /// <summary>The seeded client tool.</summary>
    public const string LookupOrderTool = "lookup_order";

    /// <summary>What the agent says when the tool failed, timed out or returned too much.</summary>
    public const string ToolFailedReply = "Sorry, I could not look up that order.";

    /// <summary>The greeting template of an agent.</summary>
    public static string GreetingOf(string agentId) => agentId == AgentStore.BookingAgentId ? BookingGreeting : DefaultGreeting;

    /// <summary>The variables a template names (<c>{{name}}</c>), in order, once each.</summary>
    public static List<string> VariablesOf(string template)
    {
        var names = new List<string>();
        int at = 0;
        while ((at = template.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            int end = template.IndexOf("}}", at + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            string name = template[(at + 2)..end].Trim();
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            at = end + 2;
        }

        return names;
    }

    /// <summary>A template with its variables filled in (every one must be present: see <see cref="VariablesOf"/>).</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> variables)
    {
        var text = new StringBuilder(template);
        foreach ((string name, string value) in variables)
        {
            text.Replace("{{" + name + "}}", value);
        }

        return text.ToString();
    }

    /// <summary>The answer to a user turn.</summary>
    public static AgentReply Reply(string heard, bool legacy)
    {
        string[] words = heard.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] plain = [.. words.Select(Plain)];
        if (plain.Contains("goodbye") || plain.Contains("bye"))
        {
            return new AgentReply("Goodbye!") { HangUp = true };
        }

        if (legacy && plain.Contains("transfer"))
        {
            return new AgentReply("Transferring you now.") { TransferTo = TransferNumber, HangUp = true };
        }

        if (!legacy && plain.Contains("order"))
        {
            string order = plain.FirstOrDefault(w => w.Any(char.IsAsciiDigit)) ?? string.Empty;
            return new AgentReply(string.Empty) { Tool = (LookupOrderTool, new Dictionary<string, string> { ["order_id"] = order }) };
        }

        int press = Array.IndexOf(plain, "press");
        if (press >= 0 && press + 1 < plain.Length && plain[press + 1] is { Length: 1 } key && (char.IsAsciiDigit(key[0]) || key is "*" or "#"))
        {
            return new AgentReply($"Pressing {key}.") { Dtmf = key };
        }

        return new AgentReply(Sentence("You said: " + string.Join(' ', words)));
    }

    /// <summary>What the agent says about a tool's result.</summary>
    public static string ToolReply(string result) => Sentence("Here is your order: " + string.Join(' ', result.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The acknowledgement of a DTMF key.</summary>
    public static string DtmfReply(string digit) => $"You pressed {digit}.";

    private static string Sentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";

    private static string Plain(string word)
    {
        string kept = new([.. word.Where(c => char.IsLetterOrDigit(c) || c is '*' or '#')]);
        return kept.ToLowerInvariant();
    }
}
