using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Orders;

/// <summary>Turns one channel's archived webhook bodies into ledger changes and steps of the order's workflow.</summary>
public interface IChannelEventHandler
{
    string Channel { get; }

    Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken);
}
