using System.Text;
using System.Text.Json;

namespace Cartesia.Emulator.Protocol;

/// <summary>
/// Tells malformed client input that a handler tripped over (and that should be a 400, as on the service) from a bug
/// in the emulator (which stays a 500).
/// </summary>
internal static class MalformedInput
{
    /// <summary>What was wrong with the input, in the client's terms, or null when the exception is not about input.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        JsonException ex => $"The request body is not valid JSON: {ex.Message}",
        DecoderFallbackException => "The request holds bytes that are not valid UTF-8.",
        InvalidOperationException ex when ex.TargetSite?.DeclaringType?.Assembly == typeof(JsonDocument).Assembly
            => $"The request body's JSON has a string that is not valid UTF-8 or holds an invalid escape ({ex.Message}).",
        FormatException ex => $"The request has a malformed value: {ex.Message}",
        InvalidDataException ex => $"The request body is malformed: {ex.Message}",
        _ => null,
    };
}
