using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace FedDashboard.Tests.Shared;

/// <summary>What a running app logs from the moment this is added to its logger factory, as "Level Category: message".</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _entries = new();

    public IReadOnlyList<string> AtLeast(LogLevel level) => [.. _entries.Where(e => e.Level >= level).Select(e => e.Line)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, $"{logLevel} {category}: {formatter(state, exception)}"));
    }
}
