using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog;

/// <summary>
/// One timer per channel, every second, as for inventory: each channel publishes its pending SKUs on its own, so a
/// channel that is throttled or down never holds up the others. Changes between ticks coalesce per SKU.
/// </summary>
public sealed class CatalogPublishFunction(CatalogPublisher publisher)
{
    private const string EverySecond = "*/1 * * * * *";

    [Function("CatalogPublishShopify")]
    public Task Shopify([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.DispatchAsync(CatalogChannels.Shopify, cancellationToken);

    [Function("CatalogPublishAmazon")]
    public Task Amazon([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.DispatchAsync(CatalogChannels.Amazon, cancellationToken);

    [Function("CatalogPublishWalmart")]
    public Task Walmart([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.DispatchAsync(CatalogChannels.Walmart, cancellationToken);

    [Function("CatalogPublishPos")]
    public Task Pos([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.DispatchAsync(CatalogChannels.Pos, cancellationToken);
}
