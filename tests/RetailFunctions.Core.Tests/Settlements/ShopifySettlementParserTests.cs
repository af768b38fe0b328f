using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Settlements;

public sealed class ShopifySettlementParserTests
{
    internal const string Header =
        "Transaction Date,Type,Order,Card Brand,Payout Status,Payout Date,Payout ID,Available On,Amount,Fee,Net,Currency";

    [Fact]
    public async Task ParseAsync_payoutSample_totalsMatchHandCheckedFigures()
    {
        // Arrange
        var content = SampleFiles.Settlement("shopify", "payout-87654321.csv");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("shopify", content);

        // Assert
        var summary = parsed.Summary;
        Assert.Equal("87654321", summary.SettlementId);
        Assert.Equal("shopify", summary.Channel);
        Assert.Equal("USD", summary.Currency);
        // 7 transactions plus 4 fee lines (charges #1001, #1002, #1004 and the dispute); the payout row is the total.
        Assert.Equal(11, summary.LineCount);
        Assert.Equal(122.48m, summary.TotalAmount);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero), summary.DepositDate);
        Assert.Equal(245.50m, summary.TotalsByKind[SettlementKind.Principal]);
        Assert.Equal(-23.02m, summary.TotalsByKind[SettlementKind.Fee]);
        Assert.Equal(-30.00m, summary.TotalsByKind[SettlementKind.Refund]);
        Assert.Equal(-75.00m, summary.TotalsByKind[SettlementKind.Adjustment]);
        Assert.Equal(5.00m, summary.TotalsByKind[SettlementKind.Other]);
        Assert.True(summary.IsBalanced);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 10, 15, 22, TimeSpan.FromHours(-5)), summary.PeriodStart);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 16, 20, 45, TimeSpan.FromHours(-5)), summary.PeriodEnd);
    }

    [Fact]
    public async Task ParseAsync_chargeWithFee_splitsIntoPrincipalAndNegativeFeeLine()
    {
        // Arrange
        var content = SampleFiles.Settlement("shopify", "payout-87654321.csv");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("shopify", content);

        // Assert
        var order = parsed.Lines.Where(line => line.OrderId == "#1004").ToList();
        Assert.Equal(2, order.Count);
        Assert.Equal((SettlementKind.Principal, 80.00m, "charge"), (order[0].Kind, order[0].Amount, order[0].RawType));
        Assert.Equal((SettlementKind.Fee, -2.62m, "charge/fee"), (order[1].Kind, order[1].Amount, order[1].RawType));
        Assert.All(order, line => Assert.Equal("87654321", line.SettlementId));
    }

    [Fact]
    public async Task ParseAsync_unknownTransactionType_isOtherAndReported()
    {
        // Arrange
        var content = SampleFiles.Settlement("shopify", "payout-87654321.csv");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("shopify", content);

        // Assert
        Assert.Equal(1L, parsed.Summary.UnmappedTypes["shop_cash_credit"]);
        Assert.Equal("#1003", Assert.Single(parsed.Lines, line => line.Kind == SettlementKind.Other).OrderId);
    }

    [Fact]
    public async Task ParseAsync_noPayoutRow_totalIsSumOfNet()
    {
        // Arrange
        var content = $"{Header}\n" +
            "2024-03-04 10:15:22 -0500,charge,#1001,visa,paid,2024-03-06,555,2024-03-06,10.00,0.59,9.41,CAD\n" +
            "2024-03-04 11:00:00 -0500,refund,#1000,visa,paid,2024-03-06,555,2024-03-06,-4.00,0.00,-4.00,CAD\n";

        // Act
        var parsed = await ParsedSettlement.ParseAsync("shopify", content);

        // Assert
        Assert.Equal(5.41m, parsed.Summary.TotalAmount);
        Assert.Equal(3, parsed.Summary.LineCount);
        Assert.Equal("CAD", parsed.Summary.Currency);
    }

    [Fact]
    public async Task ParseAsync_netNotAmountMinusFee_failsNamingTheLine()
    {
        // Arrange
        var content = $"{Header}\n" +
            "2024-03-04 10:15:22 -0500,charge,#1001,visa,paid,2024-03-06,555,2024-03-06,10.00,0.59,9.41,USD\n" +
            "2024-03-04 10:16:22 -0500,charge,#1002,visa,paid,2024-03-06,555,2024-03-06,10.00,0.59,9.50,USD\n";

        // Act
        var exception = await ParsedSettlement.MalformedAsync("shopify", content);

        // Assert
        Assert.Equal(3, exception.LineNumber);
        Assert.Contains("'Net'", exception.Reason);
    }

    [Fact]
    public async Task ParseAsync_secondPayoutId_failsNamingTheLine()
    {
        // Arrange
        var content = $"{Header}\n" +
            "2024-03-04 10:15:22 -0500,charge,#1001,visa,paid,2024-03-06,555,2024-03-06,10.00,0.59,9.41,USD\n" +
            "2024-03-05 10:15:22 -0500,charge,#1002,visa,paid,2024-03-07,556,2024-03-07,10.00,0.59,9.41,USD\n";

        // Act
        var exception = await ParsedSettlement.MalformedAsync("shopify", content);

        // Assert
        Assert.Equal(3, exception.LineNumber);
        Assert.Contains("one payout", exception.Reason);
    }

    [Fact]
    public async Task ParseAsync_pendingTransactionWithoutPayoutId_failsNamingTheLine()
    {
        // Arrange
        var content = $"{Header}\n" +
            "2024-03-04 10:15:22 -0500,charge,#1001,visa,pending,,,2024-03-06,10.00,0.59,9.41,USD\n";

        // Act
        var exception = await ParsedSettlement.MalformedAsync("shopify", content);

        // Assert
        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("'Payout ID' is empty", exception.Reason);
    }
}
