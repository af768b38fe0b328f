namespace RetailFunctions.Core.Events;

/// <summary>Where state changes announce themselves: written durably (outbox) and relayed to the topic.</summary>
public interface IRetailEvents
{
    Task PublishAsync(RetailEvent retailEvent, CancellationToken cancellationToken);
}
