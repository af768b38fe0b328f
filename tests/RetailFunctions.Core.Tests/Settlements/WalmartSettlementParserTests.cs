using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Settlements;

public sealed class WalmartSettlementParserTests
{
    internal const string Header =
        "Period Start Date,Period End Date,Total Payable,Currency,Transaction Key,Transaction Posted Timestamp," +
        "Transaction Type,Transaction Description,Customer Order #,Amount,Amount Type,Ship Qty,Partner Item Id";

    internal const string Summary = "02/03/2024,02/16/2024,10.00,USD,,02/20/2024,PaymentSummary,Deposited in account,,,,,";

    [Fact]
    public async Task ParseAsync_reconSample_totalsMatchHandCheckedFigures()
    {
        // Arrange
        var content = SampleFiles.Settlement("walmart", "recon-20240216.csv");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("walmart", content);

        // Assert
        var summary = parsed.Summary;
        Assert.Equal("20240203-20240216", summary.SettlementId);
        Assert.Equal("USD", summary.Currency);
        Assert.Equal(14, summary.LineCount);
        Assert.Equal(47.74m, summary.TotalAmount);
        Assert.Equal(new DateTimeOffset(2024, 2, 20, 0, 0, 0, TimeSpan.Zero), summary.DepositDate);
        // Principal 49.99 + 19.98; tax 4.12 + 0.49 - 4.12 withheld; fees -7.50 - 3.00 + 3.75 - 8.40; refund -25.00 - 2.06.
        Assert.Equal(69.97m, summary.TotalsByKind[SettlementKind.Principal]);
        Assert.Equal(0.49m, summary.TotalsByKind[SettlementKind.Tax]);
        Assert.Equal(5.99m, summary.TotalsByKind[SettlementKind.Shipping]);
        Assert.Equal(-15.15m, summary.TotalsByKind[SettlementKind.Fee]);
        Assert.Equal(-27.06m, summary.TotalsByKind[SettlementKind.Refund]);
        Assert.Equal(12.00m, summary.TotalsByKind[SettlementKind.Adjustment]);
        Assert.Equal(1.50m, summary.TotalsByKind[SettlementKind.Other]);
        Assert.True(summary.IsBalanced);
    }

    [Fact]
    public async Task ParseAsync_saleRow_carriesOrderItemAndQuantity()
    {
        // Arrange
        var content = SampleFiles.Settlement("walmart", "recon-20240216.csv");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("walmart", content);

        // Assert
        var line = parsed.Lines.Single(l => l.OrderId == "200011223355" && l.Kind == SettlementKind.Principal);
        Assert.Equal(("SKU-3002", 2, 19.98m), (line.Sku, line.Quantity, line.Amount));
        Assert.Equal("SALE/Product Price", line.RawType);
        Assert.Equal(new DateTimeOffset(2024, 2, 7, 0, 0, 0, TimeSpan.Zero), line.PostedAt);
    }

    [Fact]
    public async Task ParseAsync_unknownAmountType_isOtherAndReported()
    {
        // Arrange
        var content = SampleFiles.Settlement("walmart", "recon-20240216.csv");

        // Act
        var parsed = await ParsedSettlement.ParseAsync("walmart", content);

        // Assert
        Assert.Equal(1L, Assert.Single(parsed.Summary.UnmappedTypes).Value);
        Assert.Equal("SALE/Walmart Funded Savings", Assert.Single(parsed.Summary.UnmappedTypes).Key);
    }

    [Fact]
    public async Task ParseAsync_sameOrDifferentPeriod_derivesSettlementIdFromPeriodOnly()
    {
        // Arrange
        var row = "02/03/2024,02/16/2024,,USD,k1,02/05/2024,SALE,Purchase,2001,10.00,Product Price,1,SKU-1\n";
        var corrected = $"{Header}\n{Summary.Replace("10.00", "10.01", StringComparison.Ordinal)}\n{row}";
        var nextPeriod = $"{Header}\n{Summary.Replace("02/03/2024,02/16/2024", "02/17/2024,03/01/2024", StringComparison.Ordinal)}\n{row}";

        // Act
        var original = await ParsedSettlement.ParseAsync("walmart", $"{Header}\n{Summary}\n{row}");
        var correction = await ParsedSettlement.ParseAsync("walmart", corrected);
        var next = await ParsedSettlement.ParseAsync("walmart", nextPeriod);

        // Assert
        Assert.Equal(original.Summary.SettlementId, correction.Summary.SettlementId);
        Assert.Equal("20240217-20240301", next.Summary.SettlementId);
    }

    [Fact]
    public async Task ParseAsync_firstRowNotPaymentSummary_failsOnLineTwo()
    {
        // Arrange
        var content = $"{Header}\n02/03/2024,02/16/2024,,USD,k1,02/05/2024,SALE,Purchase,2001,10.00,Product Price,1,SKU-1\n";

        // Act
        var exception = await ParsedSettlement.MalformedAsync("walmart", content);

        // Assert
        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("PaymentSummary", exception.Reason);
    }
}
