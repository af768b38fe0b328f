using Azure.Messaging.ServiceBus;
using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>Sends events to the topic <c>retail-events</c>; the client is shared and disposed with the app.</summary>
public sealed class ServiceBusRetailEventPublisher(ServiceBusSender sender) : IRetailEventPublisher
{
    public Task SendAsync(RetailEvent retailEvent, CancellationToken cancellationToken) =>
        sender.SendMessageAsync(RetailEventMessages.ToServiceBusMessage(retailEvent), cancellationToken);
}
