using System.Diagnostics;

namespace Cartesia.Cli;

/// <summary>Shows how much has arrived on a terminal (never in a pipe), at most a few times a second.</summary>
internal sealed class Progress
{
    private readonly CliContext _context;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastShown;
    private bool _shown;

    public Progress(CliContext context, string label)
    {
        _context = context;
        _label = label;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(long bytes)
    {
        TimeSpan now = _clock.Elapsed;
        if (!_context.ErrorIsTerminal || (_lastShown is { } last && now - last < TimeSpan.FromMilliseconds(200)))
        {
            return;
        }

        _lastShown = now;
        _shown = true;
        _context.Error.Write($"\r{_label}: {Format.Bytes(bytes)}   ");
    }

    public void Clear()
    {
        if (_shown)
        {
            _context.Error.Write("\r" + new string(' ', _label.Length + 24) + "\r");
        }
    }
}
