namespace RetailFunctions.Core.Recovery;

/// <summary>A channel's "orders updated since" API (Shopify orders.json, SP-API getOrders, Walmart getAllOrders).</summary>
public interface IChannelOrderFeed
{
    string Channel { get; }

    /// <param name="pageToken">Null for the first page, else the previous page's <see cref="RecoverableOrderPage.NextPageToken"/>.</param>
    Task<RecoverableOrderPage> ListUpdatedSinceAsync(DateTimeOffset since, string? pageToken, CancellationToken cancellationToken);
}
