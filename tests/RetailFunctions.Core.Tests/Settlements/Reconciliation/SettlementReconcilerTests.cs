using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Tests.Settlements.Reconciliation;

public sealed class SettlementReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 7, 0, 0, 0, TimeSpan.Zero);
    private readonly SettlementReconciler _reconciler = new(new SettlementOptions());

    [Fact]
    public void Reconcile_allOrdersPaidAtTheirTotalsWithScheduledFees_allMatchedNoExceptions()
    {
        // Shopify 2.9 % + 0.30: 120.00 → 3.78, 45.50 → 1.62 (1.6195 rounded).
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).Charge("#1002", 45.50m, 1.62m).Build();
        var ledger = SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m), SettlementBuilder.Order("5002", "#1002", 45.50m));

        var result = _reconciler.Reconcile(contents, ledger, [], Now);

        Assert.All(result.Orders, o => Assert.Equal(OrderReconciliationStatus.Matched, o.Status));
        Assert.Equal(["5001", "5002"], result.Orders.Select(o => o.ChannelOrderId).Order());
        Assert.Empty(result.Exceptions);
        Assert.Equal(160.10m, contents.Summary.TotalAmount);
    }

    [Fact]
    public void Reconcile_feeAboveTheSchedule_varianceWithFeeDifference()
    {
        // Expected 2.9 % of 80.00 + 0.30 = 2.62; the channel took 3.50.
        var contents = new SettlementBuilder().Charge("#1004", 80.00m, 3.50m).Build();
        var ledger = SettlementBuilder.ByNumber(SettlementBuilder.Order("5004", "#1004", 80.00m));

        var result = _reconciler.Reconcile(contents, ledger, [], Now);

        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderReconciliationStatus.Variance, order.Status);
        Assert.Equal([SettlementExceptionReason.FeeDifference], order.Reasons);
        Assert.Equal(-2.62m, order.ExpectedFees);
        Assert.Equal(-0.88m, order.FeeVariance);
        Assert.Equal(0m, order.SalesVariance);
        var exception = Assert.Single(result.Exceptions);
        Assert.Equal((SettlementExceptionReason.FeeDifference, "#1004", -0.88m), (exception.Reason, exception.OrderRef, exception.Amount));
    }

    [Fact]
    public void Reconcile_refundForAnOrderNotInTheLedger_orderUnknownNamingTheRefund()
    {
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).Line("#998", SettlementKind.Refund, -30.00m, "refund").Build();
        var ledger = SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m));

        var result = _reconciler.Reconcile(contents, ledger, [], Now);

        var unknown = Assert.Single(result.Orders, o => o.OrderRef == "#998");
        Assert.Equal(OrderReconciliationStatus.OrderUnknown, unknown.Status);
        Assert.Null(unknown.ChannelOrderId);
        Assert.Equal(-30.00m, unknown.SalesVariance);
        var exception = Assert.Single(result.Exceptions);
        Assert.Equal(SettlementExceptionReason.OrderUnknown, exception.Reason);
        Assert.Equal(-30.00m, exception.Amount);
        Assert.Contains("Refund of -30.00", exception.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_shippedOrderAbsentPastTheDeadline_reportedUnsettled()
    {
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).Build();
        var ledger = SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m));
        var overdue = SettlementBuilder.Order("5007", "#1007", 64.00m, shippedAt: Now.AddDays(-15));
        var recent = SettlementBuilder.Order("5008", "#1008", 10.00m, shippedAt: Now.AddDays(-13));
        var settledHere = SettlementBuilder.Order("5001", "#1001", 120.00m, shippedAt: Now.AddDays(-20));
        var cancelled = SettlementBuilder.Order("5009", "#1009", 12.00m, status: OrderStatus.Cancelled, shippedAt: Now.AddDays(-30));

        var result = _reconciler.Reconcile(contents, ledger, [overdue, recent, settledHere, cancelled], Now);

        var unsettled = Assert.Single(result.Orders, o => o.Status == OrderReconciliationStatus.Unsettled);
        Assert.Equal(("#1007", "5007", 64.00m), (unsettled.OrderRef, unsettled.ChannelOrderId, unsettled.OrderTotal));
        var exception = Assert.Single(result.Exceptions);
        Assert.Equal((SettlementExceptionReason.OrderUnsettled, "#1007"), (exception.Reason, exception.OrderRef));
    }

    [Fact]
    public void Reconcile_unsettledCheckTurnedOff_overdueOrderNotReported()
    {
        var reconciler = new SettlementReconciler(new SettlementOptions { UnsettledAfterDays = 0 });
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).Build();
        var overdue = SettlementBuilder.Order("5007", "#1007", 64.00m, shippedAt: Now.AddDays(-40));

        var result = reconciler.Reconcile(contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m)), [overdue], Now);

        Assert.DoesNotContain(result.Orders, o => o.Status == OrderReconciliationStatus.Unsettled);
    }

    [Fact]
    public void Reconcile_linesNotSummingToTheStatedTotal_settlementExceptionWithTheDifference()
    {
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).StatedTotal(117.22m).Build();

        var result = _reconciler.Reconcile(contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m)), [], Now);

        var exception = Assert.Single(result.Exceptions);
        Assert.Equal(SettlementExceptionReason.LinesDoNotSumToTotal, exception.Reason);
        Assert.Null(exception.OrderRef);
        Assert.Equal(1.00m, exception.Amount);
    }

    [Fact]
    public void Reconcile_salesBelowTheOrderTotal_amountMismatch()
    {
        var contents = new SettlementBuilder().Charge("#1001", 100.00m, 3.20m).Build();

        var result = _reconciler.Reconcile(contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m)), [], Now);

        var order = Assert.Single(result.Orders);
        Assert.Contains(SettlementExceptionReason.AmountMismatch, order.Reasons);
        Assert.Equal(-20.00m, order.SalesVariance);
        Assert.Equal(120.00m, order.ExpectedSales);
    }

    [Fact]
    public void Reconcile_cancelledOrderPaidWithoutRefund_missingRefund()
    {
        var contents = new SettlementBuilder().Charge("#1003", 50.00m, 1.75m).Build();

        var result = _reconciler.Reconcile(contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5003", "#1003", 50.00m, status: OrderStatus.Cancelled)), [], Now);

        var order = Assert.Single(result.Orders);
        Assert.Equal([SettlementExceptionReason.MissingRefund], order.Reasons);
        Assert.Equal(50.00m, order.SalesVariance);
    }

    [Fact]
    public void Reconcile_cancelledOrderChargedAndRefunded_matched()
    {
        var contents = new SettlementBuilder().Charge("#1003", 50.00m, 1.75m).Line("#1003", SettlementKind.Refund, -50.00m, "refund").Build();

        var result = _reconciler.Reconcile(contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5003", "#1003", 50.00m, status: OrderStatus.Cancelled)), [], Now);

        Assert.Equal(OrderReconciliationStatus.Matched, Assert.Single(result.Orders).Status);
    }

    [Fact]
    public void Reconcile_marketplaceWithheldTheTax_matchedAgainstTotalLessTax()
    {
        // Amazon order 114-7654321-7654321 of the US sample: 24.99 + 2.00 tax − 2.50 promotion − 2.00 withheld tax.
        var contents = new SettlementBuilder("amazon", "11223344556")
            .Line("114-7654321-7654321", SettlementKind.Principal, 24.99m, "ItemPrice/Principal")
            .Line("114-7654321-7654321", SettlementKind.Tax, 2.00m, "ItemPrice/Tax")
            .Line("114-7654321-7654321", SettlementKind.Fee, -3.75m, "ItemFees/Commission")
            .Line("114-7654321-7654321", SettlementKind.Promotion, -2.50m, "Promotion/Principal")
            .Line("114-7654321-7654321", SettlementKind.Tax, -2.00m, "ItemWithheldTax/MarketplaceFacilitatorTax-Principal")
            .Build();
        var ledger = SettlementBuilder.ByNumber(SettlementBuilder.Order("114-7654321-7654321", null, 24.49m, tax: 2.00m, channel: "amazon"));

        var result = _reconciler.Reconcile(contents, ledger, [], Now);

        var order = Assert.Single(result.Orders);
        Assert.Equal(OrderReconciliationStatus.Matched, order.Status);
        Assert.Equal(22.49m, order.ExpectedSales);
        Assert.Null(order.ExpectedFees);
    }

    [Fact]
    public void Reconcile_laterRefundWithinTheOrderTotal_matchedAndAboveIt_refundExceedsOrder()
    {
        var contents = new SettlementBuilder().Line("#1001", SettlementKind.Refund, -20.00m, "refund").Line("#1002", SettlementKind.Refund, -60.00m, "refund").Build();
        var ledger = SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m), SettlementBuilder.Order("5002", "#1002", 45.50m));

        var result = _reconciler.Reconcile(contents, ledger, [], Now);

        Assert.Equal(OrderReconciliationStatus.Matched, Assert.Single(result.Orders, o => o.OrderRef == "#1001").Status);
        var exceeded = Assert.Single(result.Orders, o => o.OrderRef == "#1002");
        Assert.Equal([SettlementExceptionReason.RefundExceedsOrder], exceeded.Reasons);
        Assert.Equal(-14.50m, exceeded.SalesVariance);
    }

    [Fact]
    public void Reconcile_unknownAmountType_reportedAsUnmapped()
    {
        var contents = new SettlementBuilder().Charge("#1001", 120.00m, 3.78m).Line("#1001", SettlementKind.Other, 5.00m, "shop_cash_credit").Build();

        var result = _reconciler.Reconcile(contents, SettlementBuilder.ByNumber(SettlementBuilder.Order("5001", "#1001", 120.00m)), [], Now);

        var exception = Assert.Single(result.Exceptions);
        Assert.Equal((SettlementExceptionReason.UnmappedAmountType, 5.00m), (exception.Reason, exception.Amount));
        Assert.Contains("shop_cash_credit", exception.Detail, StringComparison.Ordinal);
    }
}
