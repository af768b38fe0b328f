using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>Where the outbox relay sends an event; only the relay calls it, after the outbox row is durable.</summary>
public interface IRetailEventPublisher
{
    Task SendAsync(RetailEvent retailEvent, CancellationToken cancellationToken);
}
