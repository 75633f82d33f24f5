using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Cartesia.Tests.Support;

/// <summary>Captures everything the SDK logs, at every level.</summary>
internal sealed class LogCapture : IDisposable
{
    private readonly FakeLoggerProvider _provider = new();

    public LogCapture()
    {
        Factory = LoggerFactory.Create(builder => builder.AddProvider(_provider).SetMinimumLevel(LogLevel.Trace));
    }

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<FakeLogRecord> Records => _provider.Collector.GetSnapshot();

    /// <summary>Every message, structured value and exception, as one text to search.</summary>
    public string AllText => string.Join('\n', Records.Select(r =>
        $"{r.Level} {r.Category} {r.Message} {string.Join(',', r.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? [])} {r.Exception}"));

    public void Dispose()
    {
        Factory.Dispose();
        _provider.Dispose();
    }
}
