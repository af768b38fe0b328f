using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Every <see cref="CatalogOptions.ConsistencyInterval"/>: reads back from each channel the listings the fabric
/// believes are in step with the catalogue and reports those that differ (missing, wrong price). A drifted listing gets
/// the drift as its channel error and is published again, so the channel converges.
/// </summary>
public sealed partial class CatalogConsistencyCheck(
    ICatalogStore store,
    ICatalogPublishQueue publish,
    IEnumerable<ICatalogChannelApi> apis,
    ICatalogConsistencyReports reports,
    TimeProvider time,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogConsistencyCheck> logger)
{
    public const int MaxDriftListed = 200;

    private const int PageSize = 200;
    private const int ReadBatch = 50;

    private readonly Dictionary<string, ICatalogChannelApi> _apis = apis.ToDictionary(a => a.Channel, StringComparer.OrdinalIgnoreCase);

    /// <returns>The report, or null when the last check is recent enough.</returns>
    public async Task<CatalogConsistencyReport?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await reports.LatestAsync(cancellationToken) is { } last && now - last.CheckedAt < options.CurrentValue.ConsistencyInterval)
        {
            return null;
        }

        var report = await RunAsync(now, cancellationToken);
        await reports.SaveAsync(report, cancellationToken);
        return report;
    }

    private async Task<CatalogConsistencyReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var drift = new List<CatalogDrift>();
        var checkedCount = 0;
        await foreach (var page in store.AllAsync(PageSize, settings.ConsistencySkuPrefix, cancellationToken))
        {
            foreach (var channel in settings.EnabledChannels().Where(_apis.ContainsKey))
            {
                var rules = settings.RulesFor(channel);
                var inStep = page
                    .Where(e => e.Channel(channel).PublishedVersion is not null && e.Record.Status == CatalogStatuses.Active)
                    .Select(e => (Entry: e, Decision: CatalogListingPlanner.Decide(e, channel, rules, settings.PriceBandPercent)))
                    .Where(d => d.Decision.Action == ListingAction.Unchanged)
                    .ToArray();
                foreach (var batch in inStep.Chunk(ReadBatch))
                {
                    IReadOnlyDictionary<string, ChannelHolding> holdings;
                    try
                    {
                        holdings = await _apis[channel].ReadAsync(batch.Select(b => b.Entry.Record.Sku).ToArray(), cancellationToken);
                    }
                    catch (BackOfficeException ex)
                    {
                        LogReadFailed(ex, channel);
                        break;
                    }

                    checkedCount += batch.Length;
                    var found = batch
                        .Select(b => (b.Entry, Problem: Problem(b.Decision.Product!, holdings.GetValueOrDefault(b.Entry.Record.Sku), channel == CatalogChannels.Pos)))
                        .Where(f => f.Problem is not null)
                        .ToArray();
                    await RepublishAsync(channel, found, now, cancellationToken);
                    drift.AddRange(found.Select(f => new CatalogDrift(f.Entry.Record.Sku, channel, f.Problem!)));
                }
            }
        }

        LogChecked(checkedCount, drift.Count);
        return new CatalogConsistencyReport(now, checkedCount, drift.Count, drift.Take(MaxDriftListed).ToArray());
    }

    private async Task RepublishAsync(string channel, IReadOnlyList<(CatalogEntry Entry, string? Problem)> drifted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (drifted.Count == 0)
        {
            return;
        }

        // Forgetting what was sent makes the publisher send the listing again instead of skipping it as unchanged.
        await store.SaveChannelStatesAsync(
            channel,
            drifted.Select(d => (d.Entry.Record.Sku, d.Entry.Channel(channel).Failed(d.Entry.Record.Version, $"drift: {d.Problem}", now) with { PublishedHash = null })).ToArray(),
            cancellationToken);
        await publish.MarkPendingAsync([channel], drifted.Select(d => d.Entry.Record.Sku).ToArray(), now, cancellationToken);
        foreach (var (entry, problem) in drifted)
        {
            LogDrift(channel, entry.Record.Sku, problem!);
        }
    }

    private static string? Problem(ChannelProduct expected, ChannelHolding? holding, bool perStore)
    {
        if (holding is null)
        {
            return "missing listing";
        }

        if (!perStore)
        {
            return holding.Price == expected.Price ? null : WrongPrice(holding.Price, expected.Price);
        }

        var wrong = expected.StorePrices
            .Where(s => holding.StorePrices.GetValueOrDefault(s.Key) != s.Value)
            .Select(s => $"{s.Key} {WrongPrice(holding.StorePrices.TryGetValue(s.Key, out var shown) ? shown : null, s.Value)}")
            .ToArray();
        return wrong.Length == 0 ? null : string.Join("; ", wrong);
    }

    private static string WrongPrice(decimal? shown, decimal expected) =>
        string.Create(CultureInfo.InvariantCulture, $"wrong price: shows {(shown is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "none")}, catalogue {expected:0.00}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog consistency: {Checked} listings checked, {Drift} drifted")]
    private partial void LogChecked(int @checked, int drift);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog drift on {Channel} {Sku}: {Problem}; publishing again")]
    private partial void LogDrift(string channel, string sku, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog consistency: {Channel} could not be read; checked next time")]
    private partial void LogReadFailed(Exception exception, string channel);
}
