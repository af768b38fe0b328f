using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Pos;

public sealed class PosChannelEventHandlerTests
{
    private readonly FakeOrderWorkflow _workflow = new();
    private readonly FakeOrderLedger _ledger = new();

    private PosChannelEventHandler Handler() => new(_ledger, NullLogger<PosChannelEventHandler>.Instance);

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
    public async Task HandleAsync_return_throwsNotSupportedUntilTheReturnsFlowExists()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Pos("store-sale.json")).With("type", "\"return\"").ToUtf8();

        // Act
        var exception = await Record.ExceptionAsync(() =>
            Handler().HandleAsync(TestWebhooks.Envelope("pos", "return", "STORE-001-R02-000185"), body, _workflow, CancellationToken.None));

        // Assert
        Assert.IsType<NotSupportedException>(exception);
        Assert.Empty(_ledger.Recorded);
    }
}
