using System.Text.Json;

namespace Cartesia.Emulator.Agents.Realtime;

/// <summary>
/// The <c>dynamic_variables</c> rules of the managed socket (AGENTS-WEBSOCKET.md §3.1): at most 64; names of at most
/// 64 letters, digits and underscores, case-sensitive, not starting <c>system__</c> or <c>secret__</c>; values strings,
/// numbers or booleans.
/// </summary>
internal static class DynamicVariables
{
    /// <summary>The variables as text (numbers as written, booleans <c>true</c>/<c>false</c>), or the problem with them.</summary>
    public static (Dictionary<string, string>? Values, string? Problem) Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, "dynamic_variables must be an object of names to values.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (values.Count == AgentLimits.MaxDynamicVariables)
            {
                return (null, $"dynamic_variables may hold at most {AgentLimits.MaxDynamicVariables} entries.");
            }

            string name = property.Name;
            if (name.Length is 0 or > AgentLimits.MaxDynamicVariableNameChars || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return (null, $"Dynamic variable name '{Short(name)}' must be 1 to {AgentLimits.MaxDynamicVariableNameChars} letters, digits or underscores.");
            }

            if (name.StartsWith("system__", StringComparison.Ordinal) || name.StartsWith("secret__", StringComparison.Ordinal))
            {
                return (null, $"Dynamic variable name '{name}' uses a reserved prefix (system__ and secret__ are reserved).");
            }

            string? text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (text is null)
            {
                return (null, $"Dynamic variable '{name}' must be a string, a number or a boolean.");
            }

            values[name] = text;
        }

        return (values, null);
    }

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
