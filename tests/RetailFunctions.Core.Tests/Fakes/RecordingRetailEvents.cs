using RetailFunctions.Core.Events;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class RecordingRetailEvents : IRetailEvents
{
    public List<RetailEvent> Published { get; } = [];

    public Task PublishAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        Published.Add(retailEvent);
        return Task.CompletedTask;
    }
}
