using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SpeechArchive.Web.Tests;

/// <summary>A logger provider that keeps every entry — category, level, message, exception and the state's values — for a test to search.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyCollection<Entry> Entries => entries;

    /// <summary>Logging that sends everything, from every category and at every level, to this capture only.</summary>
    public void Configure(ILoggingBuilder builder)
    {
        builder.ClearProviders();
        builder.AddProvider(this);
        builder.SetMinimumLevel(LogLevel.Trace);
        builder.AddFilter("Microsoft", LogLevel.Trace);
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Trace);
        builder.AddFilter("System", LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    /// <summary>One log entry with all of its text.</summary>
    internal sealed record Entry(string Category, LogLevel Level, string Text);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue(new Entry(category, LogLevel.Trace, "scope: " + Describe(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, string.Join('\n', formatter(state, exception), exception?.ToString() ?? "", Describe(state))));

        private static string Describe(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join('\n', values.Select(v => v.Key + "=" + v.Value)) : state?.ToString() ?? "";
    }
}
