using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Recovery;

/// <summary>
/// Missed-webhook recovery for one channel: lists the orders updated since the stored watermark (less an overlap)
/// and takes every one the ledger does not know through the webhook gate's own admission, so ingestion, dedupe and
/// the orchestration instance id are exactly a webhook's and a late webhook afterwards changes nothing.
/// The watermark moves only after the whole listing was admitted.
/// </summary>
public sealed partial class OrderRecoveryHandler(
    IEnumerable<IChannelOrderFeed> feeds,
    IChannelWatchStore watches,
    IOrderLedger ledger,
    WebhookGate gate,
    SafetyNetMetrics metrics,
    IOptionsMonitor<OrderRecoveryOptions> options,
    TimeProvider time,
    ILogger<OrderRecoveryHandler> logger)
{
    private readonly Dictionary<string, IChannelOrderFeed> _feeds = feeds.ToDictionary(f => f.Channel, StringComparer.OrdinalIgnoreCase);

    // A poll can outlast the timer's tick (SP-API's getOrders answers 429 with a minute's Retry-After): never run two at once.
    private readonly ConcurrentDictionary<string, byte> _polling = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>The poll, or null when recovery is off, the channel is not due yet or a poll of it is still running.</returns>
    public async Task<RecoveryRun?> PollIfDueAsync(string channel, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || !_polling.TryAdd(channel, 0))
        {
            return null;
        }

        try
        {
            var now = time.GetUtcNow();
            var watch = await watches.GetAsync(channel, cancellationToken);
            return watch.LastPolledAt is { } last && now - last < settings.PollInterval
                ? null
                : await PollAsync(watch, now, settings, cancellationToken);
        }
        finally
        {
            _polling.TryRemove(channel, out _);
        }
    }

    private async Task<RecoveryRun> PollAsync(ChannelWatch watch, DateTimeOffset now, OrderRecoveryOptions settings, CancellationToken cancellationToken)
    {
        var feed = _feeds.TryGetValue(watch.Channel, out var found)
            ? found
            : throw new InvalidOperationException($"No order feed is registered for channel '{watch.Channel}'.");
        var since = watch.Watermark is { } watermark ? watermark - settings.Overlap : now - settings.InitialLookback;
        var until = now - settings.Grace;
        int listed = 0, recovered = 0, pages = 0;
        string? pageToken = null;
        do
        {
            var page = await feed.ListUpdatedSinceAsync(since, pageToken, cancellationToken);
            pages++;
            // Orders younger than the grace period are left to their webhook; the next poll's overlap covers them.
            foreach (var order in page.Orders.Where(o => o.UpdatedAt <= until))
            {
                listed++;
                if (await RecoverIfUnknownAsync(watch.Channel, order, cancellationToken))
                {
                    recovered++;
                }
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        var next = watch.Watermark is { } previous && previous > until ? previous : until;
        await watches.RecordPollAsync(watch, next, now, recovered, cancellationToken);
        LogPolled(watch.Channel, since, until, listed, recovered);
        return new RecoveryRun(watch.Channel, since, until, listed, recovered, pages);
    }

    private async Task<bool> RecoverIfUnknownAsync(string channel, RecoverableOrder order, CancellationToken cancellationToken)
    {
        if (await ledger.FindAsync(channel, order.ChannelOrderId, cancellationToken) is not null)
        {
            return false;
        }

        var eventId = string.Create(CultureInfo.InvariantCulture, $"recovered-{order.ChannelOrderId}-{order.UpdatedAt.UtcTicks}");
        var outcome = await gate.AdmitRecoveredAsync(channel, new ParsedWebhook(eventId, order.Topic), order.Body, cancellationToken);
        if (outcome.Kind != WebhookOutcomeKind.Accepted)
        {
            // Already admitted by an earlier poll whose ingestion has not reached the ledger yet.
            return false;
        }

        metrics.OrderRecovered(channel);
        LogRecovered(channel, order.ChannelOrderId, order.Topic);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} order {OrderId} had no webhook; recovered by polling as {Topic}")]
    private partial void LogRecovered(string channel, string orderId, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} polled for orders updated {Since:O} to {Until:O}: {Listed} listed, {Recovered} recovered")]
    private partial void LogPolled(string channel, DateTimeOffset since, DateTimeOffset until, int listed, int recovered);
}
