using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>A logger that keeps every line with the scope values in force when it was written (as the app's providers see them).</summary>
internal sealed class ScopeRecordingLogger<T> : ILogger<T>
{
    private readonly AsyncLocal<ImmutableStack<IReadOnlyDictionary<string, object>>> _scopes = new();
    private readonly Lock _gate = new();

    public List<(LogLevel Level, string Message, IReadOnlyDictionary<string, object> Scope)> Lines { get; } = [];

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        var before = _scopes.Value ?? [];
        var values = state as IReadOnlyDictionary<string, object> ?? (state as IEnumerable<KeyValuePair<string, object>>)?.ToDictionary() ?? [];
        _scopes.Value = before.Push(values);
        return new Restore(() => _scopes.Value = before);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scope = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var values in (_scopes.Value ?? []).Reverse())
        {
            foreach (var (key, value) in values)
            {
                scope[key] = value;
            }
        }

        lock (_gate)
        {
            Lines.Add((logLevel, formatter(state, exception), scope));
        }
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
