using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Settlements;

public sealed class AmazonSettlementParserTests
{
    internal const string Header =
        "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\t" +
        "order-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\t" +
        "fulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\t" +
        "sku\tquantity-purchased\tpromotion-id";

    internal const string Summary =
        "900\t2024-03-01 07:00:00 UTC\t2024-03-15 07:00:00 UTC\t2024-03-17 07:00:00 UTC\t10.00\tUSD\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

    [Fact]
    public async Task ParseAsync_usSample_totalsMatchHandCheckedFigures()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-us.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var summary = parsed.Summary;
        Assert.Equal("11223344556", summary.SettlementId);
        Assert.Equal("USD", summary.Currency);
        Assert.Equal(21, summary.LineCount);
        Assert.Equal(14.07m, summary.TotalAmount);
        Assert.Equal(new DateTimeOffset(2024, 3, 17, 7, 0, 0, TimeSpan.Zero), summary.DepositDate);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero), summary.PeriodStart);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 7, 0, 0, TimeSpan.Zero), summary.PeriodEnd);
        // Principal 39.98 + 24.99; tax 3.20 + 2.00 - 2.00 withheld; fees -6.90 -7.44 -3.75 +3.00 -0.60 -12.34 -8.21;
        // refund -19.99 -1.60; reserve +50.00 -60.00; promotions -5.99 -2.50; reimbursement +15.00; unknown +1.23.
        Assert.Equal(64.97m, summary.TotalsByKind[SettlementKind.Principal]);
        Assert.Equal(3.20m, summary.TotalsByKind[SettlementKind.Tax]);
        Assert.Equal(5.99m, summary.TotalsByKind[SettlementKind.Shipping]);
        Assert.Equal(-8.49m, summary.TotalsByKind[SettlementKind.Promotion]);
        Assert.Equal(-36.24m, summary.TotalsByKind[SettlementKind.Fee]);
        Assert.Equal(-21.59m, summary.TotalsByKind[SettlementKind.Refund]);
        Assert.Equal(-10.00m, summary.TotalsByKind[SettlementKind.Reserve]);
        Assert.Equal(15.00m, summary.TotalsByKind[SettlementKind.Adjustment]);
        Assert.Equal(1.23m, summary.TotalsByKind[SettlementKind.Other]);
        Assert.Equal(14.07m, summary.LinesTotal);
        Assert.True(summary.IsBalanced);
    }

    [Fact]
    public async Task ParseAsync_orderRows_carryOrderSkuQuantityAndPostedAt()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-us.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var commission = parsed.Lines[3];
        Assert.Equal("113-1234567-1234567", commission.OrderId);
        Assert.Equal(SettlementKind.Fee, commission.Kind);
        Assert.Equal("ItemFees/Commission", commission.RawType);
        Assert.Equal(-6.90m, commission.Amount);
        Assert.Equal("SKU-1001", commission.Sku);
        Assert.Equal(2, commission.Quantity);
        Assert.Equal("USD", commission.Currency);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 18, 22, 41, TimeSpan.Zero), commission.PostedAt);
    }

    [Fact]
    public async Task ParseAsync_refundTransaction_mapsItemPriceToRefundAndFeesToFee()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-us.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var refund = parsed.Lines.Where(line => line.OrderId == "112-1111111-2222222").ToList();
        Assert.Equal(
            [SettlementKind.Refund, SettlementKind.Refund, SettlementKind.Fee, SettlementKind.Fee],
            refund.Select(line => line.Kind));
        Assert.All(refund, line => Assert.Null(line.Quantity));
    }

    [Fact]
    public async Task ParseAsync_fbaShipmentIdInOrderId_isShipmentNotOrder()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-us.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var inbound = Assert.Single(parsed.Lines, line => line.RawType == "other-transaction/FBA Inbound Transportation Fee");
        Assert.Null(inbound.OrderId);
        Assert.Equal("FBA15ABCD123", inbound.ShipmentId);
        Assert.Equal(SettlementKind.Fee, inbound.Kind);
    }

    [Fact]
    public async Task ParseAsync_rowsWithoutOrderId_areKeptWithNullOrder()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-us.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var reversal = Assert.Single(parsed.Lines, line => line.RawType == "other-transaction/REVERSAL_REIMBURSEMENT");
        Assert.Null(reversal.OrderId);
        Assert.Equal(SettlementKind.Adjustment, reversal.Kind);
        Assert.Equal(15.00m, reversal.Amount);
    }

    [Fact]
    public async Task ParseAsync_unknownAmountDescription_isOtherAndReportedWithRawType()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-us.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var unknown = Assert.Single(parsed.Lines, line => line.Kind == SettlementKind.Other);
        Assert.Equal("other-transaction/NewProgramCredit", unknown.RawType);
        Assert.Equal(1L, Assert.Single(parsed.Summary.UnmappedTypes, pair => pair.Key == unknown.RawType).Value);
    }

    [Fact]
    public async Task ParseAsync_euSampleWithBomCrlfDottedDatesAndCommaDecimals_parses()
    {
        // Arrange
        var content = SampleFiles.Settlement("amazon", "settlement-de.txt");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var summary = parsed.Summary;
        Assert.Equal("22334455667", summary.SettlementId);
        Assert.Equal("EUR", summary.Currency);
        Assert.Equal(5, summary.LineCount);
        Assert.Equal(21.35m, summary.TotalAmount);
        Assert.Equal(new DateTimeOffset(2024, 3, 17, 7, 0, 0, TimeSpan.Zero), summary.DepositDate);
        // 29.99 principal, 5.70 tax, -4.50 - 3.84 - 6.00 fees.
        Assert.Equal(-14.34m, summary.TotalsByKind[SettlementKind.Fee]);
        Assert.True(summary.IsBalanced);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)), parsed.Lines[0].PostedAt);
    }

    [Fact]
    public async Task ParseAsync_columnsInAnotherOrder_areFoundByName()
    {
        // Arrange
        const string content =
            "amount\tcurrency\tsettlement-id\tamount-type\tamount-description\ttransaction-type\torder-id\tposted-date\t" +
            "settlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\n" +
            "\tGBP\t77\t\t\t\t\t\t2024-03-01T07:00:00+00:00\t2024-03-15T07:00:00+00:00\t2024-03-17T07:00:00+00:00\t5.00\n" +
            "5.00\t\t77\tItemPrice\tPrincipal\tOrder\t205-0000000-0000001\t2024-03-02\t\t\t\t\n";

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        var line = Assert.Single(parsed.Lines);
        Assert.Equal(SettlementKind.Principal, line.Kind);
        Assert.Equal("GBP", line.Currency);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), line.PostedAt);
        Assert.True(parsed.Summary.IsBalanced);
    }

    [Fact]
    public async Task ParseAsync_linesNotSummingToTotal_reportsDifference()
    {
        // Arrange
        var content = $"{Header}\n{Summary}\n" +
            "900\t\t\t\t\tUSD\tOrder\t111-0000000-0000001\t\t\t\t\tItemPrice\tPrincipal\t9.50\t\t2024-03-02\t\t\t\t\tSKU-1\t1\t\n";

        // Act
        var parsed = await ParsedSettlement.ParseAsync("amazon", content);

        // Assert
        Assert.Equal(9.50m, parsed.Summary.LinesTotal);
        Assert.Equal(0.50m, parsed.Summary.Difference);
        Assert.False(parsed.Summary.IsBalanced);
    }
}
