using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Functions.Inventory;

/// <summary>
/// One timer per channel, every second: each channel drains its pending values on its own schedule, so a channel that
/// is throttled or down never holds up the others. Changes between ticks coalesce into one value per SKU.
/// </summary>
public sealed class InventoryFanOutFunction(InventoryFanOut fanOut)
{
    private const string EverySecond = "*/1 * * * * *";

    [Function("InventoryFanOutShopify")]
    public Task Shopify([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        fanOut.DispatchAsync(InventoryChannels.Shopify, cancellationToken);

    [Function("InventoryFanOutAmazon")]
    public Task Amazon([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        fanOut.DispatchAsync(InventoryChannels.Amazon, cancellationToken);

    [Function("InventoryFanOutWalmart")]
    public Task Walmart([TimerTrigger(EverySecond)] TimerInfo timer, CancellationToken cancellationToken) =>
        fanOut.DispatchAsync(InventoryChannels.Walmart, cancellationToken);
}
