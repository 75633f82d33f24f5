namespace Cartesia.Cli;

/// <summary>The process's console and environment, abstracted so the commands run in tests too.</summary>
internal sealed class CliContext
{
    public required TextReader In { get; init; }

    /// <summary>Standard input as bytes (audio piped in).</summary>
    public Func<Stream> OpenStandardInput { get; init; } = () => Stream.Null;

    public required Func<Stream> OpenStandardOutput { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<string, string?> Environment { get; init; }

    /// <summary>Whether standard input is redirected (text can be piped in).</summary>
    public bool InputRedirected { get; init; }

    /// <summary>Whether standard error is a terminal (progress is shown only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The API the command talks to, once it is connected (named when it cannot be reached).</summary>
    public Uri? ServiceUri { get; set; }

    public static CliContext FromConsole() => new()
    {
        In = Console.In,
        OpenStandardInput = Console.OpenStandardInput,
        OpenStandardOutput = StandardOutput.Open,
        Out = Console.Out,
        Error = Console.Error,
        Environment = System.Environment.GetEnvironmentVariable,
        InputRedirected = Console.IsInputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };
}
