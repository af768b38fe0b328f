using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Pushes one channel's pending values: drops those the channel already shows, sends low stock first in API-sized
/// batches, and when the channel throttles or fails rests it (for its <c>Retry-After</c>) while the values stay pending.
/// Each channel is dispatched on its own, so one that is down never delays the others. Log lines of a batch carry its SKUs.
/// </summary>
public sealed partial class InventoryFanOut(
    IInventorySyncStore sync,
    InventoryAvailability availability,
    IEnumerable<IChannelInventoryApi> apis,
    InventoryMetrics metrics,
    TimeProvider time,
    IOptionsMonitor<InventoryOptions> options,
    ILogger<InventoryFanOut> logger)
{
    private readonly Dictionary<string, IChannelInventoryApi> _apis = apis.ToDictionary(a => a.Channel, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _restingUntil = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>How many values the channel confirmed.</returns>
    public async Task<int> DispatchAsync(string channel, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Channels.TryGetValue(channel, out var rules) || !rules.Enabled || !_apis.TryGetValue(channel, out var api)
            || (_restingUntil.TryGetValue(channel, out var until) && until > time.GetUtcNow()))
        {
            return 0;
        }

        var pending = await sync.PendingAsync(channel, settings.MaxPendingPerRun, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var desired = await availability.DesiredAsync(channel, pending, cancellationToken);
        var listings = await sync.ListingsAsync(channel, pending.Select(p => p.Sku).ToArray(), cancellationToken);
        var plan = ChannelPushPlanner.Plan(desired, listings, rules, settings.LowStockThreshold);
        if (plan.Unchanged.Count > 0)
        {
            await sync.DropAsync(channel, plan.Unchanged, cancellationToken);
        }

        var confirmed = 0;
        foreach (var batch in plan.Batches)
        {
            using var scope = RetailLogScopes.ForSkus(logger, batch.Select(p => p.Sku));
            try
            {
                await api.PushAsync(batch.Select(p => new ChannelQuantity(p.Sku, p.Desired)).ToArray(), cancellationToken);
            }
            catch (BackOfficeException ex) when (ex is BackOfficeUnavailableException or BackOfficeRejectedException)
            {
                var rest = (ex as BackOfficeUnavailableException)?.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : settings.UnavailableBackoff;
                _restingUntil[channel] = time.GetUtcNow() + rest;
                metrics.Throttled(channel, ex.Operation);
                LogResting(ex, channel, ex.StatusCode, rest.TotalSeconds, pending.Count - confirmed - plan.Unchanged.Count);
                break;
            }

            var confirmedAt = time.GetUtcNow();
            await sync.ConfirmAsync(channel, batch, confirmedAt, cancellationToken);
            metrics.Pushed(channel, batch, confirmedAt);
            confirmed += batch.Count;
            LogPushed(channel, batch.Count, (confirmedAt - batch.Min(p => p.FirstSeenAt)).TotalMilliseconds);
        }

        return confirmed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory {Channel}: {Count} values confirmed, oldest change {LagMs:0} ms ago")]
    private partial void LogPushed(string channel, int count, double lagMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory {Channel} refused the push ({Status}); resting {Seconds:0.#} s with {Left} values still pending")]
    private partial void LogResting(Exception exception, string channel, int? status, double seconds, int left);
}
