using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Pos;

public sealed class PosSaleMapperTests
{
    private static readonly byte[] Sale = SampleFiles.Pos("store-sale.json");

    [Fact]
    public void Map_storeSaleSample_isPaidAndFulfilledAtTheCounter()
    {
        // Act
        var order = PosSaleMapper.Map(Sale);

        // Assert
        Assert.Equal("pos", order.Channel);
        Assert.Equal("STORE-001-R02-000184", order.ChannelOrderId);
        Assert.Equal("R02-000184", order.OrderNumber);
        Assert.Equal("USD", order.Currency);
        Assert.Equal("paid", order.FinancialStatus);
        Assert.Equal("STORE-001", order.FulfilledAtStore);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 15, 42, 10, TimeSpan.FromHours(-4)), order.PlacedAt);
        Assert.Null(order.ShippingAddress);
        Assert.Null(order.Customer);
        Assert.Null(order.CancelledAt);
        Assert.Equal(ShippingCharge.None, order.Shipping);
    }

    [Fact]
    public void Map_storeSaleSample_mapsLinesAndTotals()
    {
        // Act
        var order = PosSaleMapper.Map(Sale);

        // Assert
        Assert.Equal(
            [
                new OrderLine("1", "SKU-1042", 2, 49.00m, 9.80m, 7.06m, "Merino Crew Sweater"),
                new OrderLine("2", "SKU-3105", 1, 12.00m, 0m, 0.96m, "Cotton Beanie"),
            ],
            order.Lines);
        Assert.Equal(new OrderTotals(100.20m, 9.80m, 8.02m, 0m, 108.22m), order.Totals);
    }

    [Fact]
    public void Map_taxIncludedInPrices_totalExcludesTaxOnTop()
    {
        // Arrange
        var body = JsonEdit.Load(Sale)
            .With("taxIncluded", "true")
            .With("total", "100.20")
            .With("changeGiven", "9.80")
            .ToUtf8();

        // Act
        var totals = PosSaleMapper.Map(body).Totals;

        // Assert
        Assert.Equal(new OrderTotals(100.20m, 9.80m, 8.02m, 0m, 100.20m), totals);
    }

    [Fact]
    public void Map_lineWithoutLineId_numbersItFromOne()
    {
        // Arrange
        var body = JsonEdit.Load(Sale).With("lines[1].lineId", null).ToUtf8();

        // Act
        var lines = PosSaleMapper.Map(body).Lines;

        // Assert
        Assert.Equal("2", lines[1].LineId);
    }

    [Theory]
    [InlineData("storeId", null, "storeId")]
    [InlineData("transactionId", null, "transactionId")]
    [InlineData("occurredAt", null, "occurredAt")]
    [InlineData("occurredAt", "\"at noon\"", "occurredAt")]
    [InlineData("currency", "\"dollar\"", "currency")]
    [InlineData("lines", "[]", "lines")]
    [InlineData("lines[1].sku", null, "lines[1].sku")]
    [InlineData("lines[1].quantity", "0", "lines[1].quantity")]
    [InlineData("lines[1].unitPrice", "\"12,00\"", "lines[1].unitPrice")]
    [InlineData("lines[1].discount", "12.01", "lines[1].discount")]
    [InlineData("total", null, "total")]
    [InlineData("total", "108.23", "total")]
    [InlineData("tenders", null, "tenders")]
    [InlineData("tenders[1].amount", "29.99", "tenders")]
    [InlineData("changeGiven", null, "tenders")]
    [InlineData("type", "\"return\"", "type")]
    public void Map_invalidField_throwsNamingTheField(string path, string? rawJson, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(Sale).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => PosSaleMapper.Map(body));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }
}
