using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Inventory;

internal sealed class InMemoryWebhookReceipts : IWebhookReceipts
{
    public Dictionary<(string Channel, string EventId), string> Receipts { get; } = [];

    public Task<WebhookReceipt?> TryClaimAsync(string channel, string eventId, string topic, string blobPath, DateTimeOffset now, TimeSpan stalePendingAfter, CancellationToken cancellationToken)
    {
        if (!Receipts.TryAdd((channel, eventId), "Pending"))
        {
            return Task.FromResult<WebhookReceipt?>(null);
        }

        return Task.FromResult<WebhookReceipt?>(new WebhookReceipt(channel, eventId, topic, blobPath, now, "1"));
    }

    public Task<bool> IsAcceptedAsync(string channel, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(Receipts.GetValueOrDefault((channel, eventId)) == "Accepted");

    public Task MarkAcceptedAsync(WebhookReceipt receipt, CancellationToken cancellationToken)
    {
        Receipts[(receipt.Channel, receipt.EventId)] = "Accepted";
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(WebhookReceipt receipt, CancellationToken cancellationToken)
    {
        Receipts.Remove((receipt.Channel, receipt.EventId));
        return Task.CompletedTask;
    }
}
