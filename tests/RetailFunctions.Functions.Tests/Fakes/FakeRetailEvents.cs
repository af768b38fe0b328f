using System.Collections.Concurrent;
using RetailFunctions.Core.Events;

namespace RetailFunctions.Functions.Tests.Fakes;

internal sealed class FakeRetailEvents : IRetailEvents
{
    public ConcurrentQueue<RetailEvent> Published { get; } = new();

    public IReadOnlyList<string> Types => [.. Published.Select(e => e.EventType)];

    public Task PublishAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        Published.Enqueue(retailEvent);
        return Task.CompletedTask;
    }
}
