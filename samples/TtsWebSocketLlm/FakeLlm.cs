using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

/// <summary>Stands in for a language model: yields a reply token by token, with a small delay, like a streaming chat API.</summary>
internal static partial class FakeLlm
{
    public static async IAsyncEnumerable<string> StreamAsync(string reply, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (Match token in Tokens().Matches(reply))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken);
            yield return token.Value;
        }
    }

    // Words with their leading space, and punctuation on its own: roughly how LLM tokenizers split English.
    [GeneratedRegex(@" ?[\p{L}\p{N}']+|\s*[^\p{L}\p{N}'\s]")]
    private static partial Regex Tokens();
}
