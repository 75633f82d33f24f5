namespace Cartesia.Core.Http;

/// <summary>
/// What a header the user configures may hold, so that nothing configured can add a header or a request of its
/// own: names are RFC 9110 tokens, values are printable ASCII (no CR, LF or other control characters).
/// </summary>
internal static class HeaderRules
{
    /// <summary>Rejects a header name that is empty or not a token.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="what">How the user names it, for example <c>CartesiaClientOptions.DefaultHeaders</c>.</param>
    /// <param name="paramName">The parameter to report.</param>
    public static void CheckName(string? name, string what, string paramName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"{what} holds a header with an empty name.", paramName);
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (!IsTokenChar(name[i]))
            {
                throw new ArgumentException(
                    $"{what} holds a header name with {Describe(name[i])} at position {i}; header names may hold only letters, digits and !#$%&'*+-.^_`|~.",
                    paramName);
            }
        }
    }

    /// <summary>Rejects a header value holding a control character (CR, LF…) or a character outside ASCII.</summary>
    /// <param name="value">The value.</param>
    /// <param name="what">How the user names it, for example <c>CartesiaClientOptions.ApplicationId</c>.</param>
    /// <param name="paramName">The parameter to report.</param>
    public static void CheckValue(string? value, string what, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentException($"{what} is null; give a value or remove the header.", paramName);
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException(
                    $"{what} holds {Describe(c)} at position {i}; header values may hold only printable ASCII characters (no CR, LF or other control characters), so that a value cannot add headers or requests of its own.",
                    paramName);
            }
        }
    }

    private static bool IsTokenChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string Describe(char c)
        => c switch
        {
            '\r' => "a carriage return (CR)",
            '\n' => "a line feed (LF)",
            < ' ' or '\x7f' => $"the control character U+{(int)c:X4}",
            > '~' => $"the non-ASCII character U+{(int)c:X4}",
            _ => $"the character '{c}'",
        };
}
