using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Orders;

public sealed class OrderMappingExceptionTests
{
    [Fact]
    public void Constructor_fieldOnly_reportsFieldAsMissing()
    {
        // Arrange
        const string field = "line_items[2].sku";

        // Act
        var exception = new OrderMappingException(field);

        // Assert
        Assert.Equal(field, exception.Field);
        Assert.Equal("Order field 'line_items[2].sku' is missing.", exception.Message);
    }

    [Fact]
    public void Constructor_withProblem_namesFieldAndProblem()
    {
        // Arrange
        const string field = "line_items[0].quantity";

        // Act
        var exception = new OrderMappingException(field, "must be a positive integer");

        // Assert
        Assert.Equal("Order field 'line_items[0].quantity' must be a positive integer.", exception.Message);
    }
}
