using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Inventory;
using InMemoryWebhookReceipts = RetailFunctions.Core.Tests.Inventory.InMemoryWebhookReceipts;
using InMemoryChannelWatchStore = RetailFunctions.Core.Tests.SafetyNet.InMemoryChannelWatchStore;
using RecordingChannelEventQueue = RetailFunctions.Core.Tests.SafetyNet.RecordingChannelEventQueue;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Webhooks;

/// <summary>
/// A redelivery that meets another delivery's claim: only an accepted event is a duplicate (200). A claim still
/// pending may yet be released, or belong to a host that died before enqueueing, so the channel must retry.
/// </summary>
public sealed class WebhookGateRedeliveryTests : IDisposable
{
    private readonly InMemoryWebhookReceipts _receipts = new();
    private readonly RecordingChannelEventQueue _queue = new();
    private readonly TestMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task AdmitRecoveredAsync_eventClaimedByADeliveryStillInProgress_answersInProgressAndEnqueuesNothing()
    {
        // Arrange
        _receipts.Receipts[("shopify", "event-1")] = "Pending";

        // Act
        var outcome = await Gate().AdmitRecoveredAsync("shopify", new ParsedWebhook("event-1", "orders/create"), "{}"u8.ToArray(), CancellationToken.None);

        // Assert
        Assert.Equal(WebhookOutcomeKind.InProgress, outcome.Kind);
        Assert.False(outcome.IsRejection);
        Assert.Empty(_queue.Enqueued);
    }

    [Fact]
    public async Task AdmitRecoveredAsync_eventAcceptedBefore_answersDuplicateAndEnqueuesNothing()
    {
        // Arrange
        _receipts.Receipts[("shopify", "event-1")] = "Accepted";

        // Act
        var outcome = await Gate().AdmitRecoveredAsync("shopify", new ParsedWebhook("event-1", "orders/create"), "{}"u8.ToArray(), CancellationToken.None);

        // Assert
        Assert.Equal(WebhookOutcomeKind.Duplicate, outcome.Kind);
        Assert.Empty(_queue.Enqueued);
    }

    private WebhookGate Gate() =>
        new(
            _receipts,
            new FakeRawWebhookArchive(),
            _queue,
            new InMemoryChannelWatchStore(),
            TimeProvider.System,
            Options.Create(new WebhookOptions { InProgressWait = TimeSpan.FromMilliseconds(300) }),
            new RetailMetrics(_meters),
            NullLogger<WebhookGate>.Instance);
}
