using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// The timer's pass over parked callbacks: each is mapped again from its archived body and handed to its order; a
/// match removes it, a miss counts an attempt, and one unmatched for longer than <c>Shipments:ParkedAlertAfter</c> is
/// flagged once (warning log and metric) while it keeps being retried.
/// </summary>
public sealed partial class ParkedShipmentRematcher(
    IParkedShipments parkedShipments,
    IRawWebhookArchive archive,
    IEnumerable<IShipmentMapper> mappers,
    ShipmentMatcher matcher,
    ShipmentMetrics metrics,
    IOptions<ShipmentsOptions> options,
    TimeProvider time,
    ILogger<ParkedShipmentRematcher> logger)
{
    private readonly Dictionary<string, IShipmentMapper> _mappers = mappers.ToDictionary(m => m.Source, StringComparer.OrdinalIgnoreCase);

    /// <returns>How many parked callbacks were matched.</returns>
    /// <exception cref="AggregateException">Some entries could not be processed; every other entry was.</exception>
    public async Task<int> RunAsync(IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        var matched = 0;
        var failures = new List<Exception>();
        foreach (var parked in await parkedShipments.ListAsync(null, null, cancellationToken))
        {
            try
            {
                matched += await RematchAsync(parked, workflow, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One entry whose archive or order row is unreadable must not hold back every other parked callback.
                LogRematchFailed(ex, parked.Source, parked.CallbackId);
                failures.Add(ex);
            }
        }

        return failures.Count == 0 ? matched : throw new AggregateException("Some parked shipment callbacks could not be re-matched.", failures);
    }

    private async Task<bool> RematchAsync(ParkedShipment parked, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!_mappers.TryGetValue(parked.Source, out var mapper))
        {
            throw new InvalidOperationException($"No mapper is registered for shipment source '{parked.Source}'.");
        }

        var notice = mapper.Map((await archive.ReadAsync(parked.BlobPath, cancellationToken)).Span);
        var now = time.GetUtcNow();
        if (await matcher.TryApplyAsync(notice, workflow, cancellationToken))
        {
            await parkedShipments.RemoveAsync(parked, cancellationToken);
            metrics.Rematched(parked);
            LogRematched(parked.Kind, parked.CallbackId, parked.Source, parked.Channel, parked.ChannelOrderId, now - parked.ParkedAt);
            return true;
        }

        var overdue = !parked.IsFlagged && now - parked.ParkedAt >= options.Value.ParkedAlertAfter;
        var updated = parked with { Attempts = parked.Attempts + 1, LastAttemptAt = now, FlaggedAt = overdue ? now : parked.FlaggedAt };
        await parkedShipments.UpdateAsync(updated, cancellationToken);
        if (overdue)
        {
            metrics.Flagged(updated);
            LogFlagged(parked.Kind, parked.CallbackId, parked.Source, parked.Channel, parked.ChannelOrderId, now - parked.ParkedAt);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parked {Kind} {CallbackId} from {Source} matched to {Channel} order {OrderId} after {Waited}")]
    private partial void LogRematched(string kind, string callbackId, string source, string channel, string orderId, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked {Kind} {CallbackId} from {Source} for {Channel} order {OrderId} still unmatched after {Waited}; flagged")]
    private partial void LogFlagged(string kind, string callbackId, string source, string channel, string orderId, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked {CallbackId} from {Source} could not be re-matched")]
    private partial void LogRematchFailed(Exception exception, string source, string callbackId);
}
