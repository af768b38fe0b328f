using RetailFunctions.Core.Events;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>Keeps published events; like the outbox, an event id that is already there is not recorded again.</summary>
internal sealed class RecordingRetailEvents : IRetailEvents
{
    public List<RetailEvent> Published { get; } = [];

    public Task PublishAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        if (Published.All(e => e.EventId != retailEvent.EventId))
        {
            Published.Add(retailEvent);
        }

        return Task.CompletedTask;
    }
}
