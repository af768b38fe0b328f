namespace RetailFunctions.Core.Orders;

/// <summary>
/// Where line cancellations from a channel go (DESIGN §1.2: raise <c>CancelRequested</c> on the order's
/// <c>OrderToCash</c> instance). Must be idempotent: a redelivered event asks for the same cancellation again.
/// </summary>
public interface IOrderCancellations
{
    Task RequestAsync(ChannelCancellation cancellation, CancellationToken cancellationToken);
}
