using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Publishes one channel's pending SKUs, as the inventory fan-out pushes stock: reads the latest master record (changes
/// between runs coalesce), validates it for the channel, skips what the channel already shows, sends the rest in
/// API-sized batches and records per SKU what the channel accepted or the listing error it returned. When the channel
/// throttles or fails it rests (for its <c>Retry-After</c>) and the SKUs stay pending.
/// </summary>
public sealed partial class CatalogPublisher(
    ICatalogStore store,
    ICatalogPublishQueue queue,
    IEnumerable<ICatalogChannelApi> apis,
    TimeProvider time,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogPublisher> logger)
{
    private readonly Dictionary<string, ICatalogChannelApi> _apis = apis.ToDictionary(a => a.Channel, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _restingUntil = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>How many listings the channel accepted.</returns>
    public async Task<int> DispatchAsync(string channel, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var rules = settings.RulesFor(channel);
        if (!rules.Enabled || !_apis.TryGetValue(channel, out var api)
            || (_restingUntil.TryGetValue(channel, out var until) && until > time.GetUtcNow()))
        {
            return 0;
        }

        var pending = await queue.PendingAsync(channel, settings.MaxPendingPerRun, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var entries = await store.FindManyAsync(pending.Select(p => p.Sku).ToArray(), cancellationToken);
        var settled = new List<(string, CatalogChannelState)>();
        var cleared = new List<PendingPublication>();
        var due = new List<(PendingPublication Pending, CatalogEntry Entry, ListingDecision Decision)>();
        var now = time.GetUtcNow();
        foreach (var item in pending)
        {
            if (!entries.TryGetValue(item.Sku, out var entry))
            {
                cleared.Add(item);
                continue;
            }

            var decision = CatalogListingPlanner.Decide(entry, channel, rules, settings.PriceBandPercent);
            var state = entry.Channel(channel);
            switch (decision.Action)
            {
                case ListingAction.Send:
                    due.Add((item, entry, decision));
                    continue;
                case ListingAction.Invalid:
                    settled.Add((item.Sku, state.Failed(entry.Record.Version, decision.Error!, now)));
                    LogInvalid(channel, item.Sku, entry.Record.Version, decision.Error!);
                    break;
                case ListingAction.Unchanged:
                    settled.Add((item.Sku, state with { PublishedVersion = entry.Record.Version, Error = null, ErrorVersion = null, ErrorAt = null }));
                    break;
            }

            cleared.Add(item);
        }

        await SettleAsync(channel, settled, cleared, cancellationToken);
        return await SendAsync(channel, api, rules, due, cancellationToken);
    }

    private async Task<int> SendAsync(
        string channel,
        ICatalogChannelApi api,
        ChannelCatalogOptions rules,
        List<(PendingPublication Pending, CatalogEntry Entry, ListingDecision Decision)> due,
        CancellationToken cancellationToken)
    {
        var accepted = 0;
        var batchSize = due.Count <= rules.SingleItemMaxCount ? 1 : rules.MaxBatchSize;
        foreach (var batch in due.OrderBy(d => d.Pending.FirstSeenAt).Chunk(batchSize))
        {
            IReadOnlyList<ListingResult> results;
            try
            {
                results = await api.PublishAsync(batch.Select(d => d.Decision.Product!).ToArray(), cancellationToken);
            }
            catch (BackOfficeUnavailableException ex)
            {
                var rest = ex.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : options.CurrentValue.UnavailableBackoff;
                _restingUntil[channel] = time.GetUtcNow() + rest;
                LogResting(ex, channel, ex.StatusCode, rest.TotalSeconds);
                break;
            }
            catch (BackOfficeRejectedException ex)
            {
                results = batch.Select(d => new ListingResult(d.Entry.Record.Sku, $"{ex.Operation} refused ({ex.StatusCode}): {ex.Message}")).ToArray();
            }

            var errors = results.Where(r => r.Error is not null).ToDictionary(r => r.Sku, r => r.Error!, StringComparer.Ordinal);
            var now = time.GetUtcNow();
            var states = batch.Select(d =>
            {
                var state = d.Entry.Channel(channel);
                var product = d.Decision.Product!;
                return (d.Entry.Record.Sku, errors.TryGetValue(product.Sku, out var error)
                    ? state.Failed(product.Version, error, now)
                    : state.Published(product.Version, product.Price, d.Decision.BasePrice, d.Entry.Record.ContentHash(), d.Decision.Hash!, now));
            }).ToArray();
            await SettleAsync(channel, states, batch.Select(d => d.Pending).ToArray(), cancellationToken);
            accepted += batch.Length - errors.Count;
            foreach (var (sku, error) in errors)
            {
                LogListingError(channel, sku, error);
            }

            LogPublished(channel, batch.Length - errors.Count, errors.Count, (now - batch.Min(d => d.Pending.FirstSeenAt)).TotalMilliseconds);
        }

        return accepted;
    }

    private async Task SettleAsync(string channel, IReadOnlyList<(string Sku, CatalogChannelState State)> states, IReadOnlyList<PendingPublication> cleared, CancellationToken cancellationToken)
    {
        if (states.Count > 0)
        {
            await store.SaveChannelStatesAsync(channel, states, cancellationToken);
        }

        if (cleared.Count > 0)
        {
            await queue.ClearAsync(channel, cleared, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog {Channel}: {Accepted} listings accepted, {Rejected} rejected, oldest change {LagMs:0} ms ago")]
    private partial void LogPublished(string channel, int accepted, int rejected, double lagMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog {Channel} {Sku} v{Version} not published: {Reason}")]
    private partial void LogInvalid(string channel, string sku, long version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog {Channel} rejected {Sku}: {Error}")]
    private partial void LogListingError(string channel, string sku, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog {Channel} refused the call ({Status}); resting {Seconds:0.#} s, listings stay pending")]
    private partial void LogResting(Exception exception, string channel, int? status, double seconds);
}
