using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Sla;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.SafetyNet;

/// <summary>The SLA store with the table store's rules: one clock per flow and subject, one breach per flow and subject.</summary>
internal sealed class InMemorySlaStore : ISlaStore
{
    public Dictionary<(string Flow, string Subject), SlaClock> Clocks { get; } = [];

    public Dictionary<(string Flow, string Subject), SlaBreach> Breaches { get; } = [];

    public Task StartAsync(SlaClock clock, CancellationToken cancellationToken)
    {
        Clocks.TryAdd((clock.Flow, clock.Subject), clock);
        return Task.CompletedTask;
    }

    public Task<SlaClock?> StopAsync(string flow, string subject, CancellationToken cancellationToken) =>
        Task.FromResult(Clocks.Remove((flow, subject), out var clock) ? clock : null);

    public Task<IReadOnlyList<SlaClock>> StartedBeforeAsync(string flow, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SlaClock>>([.. Clocks.Values.Where(c => c.Flow == flow && c.StartedAt < cutoff)]);

    public Task<bool> TryAddBreachAsync(SlaBreach breach, CancellationToken cancellationToken) =>
        Task.FromResult(Breaches.TryAdd((breach.Flow, breach.Subject), breach));

    public Task<IReadOnlyList<SlaBreach>> BreachesAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SlaBreach>>([.. Breaches.Values.Take(max)]);
}

internal sealed class InMemoryChannelWatchStore : IChannelWatchStore
{
    public Dictionary<string, ChannelWatch> Watches { get; } = [];

    public Task<ChannelWatch> GetAsync(string channel, CancellationToken cancellationToken) =>
        Task.FromResult(Watches.GetValueOrDefault(channel) ?? ChannelWatch.None(channel));

    public Task<IReadOnlyList<ChannelWatch>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelWatch>>([.. Watches.Values]);

    public async Task RecordWebhookAsync(string channel, DateTimeOffset at, CancellationToken cancellationToken) =>
        Watches[channel] = await GetAsync(channel, cancellationToken) with { LastWebhookAt = at };

    public Task RecordPollAsync(ChannelWatch before, DateTimeOffset watermark, DateTimeOffset polledAt, int recovered, CancellationToken cancellationToken)
    {
        Watches[before.Channel] = before with
        {
            Watermark = watermark,
            LastPolledAt = polledAt,
            WatchingSince = before.WatchingSince ?? polledAt,
            RecoveredOrders = before.RecoveredOrders + recovered,
        };
        return Task.CompletedTask;
    }

    public async Task RecordQuietAlertAsync(string channel, DateTimeOffset at, CancellationToken cancellationToken) =>
        Watches[channel] = await GetAsync(channel, cancellationToken) with { QuietAlertAt = at };
}

/// <summary>Receipts with the table's rule: the first claim of an event id wins.</summary>
internal sealed class InMemoryWebhookReceipts : IWebhookReceipts
{
    public HashSet<(string Channel, string EventId)> Claimed { get; } = [];

    public Task<WebhookReceipt?> TryClaimAsync(string channel, string eventId, string topic, string blobPath, DateTimeOffset now, TimeSpan stalePendingAfter, CancellationToken cancellationToken) =>
        Task.FromResult(Claimed.Add((channel, eventId)) ? new WebhookReceipt(channel, eventId, topic, blobPath, now, "1") : null);

    public Task<bool> IsAcceptedAsync(string channel, string eventId, CancellationToken cancellationToken) => Task.FromResult(Claimed.Contains((channel, eventId)));

    public Task MarkAcceptedAsync(WebhookReceipt receipt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleaseAsync(WebhookReceipt receipt, CancellationToken cancellationToken)
    {
        Claimed.Remove((receipt.Channel, receipt.EventId));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingChannelEventQueue : IChannelEventQueue
{
    public List<ChannelEventEnvelope> Enqueued { get; } = [];

    public Task EnqueueAsync(ChannelEventEnvelope envelope, CancellationToken cancellationToken)
    {
        Enqueued.Add(envelope);
        return Task.CompletedTask;
    }
}

/// <summary>A channel's order listing in pages of <paramref name="pageSize"/>, filtered like the real APIs.</summary>
internal sealed class FakeOrderFeed(string channel, int pageSize) : IChannelOrderFeed
{
    public List<RecoverableOrder> Orders { get; } = [];

    public List<DateTimeOffset> Requested { get; } = [];

    /// <summary>When set, every listing waits for it: a slow channel API.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public string Channel => channel;

    public async Task<RecoverableOrderPage> ListUpdatedSinceAsync(DateTimeOffset since, string? pageToken, CancellationToken cancellationToken)
    {
        Requested.Add(since);
        if (Hold is not null)
        {
            await Hold.Task;
        }

        var offset = pageToken is null ? 0 : int.Parse(pageToken, System.Globalization.CultureInfo.InvariantCulture);
        var matching = Orders.Where(o => o.UpdatedAt >= since).OrderBy(o => o.UpdatedAt).ToList();
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < matching.Count ? (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new RecoverableOrderPage(page, next);
    }
}
