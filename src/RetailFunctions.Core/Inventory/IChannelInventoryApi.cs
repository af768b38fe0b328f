namespace RetailFunctions.Core.Inventory;

/// <summary>
/// A channel's inventory API: <see cref="PushAsync"/> sends a batch in one call (Shopify GraphQL, a feed),
/// <see cref="PushOneAsync"/> one value through the channel's single-value endpoint, where it has one.
/// Throws <see cref="BackOffice.BackOfficeUnavailableException"/> (with <c>RetryAfter</c> when throttled) or
/// <see cref="BackOffice.BackOfficeRejectedException"/>.
/// </summary>
public interface IChannelInventoryApi
{
    string Channel { get; }

    Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken);

    Task PushOneAsync(ChannelQuantity quantity, CancellationToken cancellationToken);
}

public sealed record ChannelQuantity(string Sku, int Quantity);
