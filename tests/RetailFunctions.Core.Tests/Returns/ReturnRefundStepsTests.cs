using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Returns.Workflow;
using RetailFunctions.Core.Tests.Fakes;

namespace RetailFunctions.Core.Tests.Returns;

public sealed class ReturnRefundStepsTests
{
    private static readonly DateTimeOffset ShippedAt = TestOrders.PlacedAt.AddDays(1);
    private readonly FakeOrderLedger _ledger = new();
    private readonly FakeReturnLedger _returns = new();
    private readonly RecordingStockReturns _stock = new();
    private readonly RecordingErp _erp = new();
    private readonly RecordingRefundApi _shopify = new("shopify");

    private ReturnRefundSteps Steps() =>
        new(_returns, _ledger, new FakeSkuMappings(), _stock, _erp, [_shopify], new FixedTimeProvider(ShippedAt.AddDays(8)),
            Options.Create(new ReturnsOptions { WindowDays = 30 }), Options.Create(new OrderToCashOptions()), NullLogger<ReturnRefundSteps>.Instance);

    private async Task<ReturnRefundInput> ArrangeAsync(string sku, int quantity, string condition = "Restock", string orderChannel = "shopify", string orderId = "5551234567890")
    {
        await _ledger.RecordAsync(TestOrders.Order(orderChannel, orderId), CancellationToken.None);
        await _ledger.AddShipmentAsync(orderChannel, orderId,
            TestOrders.Shipment("S1", ShippedAt, new ShippedLine("SKU-1042", 2), new ShippedLine("SKU-3105", 1)), CancellationToken.None);
        await _ledger.UpdateProgressAsync(orderChannel, orderId, new OrderProgress(OrderStatus.Completed, ErpOrderId: "SO-000042"), CancellationToken.None);
        var request = new ReturnRequest("pos", "STORE-001-R01-000733", new ReturnOrderReference(null, orderId),
            [new ReturnLine(sku, quantity, Enum.Parse<ReturnDisposition>(condition))], ShippedAt.AddDays(8), "STORE-001", false);
        await _returns.RecordRequestAsync(request, CancellationToken.None);
        return new ReturnRefundInput("pos", "STORE-001-R01-000733");
    }

    [Fact]
    public async Task PrepareAsync_webOrderReturnedInStore_acceptsItOnTheOrderPricedAsPaid()
    {
        // Arrange
        var input = await ArrangeAsync("SKU-1042", 1);

        // Act
        var decision = await Steps().PrepareAsync(input, CancellationToken.None);

        // Assert
        var prepared = Assert.IsType<PreparedReturn>(decision.Return);
        Assert.Equal(("shopify", "5551234567890", "order-shopify-5551234567890", "SO-000042", "STORE-001"),
            (prepared.RefundChannel, prepared.ChannelOrderId, prepared.OrderKey, prepared.ErpOrderId, prepared.Location));
        Assert.Equal(new PreparedReturnLine("SKU-1042", "ITEM-1042", 1, ReturnDisposition.Restock, 47.63m), Assert.Single(prepared.Lines));
        Assert.Equal(47.63m, prepared.Total);
        Assert.Equal("return-pos-STORE-001-R01-000733", Assert.Single(_ledger.Returns[("shopify", "5551234567890")]).ReturnKey);
        Assert.Equal(ReturnStatus.Accepted, _returns.Progress[("pos", "STORE-001-R01-000733")].Last().Status);
    }

    [Fact]
    public async Task PrepareAsync_moreThanShipped_rejectsWithoutTakingItOnTheOrder()
    {
        // Arrange
        var input = await ArrangeAsync("SKU-3105", 2);

        // Act
        var decision = await Steps().PrepareAsync(input, CancellationToken.None);

        // Assert
        Assert.Null(decision.Return);
        Assert.Contains("1 shipped, 0 already returned", decision.Rejection, StringComparison.Ordinal);
        Assert.Empty(_ledger.Returns[("shopify", "5551234567890")]);
    }

    [Fact]
    public async Task PrepareAsync_orderInNoLedger_parksNamingTheReferenceWithABackedOffRetry()
    {
        // Arrange
        var input = await ArrangeAsync("SKU-1042", 1, orderId: "5551234567890");
        _returns.Requests[("pos", "STORE-001-R01-000733")] = _returns.Requests[("pos", "STORE-001-R01-000733")] with { Order = new ReturnOrderReference(null, "999") };

        // Act
        var decision = await Steps().PrepareAsync(input with { UnmatchedAttempts = 2 }, CancellationToken.None);

        // Assert
        Assert.Null(decision.Rejection);
        Assert.Null(decision.Return);
        Assert.Equal("The original order (any channel)/999 is not in the ledger yet; looked for 3 time(s).", decision.Unmatched);
        Assert.Equal(TimeSpan.FromMinutes(2), decision.RetryAfter);
    }

    [Fact]
    public async Task PrepareAsync_parkedReturnWhoseOrderIsNotShippedYet_staysParked()
    {
        // Arrange
        var input = await ArrangeAsync("SKU-1042", 1);
        await _ledger.UpdateProgressAsync("shopify", "5551234567890", new OrderProgress(OrderStatus.AwaitingShipment), CancellationToken.None);

        // Act
        var decision = await Steps().PrepareAsync(input with { UnmatchedAttempts = 1 }, CancellationToken.None);

        // Assert
        Assert.Null(decision.Rejection);
        Assert.Equal("The original order shopify/5551234567890 is AwaitingShipment; waiting for its shipment.", decision.Unmatched);
    }

    [Fact]
    public async Task Steps_acceptedReturn_restocksCreditsRefundsToTheSaleChannelAndAnnouncesIt()
    {
        // Arrange
        var steps = Steps();
        var prepared = (await steps.PrepareAsync(await ArrangeAsync("SKU-1042", 1), CancellationToken.None)).Return!;

        // Act
        await steps.RestockAsync(prepared, CancellationToken.None);
        var creditMemoId = await steps.PostCreditMemoAsync(prepared, CancellationToken.None);
        await steps.PostCreditMemoAsync(prepared, CancellationToken.None);
        await steps.ConfirmRefundAsync(prepared, CancellationToken.None);
        await steps.CompleteAsync(prepared, CancellationToken.None);

        // Assert
        Assert.Equal([new ReservationLine("SKU-1042", "STORE-001", 1)], Assert.Single(_stock.Restocked).Lines);
        var (document, key) = Assert.Single(_erp.Documents);
        Assert.Equal(("return-pos-STORE-001-R01-000733-credit-memo", 47.63m, "SO-000042"), (key, ((ErpCreditMemo)document).Total, ((ErpCreditMemo)document).ErpOrderId));
        Assert.Equal("CM-000001", creditMemoId);
        var refund = Assert.Single(_shopify.Confirmed);
        Assert.Equal(("5551234567890", 47.63m, false), (refund.ChannelOrderId, refund.Refund.Amount, refund.Refund.AlreadyRefunded));
        var announced = Assert.Single(_returns.Announced.Published);
        Assert.Equal(("return-pos-STORE-001-R01-000733:return.completed", RetailEventTypes.ReturnCompleted), (announced.EventId, announced.EventType));
        Assert.Equal(ReturnStatus.Refunded, _returns.Progress[("pos", "STORE-001-R01-000733")].Last().Status);
    }

    [Fact]
    public async Task RestockAsync_damagedGoods_areNotRestocked()
    {
        // Arrange
        var steps = Steps();
        var prepared = (await steps.PrepareAsync(await ArrangeAsync("SKU-3105", 1, "Damaged"), CancellationToken.None)).Return!;

        // Act
        await steps.RestockAsync(prepared, CancellationToken.None);

        // Assert
        Assert.Empty(_stock.Restocked);
    }

    [Fact]
    public async Task ConfirmRefundAsync_storeSale_hasNoChannelToTell()
    {
        // Arrange
        var steps = Steps();
        var prepared = (await steps.PrepareAsync(await ArrangeAsync("SKU-1042", 1, orderChannel: "pos", orderId: "STORE-001-R02-000184"), CancellationToken.None)).Return!;

        // Act
        await steps.ConfirmRefundAsync(prepared, CancellationToken.None);

        // Assert
        Assert.Equal("pos", prepared.RefundChannel);
        Assert.Empty(_shopify.Confirmed);
    }

    [Fact]
    public async Task ConfirmRefundAsync_channelWithoutRefundApi_fails()
    {
        // Arrange
        var steps = Steps();
        var prepared = (await steps.PrepareAsync(await ArrangeAsync("SKU-1042", 1, orderChannel: "walmart", orderId: "1796277083022"), CancellationToken.None)).Return!;

        // Act
        var exception = await Record.ExceptionAsync(() => steps.ConfirmRefundAsync(prepared, CancellationToken.None));

        // Assert
        Assert.IsType<InvalidOperationException>(exception);
    }
}
