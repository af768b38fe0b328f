using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Applies one <c>inventory-changes</c> message to the positions, then marks the new channel values. Log lines carry the
/// message's SKUs, and those of one item its SKU and location.
/// </summary>
public sealed partial class InventoryChangeHandler(IInventoryPositions positions, InventoryAvailability availability, ILogger<InventoryChangeHandler> logger)
{
    public async Task HandleAsync(InventoryChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var scope = RetailLogScopes.ForSkus(logger, change.Items.Select(i => i.Sku));
        var decisions = await positions.ApplyAllAsync(change.Source, change.Sequence, change.Items, cancellationToken);
        foreach (var (item, _) in change.Items.Zip(decisions).Where(d => d.Second == AdjustmentDecision.Stale))
        {
            using var itemScope = RetailLogScopes.ForSku(logger, item.Sku, item.Location);
            LogStale(change.Source, change.Sequence, item.Sku, item.Location);
        }

        // Also after a redelivery that found everything applied: the first attempt may have died before marking.
        await availability.MarkChangedAsync(change.Items.Select(i => i.Sku), change.ReceivedAt, cancellationToken);
        LogApplied(change.Source, change.Sequence, decisions.Count(d => d == AdjustmentDecision.Applied), change.Items.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory change {Source} #{Sequence}: {Applied} of {Items} items applied")]
    private partial void LogApplied(string source, long sequence, int applied, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory change {Source} #{Sequence} for {Sku} at {Location} is older than the last applied; ignored")]
    private partial void LogStale(string source, long sequence, string sku, string location);
}
