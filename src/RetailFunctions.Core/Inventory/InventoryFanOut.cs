using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Pushes one channel's pending values: drops those the channel already shows, sends low stock first, one per single
/// call while the channel's single-call limit allows and the rest in API-sized batches, never more calls than the
/// channel's published limits (<see cref="CallBudget"/>). When the channel throttles or fails it rests (for its
/// <c>Retry-After</c>) while the values stay pending. Each channel is dispatched on its own, so one that is down never
/// delays the others. Log lines of a call carry its SKUs.
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
    private const int SingleCallParallelism = 8;
    private readonly Dictionary<string, IChannelInventoryApi> _apis = apis.ToDictionary(a => a.Channel, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _restingUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ChannelCallBudgets> _budgets = new(StringComparer.OrdinalIgnoreCase);

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

        var budgets = _budgets.GetOrAdd(channel, _ => ChannelCallBudgets.For(rules, time));
        var desired = await availability.DesiredAsync(channel, pending, cancellationToken);
        var listings = await sync.ListingsAsync(channel, pending.Select(p => p.Sku).ToArray(), cancellationToken);
        var plan = ChannelPushPlanner.Plan(
            desired, listings, rules, settings.LowStockThreshold, budgets.Single?.Available() ?? 0, budgets.Batch.Available(), time.GetUtcNow());
        if (plan.Unchanged.Count > 0)
        {
            await sync.DropAsync(channel, plan.Unchanged, cancellationToken);
        }

        var confirmed = await PushSinglesAsync(channel, api, plan.Singles, budgets.Single, settings, cancellationToken);
        foreach (var batch in plan.Batches)
        {
            using var scope = RetailLogScopes.ForSkus(logger, batch.Select(p => p.Sku));
            budgets.Batch.Spend(1);
            var pushed = await TryPushAsync(channel, token => api.PushAsync(Quantities(batch), token), budgets.Batch, settings, cancellationToken);
            budgets.Batch.Settle();
            if (!pushed)
            {
                break;
            }

            await ConfirmAsync(channel, batch, cancellationToken);
            confirmed += batch.Count;
        }

        return confirmed;
    }

    /// <summary>Single calls go side by side: the budget already keeps them within the channel's rate.</summary>
    private async Task<int> PushSinglesAsync(
        string channel, IChannelInventoryApi api, IReadOnlyList<PendingPush> singles, CallBudget? budget, InventoryOptions settings, CancellationToken cancellationToken)
    {
        if (singles.Count == 0 || budget is null)
        {
            return 0;
        }

        budget.Spend(singles.Count);
        var taken = new ConcurrentDictionary<PendingPush, bool>();
        await Parallel.ForEachAsync(
            singles,
            new ParallelOptions { MaxDegreeOfParallelism = SingleCallParallelism, CancellationToken = cancellationToken },
            async (push, token) =>
            {
                using var scope = RetailLogScopes.ForSkus(logger, [push.Sku]);
                if (await TryPushAsync(channel, t => api.PushOneAsync(new ChannelQuantity(push.Sku, push.Desired), t), budget, settings, token))
                {
                    taken[push] = true;
                }
            });
        budget.Settle();
        var confirmed = singles.Where(taken.ContainsKey).ToArray();
        if (confirmed.Length > 0)
        {
            await ConfirmAsync(channel, confirmed, cancellationToken);
        }

        return confirmed.Length;
    }

    /// <summary>
    /// A 429 rests only the API that answered it (a throttled feed must not hold back single updates); any other
    /// refusal means the channel is down or refusing, and all of it rests. The values stay pending either way.
    /// </summary>
    private async Task<bool> TryPushAsync(
        string channel, Func<CancellationToken, Task> push, CallBudget budget, InventoryOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await push(cancellationToken);
            return true;
        }
        catch (BackOfficeException ex) when (ex is BackOfficeUnavailableException or BackOfficeRejectedException)
        {
            var rest = (ex as BackOfficeUnavailableException)?.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : settings.UnavailableBackoff;
            var throttled = ex.StatusCode == (int)System.Net.HttpStatusCode.TooManyRequests;
            if (throttled)
            {
                budget.Rest(rest);
            }
            else
            {
                _restingUntil[channel] = time.GetUtcNow() + rest;
            }

            metrics.Throttled(channel, ex.Operation);
            LogResting(ex, channel, ex.Operation, ex.StatusCode, throttled ? ex.Operation : "every call", rest.TotalSeconds);
            return false;
        }
    }

    private async Task ConfirmAsync(string channel, IReadOnlyList<PendingPush> pushed, CancellationToken cancellationToken)
    {
        var confirmedAt = time.GetUtcNow();
        await sync.ConfirmAsync(channel, pushed, confirmedAt, cancellationToken);
        metrics.Pushed(channel, pushed, confirmedAt);
        LogPushed(channel, pushed.Count, (confirmedAt - pushed.Min(p => p.FirstSeenAt)).TotalMilliseconds);
    }

    private static ChannelQuantity[] Quantities(IEnumerable<PendingPush> pushes) => [.. pushes.Select(p => new ChannelQuantity(p.Sku, p.Desired))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory {Channel}: {Count} values confirmed, oldest change {LagMs:0} ms ago")]
    private partial void LogPushed(string channel, int count, double lagMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory {Channel} refused {Operation} ({Status}); resting {Resting} for {Seconds:0.#} s, the values stay pending")]
    private partial void LogResting(Exception exception, string channel, string operation, int? status, string resting, double seconds);
}
