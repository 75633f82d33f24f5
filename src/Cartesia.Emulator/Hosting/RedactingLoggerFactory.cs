using Microsoft.Extensions.Logging;

namespace Cartesia.Emulator.Hosting;

/// <summary>
/// The logger factory the emulator (ASP.NET Core and Kestrel included) logs through: every message, structured value
/// and exception text passes <see cref="SecretRedaction.RedactText"/> first, so a request line such as
/// <c>GET /voices?api_key=…</c> or a credential header never reaches the user's loggers.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The user's factory is theirs to dispose.</summary>
    public void Dispose()
    {
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => inner.BeginScope(Redact(state));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            string message = SecretRedaction.RedactText(formatter(state, exception));
            RedactedException? redactedException = exception is null ? null : new RedactedException(exception);
            inner.Log(logLevel, eventId, Redact(state), redactedException, (_, _) => message);
        }

        private static List<KeyValuePair<string, object?>> Redact<TState>(TState state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                return pairs.Select(p => new KeyValuePair<string, object?>(p.Key, RedactValue(p.Value))).ToList();
            }

            return [new KeyValuePair<string, object?>("{OriginalFormat}", SecretRedaction.RedactText(state?.ToString() ?? string.Empty))];
        }

        private static object? RedactValue(object? value) => value switch
        {
            null => null,
            string text => SecretRedaction.RedactText(text),
            int or long or double or bool or DateTimeOffset or TimeSpan or Enum => value,
            _ => SecretRedaction.RedactText(value.ToString() ?? string.Empty),
        };
    }

    /// <summary>An exception as logged: its type name, message and stack with secrets redacted.</summary>
    private sealed class RedactedException(Exception original)
        : Exception(SecretRedaction.RedactText($"{original.GetType().FullName}: {original.Message}"))
    {
        public override string? StackTrace => SecretRedaction.RedactText(original.ToString());

        public override string ToString() => SecretRedaction.RedactText(original.ToString());
    }
}
