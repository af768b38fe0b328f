using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Amazon;

public sealed class AmazonChannelEventHandlerTests
{
    private readonly FakeOrderWorkflow _workflow = new();
    private const string OrderId = "113-4728391-5502617";

    private static readonly byte[] Notification = SampleFiles.Amazon("order-change-notification.json");
    private static readonly byte[] Order = SampleFiles.Amazon("get-order.json");
    private static readonly byte[] Items = SampleFiles.Amazon("get-order-items.json");

    private readonly FakeOrderLedger _ledger = new();
    private readonly FakeAmazonOrdersApi _api = new();

    private readonly FakeReturnLedger _returns = new();

    private AmazonChannelEventHandler Handler() =>
        new(_api, _ledger, new ReturnIntake(_returns, NullLogger<ReturnIntake>.Instance), NullLogger<AmazonChannelEventHandler>.Instance);

    [Fact]
    public async Task HandleAsync_orderChange_fetchesOrderAndItemsAndRecordsTheOrder()
    {
        // Arrange
        _api.With(OrderId, Order, Items);

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("amazon", "ORDER_CHANGE", "c4f1a9e2"), Notification, _workflow, CancellationToken.None);

        // Assert
        Assert.Equal([$"getOrder {OrderId}", $"getOrderItems {OrderId}"], _api.Calls);
        var recorded = Assert.Single(_ledger.Recorded);
        Assert.Equal(OrderId, recorded.ChannelOrderId);
        Assert.Equal(128.48m, recorded.Totals.Total);
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_pendingInNotificationSummary_fetchesAndRecordsNothing()
    {
        // Arrange
        _api.With(OrderId, Order, Items);
        var notification = JsonEdit.Load(Notification)
            .With("Payload.OrderChangeNotification.Summary.OrderStatus", "\"Pending\"")
            .ToUtf8();

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("amazon", "ORDER_CHANGE", "c4f1a9e2"), notification, _workflow, CancellationToken.None);

        // Assert
        Assert.Empty(_api.Calls);
        Assert.Empty(_ledger.Recorded);
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_orderStillPendingAtSpApi_recordsNothing()
    {
        // Arrange
        var pending = JsonEdit.Load(Order).With("payload.OrderStatus", "\"Pending\"").With("payload.OrderTotal", null).ToUtf8();
        _api.With(OrderId, pending, Items);

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("amazon", "ORDER_CHANGE", "c4f1a9e2"), Notification, _workflow, CancellationToken.None);

        // Assert
        Assert.Equal([$"getOrder {OrderId}"], _api.Calls);
        Assert.Empty(_ledger.Recorded);
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_unmappableOrder_recordsFailureNamingTheField()
    {
        // Arrange
        var items = JsonEdit.Load(Items).With("payload.OrderItems[0].SellerSKU", null).ToUtf8();
        _api.With(OrderId, Order, items);

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("amazon", "ORDER_CHANGE", "c4f1a9e2"), Notification, _workflow, CancellationToken.None);

        // Assert
        Assert.Empty(_ledger.Recorded);
        var failure = Assert.Single(_ledger.Failures);
        Assert.Equal(("amazon", OrderId), (failure.Channel, failure.ChannelOrderId));
        Assert.Contains("payload.OrderItems[0].SellerSKU", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_spApiFails_propagatesSoTheQueueRetries()
    {
        // Arrange: the fake knows no order, so getOrder fails.

        // Act
        var exception = await Record.ExceptionAsync(() =>
            Handler().HandleAsync(TestWebhooks.Envelope("amazon", "ORDER_CHANGE", "c4f1a9e2"), Notification, _workflow, CancellationToken.None));

        // Assert
        Assert.IsType<HttpRequestException>(exception);
        Assert.Empty(_ledger.Recorded);
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_otherNotificationType_throwsNotSupported()
    {
        // Act
        var exception = await Record.ExceptionAsync(() =>
            Handler().HandleAsync(TestWebhooks.Envelope("amazon", "FEED_PROCESSING_FINISHED", "a1"), Notification, _workflow, CancellationToken.None));

        // Assert
        Assert.IsType<NotSupportedException>(exception);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task HandleAsync_returnCreated_keepsTheReturnWithoutCallingTheApi()
    {
        // Arrange
        var body = SampleFiles.Amazon("return-created-notification.json");

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("amazon", "RETURN_CREATED", "0e6b9c4d"), body, _workflow, CancellationToken.None);

        // Assert
        var request = Assert.Single(_returns.Requests.Values);
        Assert.Equal(new ReturnOrderReference("amazon", OrderId), request.Order);
        Assert.Equal([("amazon", "DkQ7mR2xNRMA")], _workflow.ReturnsStarted);
        Assert.Empty(_api.Calls);
    }
}
