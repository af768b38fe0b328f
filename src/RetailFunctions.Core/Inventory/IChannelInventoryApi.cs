namespace RetailFunctions.Core.Inventory;

/// <summary>
/// A channel's inventory API. One call per batch; a batch of one may use the channel's single-item endpoint.
/// Throws <see cref="BackOffice.BackOfficeUnavailableException"/> (with <c>RetryAfter</c> when throttled) or
/// <see cref="BackOffice.BackOfficeRejectedException"/>.
/// </summary>
public interface IChannelInventoryApi
{
    string Channel { get; }

    Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken);
}

public sealed record ChannelQuantity(string Sku, int Quantity);
