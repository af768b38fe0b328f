using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Pos;

public sealed class PosChannelEventHandlerTests
{
    private readonly FakeOrderWorkflow _workflow = new();
    private readonly FakeOrderLedger _ledger = new();

    private readonly FakeReturnLedger _returns = new();

    private PosChannelEventHandler Handler() =>
        new(_ledger, new ReturnIntake(_returns, NullLogger<ReturnIntake>.Instance), NullLogger<PosChannelEventHandler>.Instance);

    [Fact]
    public async Task HandleAsync_sale_recordsAPaidCounterOrder()
    {
        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("pos", "sale", "STORE-001-R02-000184"), SampleFiles.Pos("store-sale.json"), _workflow, CancellationToken.None);

        // Assert
        var order = Assert.Single(_ledger.Recorded);
        Assert.Equal(("STORE-001-R02-000184", "STORE-001", "paid"), (order.ChannelOrderId, order.FulfilledAtStore, order.FinancialStatus));
        Assert.Empty(_ledger.Failures);
    }

    [Fact]
    public async Task HandleAsync_amountsDoNotAddUp_recordsFailureNamingTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Pos("store-sale.json")).With("total", "99.99").ToUtf8();

        // Act
        await Handler().HandleAsync(TestWebhooks.Envelope("pos", "sale", "STORE-001-R02-000184"), body, _workflow, CancellationToken.None);

        // Assert
        Assert.Empty(_ledger.Recorded);
        var failure = Assert.Single(_ledger.Failures);
        Assert.Equal(("pos", "STORE-001-R02-000184"), (failure.Channel, failure.ChannelOrderId));
        Assert.Contains("'total'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_returnOfAWebOrder_keepsTheReturnAndStartsItsProcess()
    {
        // Act
        await Handler().HandleAsync(
            TestWebhooks.Envelope("pos", "return", "STORE-001-R01-000733"), SampleFiles.Pos("store-return-web-order.json"), _workflow, CancellationToken.None);

        // Assert
        var request = Assert.Single(_returns.Requests.Values);
        Assert.Equal(("shopify", "5551234567890"), (request.Order.Channel, request.Order.ChannelOrderId));
        Assert.Equal(("pos", "STORE-001-R01-000733"), Assert.Single(_workflow.ReturnsStarted));
        Assert.Empty(_ledger.Recorded);
    }
}
