using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class TestOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
