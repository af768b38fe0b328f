using RetailFunctions.Core.Events;
using RetailFunctions.Infrastructure.Events;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>Service Bus during an outage: every send times out.</summary>
internal sealed class UnavailablePublisher : IRetailEventPublisher
{
    public int Attempts { get; private set; }

    public Task SendAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        Attempts++;
        throw new TimeoutException("Service Bus is unreachable.");
    }
}
