using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Orders;

public sealed class PersonalDataRedactionTests
{
    [Fact]
    public void CustomerToString_withValues_printsNoValues()
    {
        // Arrange
        var customer = new Customer("Avery Example", "avery.example@example.com", "+15555550123");

        // Act
        var text = customer.ToString();

        // Assert
        Assert.Equal("Customer { *redacted* }", text);
    }

    [Fact]
    public void PostalAddressToString_withValues_printsNoValues()
    {
        // Arrange
        var address = new PostalAddress("Avery Example", "123 Example Street", "Apt 4B", "Brooklyn", "NY", "11201", "US", "+15555550123");

        // Act
        var text = address.ToString();

        // Assert
        Assert.Equal("PostalAddress { *redacted* }", text);
    }

    [Fact]
    public void CanonicalOrderToString_mappedSample_redactsNestedPersonalData()
    {
        // Arrange
        var order = ShopifyOrderMapper.Map(SampleFiles.Shopify("orders-create.json"));

        // Act
        var text = order.ToString();

        // Assert
        Assert.Contains("5917204381726", text, StringComparison.Ordinal);
        Assert.Contains("Customer { *redacted* }", text, StringComparison.Ordinal);
        Assert.Contains("PostalAddress { *redacted* }", text, StringComparison.Ordinal);
        foreach (var personal in new[] { "Avery", "example.com", "5555550123", "Example Street", "11201", "Brooklyn" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void CustomerEquality_sameValues_isStillValueBased()
    {
        // Arrange
        var first = new Customer("Avery Example", "avery.example@example.com", null);
        var second = new Customer("Avery Example", "avery.example@example.com", null);

        // Act
        var equal = first == second;

        // Assert
        Assert.True(equal);
    }
}
