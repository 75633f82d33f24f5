using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Cartesia.Cli;

/// <summary>
/// Turns a failure into the one line a CLI user reads: in the command's own option names, never the SDK's C#
/// property paths, parameter names or stack traces.
/// </summary>
internal static partial class CliErrors
{
    /// <summary>The CLI option for each SDK property (the last part of its C# path) a validation message may name.</summary>
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["Speed"] = "--speed",
        ["Volume"] = "--volume",
        ["SampleRate"] = "--sample-rate",
        ["BitRate"] = "--bit-rate",
        ["Encoding"] = "--encoding",
        ["Container"] = "--container",
        ["ExpiresIn"] = "--expires-in",
        ["Voice"] = "--voice",
        ["VoiceId"] = "--voice",
        ["Language"] = "--language",
        ["Locale"] = "--locale",
        ["ModelId"] = "--model",
        ["Model"] = "--model",
        ["Limit"] = "--limit",
        ["Transcript"] = "the text",
        ["Port"] = "--port",
        ["Host"] = "--host",
    };

    /// <summary>The message for a failure; <paramref name="service"/> is the API the command talked to, if any.</summary>
    public static string Describe(Exception exception, Uri? service) => exception switch
    {
        _ when Unreachable(exception) is { } reason
            => $"cannot reach the Cartesia service at {Shown(service)}: {reason}",
        ArgumentException argument => InOptionNames(Plain(argument)),
        CartesiaException or IOException or UnauthorizedAccessException or InvalidOperationException => exception.Message,
        _ => $"{exception.Message} (an unexpected {exception.GetType().Name}: please report it with the command you ran)",
    };

    /// <summary>A System.CommandLine parse error, said in the user's terms.</summary>
    public static string ParseError(string message)
    {
        Match m = CannotParse().Match(message);
        if (!m.Success)
        {
            return message;
        }

        string type = m.Groups["type"].Value;
        string expected = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "a valid value";
        return $"{m.Groups["name"].Value} '{m.Groups["value"].Value}' is not {expected}.";
    }

    /// <summary>The message of an argument exception without " (Parameter 'x')" and "Actual value was …".</summary>
    private static string Plain(ArgumentException exception)
    {
        string message = exception.Message;
        if (exception.ParamName is { } name && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
        {
            message = message[..^$" (Parameter '{name}')".Length];
        }

        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        message = newline < 0 ? message : message[..newline].TrimEnd('\r');
        return exception.ParamName is { } param ? message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal) : message;
    }

    /// <summary>Replaces SDK property paths (<c>TtsRequest.GenerationConfig.Speed (generation_config.speed)</c>) with CLI options (<c>--speed</c>).</summary>
    private static string InOptionNames(string message)
    {
        message = SdkPath().Replace(message, m => Options.TryGetValue(m.Groups["last"].Value, out string? option) ? option : m.Value);
        return message.Replace("(Cartesia.Audio.AudioResampler and PcmCodec)", "(for example ffmpeg -i in.wav -ac 1 -ar 16000 out.wav, or sox in.wav -c 1 out.wav)", StringComparison.Ordinal);
    }

    /// <summary>Why the service could not be reached, when that is what failed (any transport).</summary>
    private static string? Unreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                        SocketError.TimedOut => "timed out",
                        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => "network unreachable",
                        _ => socket.Message,
                    };
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return "host not found";
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } tls:
                    return "the secure (TLS) connection failed: " + (tls.InnerException?.Message ?? tls.Message);
                case ArgumentException or CartesiaApiException:
                    return null;
            }
        }

        return null;
    }

    private static string Shown(Uri? service) => service is null ? "the given address" : service.ToString().TrimEnd('/');

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for (?:option|argument|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\b(?:[A-Z]\w*\.)+(?<last>[A-Z]\w*)(?: \([a-z_.]+\))?(?![\w(])")]
    private static partial Regex SdkPath();
}
