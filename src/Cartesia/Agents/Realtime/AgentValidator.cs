using System.Text;
using System.Text.Json;

namespace Cartesia.Agents;

/// <summary>
/// The local checks of the Agents WebSocket (AGENTS-WEBSOCKET.md §3.1, §6): options, dynamic variables, metadata,
/// DTMF keys and tool results. Each failure is an <see cref="ArgumentException"/> naming the field in the user's terms,
/// thrown before anything is sent.
/// </summary>
internal static class AgentValidator
{
    public const int MaxDynamicVariables = 64;
    public const int MaxVariableNameLength = 64;
    public const int MaxToolResultBytes = 4096;
    public const int MaxToolCallIdLength = 256;
    public const int MaxErrorTypeBytes = 256;
    public static readonly TimeSpan MinFrame = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan MaxFrame = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks what both sockets share; returns the frame size in bytes (whole samples).</summary>
    public static int ValidateCommon(AgentRealtimeOptions options, string owner)
    {
        if (options.InputFormat.Value is null)
        {
            throw new ArgumentException($"{owner}.InputFormat is not set: use AgentAudioFormat.Mulaw8000, Pcm16000, Pcm24000 or Pcm44100.", nameof(options));
        }

        if (options.InputFormat.BytesPerSecond is not int bytesPerSecond || options.InputFormat.BytesPerSample is not int sample)
        {
            throw new ArgumentException(
                $"{owner}.InputFormat '{options.InputFormat}' is not an audio format the SDK can frame: use {string.Join(", ", AgentAudioFormat.Known)} (or a name of the form pcm_<rate>, mulaw_<rate>, alaw_<rate>).",
                nameof(options));
        }

        if (options.FrameDuration < MinFrame || options.FrameDuration > MaxFrame)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FrameDuration, $"{owner}.FrameDuration must be between 20 and 100 ms (the service's advice); it is {options.FrameDuration.TotalMilliseconds} ms.");
        }

        int frameBytes = (int)(bytesPerSecond * options.FrameDuration.TotalSeconds) / sample * sample;
        if (options.MaxQueuedBytes < frameBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxQueuedBytes, $"{owner}.MaxQueuedBytes ({options.MaxQueuedBytes}) must hold at least one frame ({frameBytes} bytes).");
        }

        if (options.MaxBufferedEventBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBufferedEventBytes, $"{owner}.MaxBufferedEventBytes must be at least 1024 bytes; it is {options.MaxBufferedEventBytes}.");
        }

        RequirePositive(options.StartTimeout, $"{owner}.StartTimeout", nameof(options));
        RequirePositive(options.CloseTimeout, $"{owner}.CloseTimeout", nameof(options));
        return frameBytes;
    }

    /// <summary>Checks the managed session's options.</summary>
    public static void Validate(AgentSessionOptions options)
    {
        if (options.OutputDelivery is { Value: null })
        {
            throw new ArgumentException("AgentSessionOptions.OutputDelivery is an empty value: use AgentOutputDelivery.SpeakingPace or AsAvailable, or leave it null.", nameof(options));
        }

        ValidateDynamicVariables(options.DynamicVariables, "AgentSessionOptions.DynamicVariables", nameof(options));
        foreach ((string name, AgentClientToolHandler handler) in options.ClientTools)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("AgentSessionOptions.ClientTools has an empty tool name.", nameof(options));
            }

            if (handler is null)
            {
                throw new ArgumentException($"AgentSessionOptions.ClientTools[\"{name}\"] has no handler.", nameof(options));
            }
        }

        if (options.KeepAliveInterval != Timeout.InfiniteTimeSpan)
        {
            RequirePositive(options.KeepAliveInterval, "AgentSessionOptions.KeepAliveInterval (Timeout.InfiniteTimeSpan turns it off)", nameof(options));
        }
    }

    /// <summary>Checks the Line stream's options.</summary>
    public static void Validate(AgentLineSessionOptions options)
    {
        if (options.StreamId is { } streamId && string.IsNullOrWhiteSpace(streamId))
        {
            throw new ArgumentException("AgentLineSessionOptions.StreamId is empty: set an id or leave it null for the service to generate one.", nameof(options));
        }

        if (options.VoiceId is { } voice && string.IsNullOrWhiteSpace(voice))
        {
            throw new ArgumentException("AgentLineSessionOptions.VoiceId is empty: set a voice id or leave it null.", nameof(options));
        }

        foreach (string key in new[] { "to", "from" })
        {
            if (options.Metadata.ContainsKey(key))
            {
                throw new ArgumentException($"AgentLineSessionOptions.Metadata has the key \"{key}\": set AgentLineSessionOptions.{(key == "to" ? "To" : "From")} instead.", nameof(options));
            }
        }

        ValidateMetadata(options.Metadata, "AgentLineSessionOptions.Metadata", nameof(options));
    }

    /// <summary>
    /// At most 64 variables; names of letters, digits and underscores up to 64 characters, not reserved
    /// (<c>system__</c>, <c>secret__</c>); values strings, numbers or booleans.
    /// </summary>
    public static void ValidateDynamicVariables(IDictionary<string, object>? variables, string field, string paramName)
    {
        if (variables is null)
        {
            return;
        }

        if (variables.Count > MaxDynamicVariables)
        {
            throw new ArgumentException($"{field} has {variables.Count} variables; at most {MaxDynamicVariables} are allowed.", paramName);
        }

        foreach ((string name, object value) in variables)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException($"{field} has a variable with an empty name.", paramName);
            }

            if (name.Length > MaxVariableNameLength)
            {
                throw new ArgumentException($"{field}[\"{name}\"]: the name has {name.Length} characters; at most {MaxVariableNameLength} are allowed.", paramName);
            }

            foreach (char c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    throw new ArgumentException($"{field}[\"{name}\"]: a name may hold only letters, digits and underscores ('{c}' is not one).", paramName);
                }
            }

            if (name.StartsWith("system__", StringComparison.Ordinal) || name.StartsWith("secret__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"{field}[\"{name}\"]: the prefixes system__ and secret__ are reserved by the service.", paramName);
            }

            if (!IsScalar(value, allowNull: false))
            {
                throw new ArgumentException($"{field}[\"{name}\"]: a value must be a string, a number or a boolean, not {Describe(value)}.", paramName);
            }
        }
    }

    /// <summary>Values strings, numbers, booleans, null or JSON.</summary>
    public static void ValidateMetadata(IEnumerable<KeyValuePair<string, object?>>? metadata, string field, string paramName)
    {
        if (metadata is null)
        {
            throw new ArgumentNullException(paramName, $"{field} is null.");
        }

        foreach ((string key, object? value) in metadata)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException($"{field} has an empty key.", paramName);
            }

            if (value is not JsonElement && !IsScalar(value, allowNull: true))
            {
                throw new ArgumentException($"{field}[\"{key}\"]: a value must be a string, a number, a boolean, null or a JsonElement, not {Describe(value)}.", paramName);
            }
        }
    }

    /// <summary>One or more of 0–9, *, #.</summary>
    public static void ValidateDtmf(string? digits, string paramName)
    {
        if (string.IsNullOrEmpty(digits))
        {
            throw new ArgumentException("No DTMF digits: pass one or more of 0-9, * and #.", paramName);
        }

        foreach (char c in digits)
        {
            if (!IsDtmf(c))
            {
                throw new ArgumentException($"'{c}' in \"{digits}\" is not a DTMF key: use 0-9, * and #.", paramName);
            }
        }
    }

    public static bool IsDtmf(char c) => c is (>= '0' and <= '9') or '*' or '#';

    /// <summary>A tool result: id 1–256 characters, result at most 4,096 UTF-8 bytes, error type at most 256.</summary>
    public static void ValidateToolResult(string? toolCallId, string? result, string? errorType)
    {
        if (string.IsNullOrEmpty(toolCallId))
        {
            throw new ArgumentException("The tool call id is empty: pass the AgentToolCallEvent.ToolCallId you answer.", nameof(toolCallId));
        }

        if (toolCallId.Length > MaxToolCallIdLength)
        {
            throw new ArgumentException($"The tool call id has {toolCallId.Length} characters; at most {MaxToolCallIdLength} are allowed.", nameof(toolCallId));
        }

        ArgumentNullException.ThrowIfNull(result);
        int bytes = Encoding.UTF8.GetByteCount(result);
        if (bytes > MaxToolResultBytes)
        {
            throw new ArgumentException($"The tool result is {bytes} bytes of UTF-8; the service takes at most {MaxToolResultBytes} (it would replace a larger one with a result_too_large error). Shorten or summarise it.", nameof(result));
        }

        if (errorType is not null && Encoding.UTF8.GetByteCount(errorType) > MaxErrorTypeBytes)
        {
            throw new ArgumentException($"The error type is {Encoding.UTF8.GetByteCount(errorType)} bytes of UTF-8; at most {MaxErrorTypeBytes} are allowed.", nameof(errorType));
        }
    }

    /// <summary>Cuts text to at most <paramref name="maxBytes"/> bytes of UTF-8 without splitting a character.</summary>
    public static string TruncateUtf8(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        int length = Math.Min(text.Length, maxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }

    private static bool IsScalar(object? value, bool allowNull) => value switch
    {
        null => allowNull,
        string or bool or int or long or short or byte or sbyte or ushort or uint or ulong or decimal => true,
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        JsonElement { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } => true,
        _ => false,
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        double or float => $"the number {value} (not finite)",
        JsonElement json => $"a JSON {json.ValueKind}",
        _ => $"a {value.GetType().Name}",
    };

    private static void RequirePositive(TimeSpan value, string field, string paramName)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{field} must be positive.");
        }
    }
}
