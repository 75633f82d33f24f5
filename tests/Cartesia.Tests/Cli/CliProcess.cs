using System.Diagnostics;
using System.Text;

namespace Cartesia.Tests.Cli;

/// <summary>
/// Runs the real <c>cartesia</c> binary (Cartesia.Cli.dll, copied beside the tests) as a separate process: under a
/// pseudo-terminal through util-linux <c>script</c>, so standard error IS a terminal, or through <c>sh -c</c> for
/// shell redirections.
/// </summary>
internal static class CliProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "Cartesia.Cli.dll");

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Whether this machine can run the command under a pseudo-terminal (Linux with util-linux script).</summary>
    public static bool CanUseTerminal => OperatingSystem.IsLinux() && File.Exists("/usr/bin/script");

    /// <summary>The shell command line that runs the CLI with these arguments.</summary>
    public static string CommandLine(params string[] args) => string.Join(' ', new[] { Dotnet, Dll }.Concat(args).Select(Quote));

    /// <summary>Runs the CLI under a pseudo-terminal; returns its exit code and everything it wrote to the terminal.</summary>
    public static Task<(int ExitCode, string Output)> RunInTerminalAsync(params string[] args)
        => RunAsync("/usr/bin/script", ["-qec", CommandLine(args), "/dev/null"]);

    /// <summary>Runs a shell command line (build it with <see cref="CommandLine"/>); returns the exit code and standard error.</summary>
    public static Task<(int ExitCode, string Output)> RunShellAsync(string commandLine)
        => RunAsync("/bin/sh", ["-c", commandLine]);

    private static async Task<(int, string)> RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CARTESIA_API_KEY");
        start.Environment.Remove("CARTESIA_BASE_URL");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish: {await output}{await error}");
        }

        return (process.ExitCode, new StringBuilder().Append(await output).Append(await error).ToString());
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
