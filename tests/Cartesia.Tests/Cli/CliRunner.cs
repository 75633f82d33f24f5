using System.Text;
using Cartesia.Cli;

namespace Cartesia.Tests.Cli;

/// <summary>Runs the cartesia command in-process with captured output and a controlled environment.</summary>
internal sealed class CliRunner
{
    public Dictionary<string, string?> Environment { get; } = new() { ["CARTESIA_API_KEY"] = null, ["CARTESIA_BASE_URL"] = null };

    public string? StandardInput { get; set; }

    /// <summary>Bytes on standard input (audio piped in).</summary>
    public byte[]? StandardInputBytes { get; set; }

    public MemoryStream StandardOutputBytes { get; } = new();

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            In = new StringReader(StandardInput ?? string.Empty),
            InputRedirected = StandardInput is not null || StandardInputBytes is not null,
            OpenStandardInput = () => new MemoryStream(StandardInputBytes ?? []),
            OpenStandardOutput = () => new NonClosingStream(StandardOutputBytes),
            Out = output,
            Error = error,
            Environment = name => Environment.TryGetValue(name, out string? value) ? value : null,
            ErrorIsTerminal = false,
        };
        int code = await CliApp.RunAsync(args, context);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
