using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Walmart;

public sealed class WalmartChannelEventHandlerTests
{
    private readonly FakeOrderLedger _ledger = new();
    private readonly FakeOrderWorkflow _workflow = new();

    private readonly FakeReturnLedger _returns = new();

    private WalmartChannelEventHandler Handler() =>
        new(_ledger, new ReturnIntake(_returns, NullLogger<ReturnIntake>.Instance), NullLogger<WalmartChannelEventHandler>.Instance);

    [Fact]
    public async Task HandleAsync_poCreated_recordsTheOrder()
    {
        // Arrange
        var body = SampleFiles.Walmart("po-created.json");

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("walmart", "PO_CREATED", "9f0c3e6a"), body, _workflow, CancellationToken.None);

        // Assert
        var order = Assert.Single(_ledger.Recorded);
        Assert.Equal("1829467105523", order.ChannelOrderId);
        Assert.Equal(108.01m, order.Totals.Total);
        Assert.Empty(_ledger.Failures);
        Assert.Empty(_workflow.Requested);
    }

    [Fact]
    public async Task HandleAsync_unmappablePoCreated_recordsFailureNamingTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Walmart("po-created.json"))
            .With("payload.orderLines.orderLine[0].item.sku", null)
            .ToUtf8();

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("walmart", "PO_CREATED", "9f0c3e6a"), body, _workflow, CancellationToken.None);

        // Assert
        Assert.Empty(_ledger.Recorded);
        var failure = Assert.Single(_ledger.Failures);
        Assert.Equal(("walmart", "1829467105523"), (failure.Channel, failure.ChannelOrderId));
        Assert.Contains("payload.orderLines.orderLine[0].item.sku", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_lineAutoCancelled_requestsCancellationOfThoseLines()
    {
        // Arrange
        var body = SampleFiles.Walmart("po-line-autocancelled.json");

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("walmart", "PO_LINE_AUTOCANCELLED", "3b7e91d4"), body, _workflow, CancellationToken.None);

        // Assert
        var cancellation = Assert.Single(_workflow.Requested);
        Assert.Equal(("walmart", "1829467105523"), (cancellation.Channel, cancellation.ChannelOrderId));
        Assert.Equal(["2"], cancellation.LineIds!);
        Assert.Empty(_ledger.Recorded);
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_unmappableCancellation_propagatesWithoutFailingTheOrder()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Walmart("po-line-autocancelled.json"))
            .With("payload.orderLines[0].lineNumber", null)
            .ToUtf8();

        // Act
        var exception = await Record.ExceptionAsync(() =>
            Handler().HandleAsync(TestWebhooks.Envelope("walmart", "PO_LINE_AUTOCANCELLED", "3b7e91d4"), body, _workflow, CancellationToken.None));

        // Assert
        Assert.Equal("payload.orderLines[0].lineNumber", Assert.IsType<OrderMappingException>(exception).Field);
        Assert.Empty(_workflow.Requested);
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_otherEventType_throwsNotSupported()
    {
        // Act
        var exception = await Record.ExceptionAsync(() =>
            Handler().HandleAsync(TestWebhooks.Envelope("walmart", "OFFER_UNPUBLISHED", "e1"), SampleFiles.Walmart("po-created.json"), _workflow, CancellationToken.None));

        // Assert
        Assert.IsType<NotSupportedException>(exception);
        Assert.Empty(_ledger.Recorded);
    }

    [Fact]
    public async Task HandleAsync_returnCreated_keepsTheReturnAndStartsReturnRefund()
    {
        // Arrange
        var body = SampleFiles.Walmart("return-created.json");

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("walmart", "RETURN_CREATED", "4b8e2f61"), body, _workflow, CancellationToken.None);

        // Assert
        var request = Assert.Single(_returns.Requests.Values);
        Assert.Equal(new ReturnOrderReference("walmart", "1829467105523"), request.Order);
        Assert.Equal([("walmart", "99281043512")], _workflow.ReturnsStarted);
        Assert.Empty(_ledger.Recorded);
    }
}
