using System.Text;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Shopify;

public sealed class ShopifyOrderMapperTests
{
    [Fact]
    public void Map_ordersCreateSample_mapsOrderHeader()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-create.json");

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal("shopify", order.Channel);
        Assert.Equal("5917204381726", order.ChannelOrderId);
        Assert.Equal("#1001", order.OrderNumber);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 15, 42, TimeSpan.FromHours(-4)), order.PlacedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 15, 44, TimeSpan.FromHours(-4)), order.UpdatedAt);
        Assert.Equal("paid", order.FinancialStatus);
        Assert.Null(order.CancelledAt);
    }

    [Fact]
    public void Map_ordersCreateSample_mapsLinesWithExactAmounts()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-create.json");

        // Act
        var lines = ShopifyOrderMapper.Map(body).Lines;

        // Assert
        Assert.Equal(
            [
                new OrderLine("14820736512318", "SKU-1042", 2, 49.00m, 9.80m, 7.50m, "Merino Crew Sweater"),
                new OrderLine("14820736545086", "SKU-2310", 1, 24.50m, 2.45m, 1.87m, "Waxed Canvas Tote"),
            ],
            lines);
    }

    [Fact]
    public void Map_ordersCreateSample_mapsShippingAndTotals()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-create.json");

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal(new ShippingCharge(8.00m, 0m, 0.68m, "Standard Shipping"), order.Shipping);
        Assert.Equal(new OrderTotals(110.25m, 12.25m, 10.05m, 8.00m, 128.30m), order.Totals);
    }

    [Fact]
    public void Map_ordersCreateSample_mapsCustomerAndShippingAddress()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-create.json");

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal(new Customer("Avery Example", "avery.example@example.com", "+15555550123"), order.Customer);
        Assert.Equal(
            new PostalAddress("Avery Example", "123 Example Street", "Apt 4B", "Brooklyn", "NY", "11201", "US", "+15555550123"),
            order.ShippingAddress);
    }

    [Fact]
    public void Map_ordersCancelledSample_mapsCancellation()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-cancelled.json");

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal("5917209870398", order.ChannelOrderId);
        Assert.Equal("#1002", order.OrderNumber);
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 9, 2, 10, TimeSpan.FromHours(-4)), order.CancelledAt);
        Assert.Equal("voided", order.FinancialStatus);
        Assert.Equal(new OrderTotals(41.59m, 2.40m, 3.53m, 5.00m, 50.12m), order.Totals);
        Assert.Equal(new ShippingCharge(5.00m, 0m, 0m, "Economy"), order.Shipping);
    }

    [Fact]
    public void Map_ordersCancelledSample_usesDocumentedFallbacks()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-cancelled.json");

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal(2.40m, order.Lines[1].Discount);
        Assert.Equal(1.83m, order.Lines[1].Tax);
        Assert.Equal(new Customer("Jordan Sample", "jordan.sample@example.net", "+15555550188"), order.Customer);
        Assert.Equal("Oregon", order.ShippingAddress?.Region);
        Assert.Null(order.ShippingAddress?.Line2);
    }

    [Fact]
    public void Map_sampleWithMissingSku_throwsNamingLinePath()
    {
        // Arrange
        var body = SampleFiles.Shopify("orders-create-missing-sku.json");

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal("line_items[1].sku", exception.Field);
        Assert.Contains("line_items[1].sku", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("currency")]
    [InlineData("line_items")]
    [InlineData("line_items[2].sku")]
    [InlineData("line_items[2].quantity")]
    [InlineData("line_items[2].price")]
    [InlineData("created_at")]
    public void Map_requiredFieldMissing_throwsNamingField(string path)
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal(lineCount: 3).With(path, null).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal(path, exception.Field);
        Assert.Contains($"'{path}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "null")]
    [InlineData("id", "\"abc\"")]
    [InlineData("id", "12.5")]
    [InlineData("id", "0")]
    [InlineData("currency", "\"US\"")]
    [InlineData("currency", "840")]
    [InlineData("line_items", "[]")]
    [InlineData("line_items", "{}")]
    [InlineData("line_items[1]", "\"SKU-1500\"")]
    [InlineData("line_items[1].sku", "null")]
    [InlineData("line_items[1].sku", "\"\"")]
    [InlineData("line_items[1].sku", "\"   \"")]
    [InlineData("line_items[1].quantity", "0")]
    [InlineData("line_items[1].quantity", "-1")]
    [InlineData("line_items[1].quantity", "1.5")]
    [InlineData("line_items[1].quantity", "\"2\"")]
    [InlineData("line_items[1].price", "\"abc\"")]
    [InlineData("line_items[1].price", "\"19,99\"")]
    [InlineData("line_items[1].price", "\"1e3\"")]
    [InlineData("line_items[1].price", "\"-1.00\"")]
    [InlineData("line_items[1].price", "true")]
    [InlineData("created_at", "\"yesterday\"")]
    public void Map_requiredFieldInvalid_throwsNamingField(string path, string rawJson)
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal(lineCount: 2).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal(path, exception.Field);
    }

    [Theory]
    [InlineData("line_items[0].discount_allocations", """[{"amount":"1.00"},{"amount":"x"}]""", "line_items[0].discount_allocations[1].amount")]
    [InlineData("line_items[0].tax_lines", """[{"title":"State"}]""", "line_items[0].tax_lines[0].price")]
    [InlineData("shipping_lines", """[{"title":"Standard"}]""", "shipping_lines[0].price")]
    [InlineData("shipping_lines", """[{"price":"5.00","discounted_price":"6.00"}]""", "shipping_lines[0].discounted_price")]
    [InlineData("total_shipping_price_set", """{"shop_money":{"amount":"free"}}""", "total_shipping_price_set.shop_money.amount")]
    [InlineData("customer", """{"email":42}""", "customer.email")]
    [InlineData("shipping_address", "\"123 Example Street\"", "shipping_address")]
    public void Map_optionalFieldInvalid_throwsNamingNestedPath(string path, string rawJson, string expectedField)
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal().With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Theory]
    [InlineData("\"19.99\"")]
    [InlineData("19.99")]
    [InlineData("19.990")]
    public void Map_priceAsStringOrNumber_parsesSameDecimal(string rawPrice)
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal().With("line_items[0].price", rawPrice).ToUtf8();

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal(19.99m, order.Lines[0].UnitPrice);
    }

    [Fact]
    public void Map_amountsThatAreInexactAsDoubles_sumsExactly()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal()
            .With("line_items[0].tax_lines", """[{"price":"0.1"},{"price":0.2}]""")
            .ToUtf8();

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal(0.3m, order.Lines[0].Tax);
    }

    [Fact]
    public void Map_unknownFields_areIgnored()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal()
            .With("future_field", """{"nested":[1,2,{"deep":true}]}""")
            .With("line_items[0].gift_wrap", "\"yes\"")
            .ToUtf8();

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal("SKU-1500", Assert.Single(order.Lines).Sku);
    }

    [Fact]
    public void Map_minimalOrder_derivesTotalsFromLines()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal(lineCount: 2)
            .With("line_items[0].quantity", "3")
            .With("line_items[0].total_discount", "\"5.00\"")
            .With("line_items[1].tax_lines", """[{"price":"1.60"}]""")
            .With("shipping_lines", """[{"price":"6.00","discounted_price":"4.50","tax_lines":[{"price":"0.40"}]}]""")
            .ToUtf8();

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Equal(new ShippingCharge(6.00m, 1.50m, 0.40m, null), order.Shipping);
        Assert.Equal(new OrderTotals(74.96m, 6.50m, 2.00m, 6.00m, 81.46m), order.Totals);
    }

    [Fact]
    public void Map_taxesIncludedWithoutTotals_doesNotAddTaxTwice()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal()
            .With("taxes_included", "true")
            .With("line_items[0].tax_lines", """[{"price":"3.33"}]""")
            .ToUtf8();

        // Act
        var totals = ShopifyOrderMapper.Map(body).Totals;

        // Assert
        Assert.Equal(new OrderTotals(19.99m, 0m, 3.33m, 0m, 19.99m), totals);
    }

    [Fact]
    public void Map_shippingLineWithDiscountAllocations_prefersAllocations()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal()
            .With("shipping_lines", """[{"price":"8.00","discounted_price":"0.00","discount_allocations":[{"amount":"8.00"}],"title":"Free over $100"}]""")
            .ToUtf8();

        // Act
        var shipping = ShopifyOrderMapper.Map(body).Shipping;

        // Assert
        Assert.Equal(new ShippingCharge(8.00m, 8.00m, 0m, "Free over $100"), shipping);
    }

    [Fact]
    public void Map_withoutCustomerObject_usesTopLevelEmailAndPhone()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal()
            .With("email", "\"guest@example.com\"")
            .With("phone", "\"+15555550100\"")
            .ToUtf8();

        // Act
        var customer = ShopifyOrderMapper.Map(body).Customer;

        // Assert
        Assert.Equal(new Customer(null, "guest@example.com", "+15555550100"), customer);
    }

    [Fact]
    public void Map_withoutAnyContactDetails_hasNoCustomerOrAddress()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal().With("customer", "null").ToUtf8();

        // Act
        var order = ShopifyOrderMapper.Map(body);

        // Assert
        Assert.Null(order.Customer);
        Assert.Null(order.ShippingAddress);
    }

    [Fact]
    public void Map_lineWithoutId_usesOneBasedPosition()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal(lineCount: 2).With("line_items[1].id", null).ToUtf8();

        // Act
        var lines = ShopifyOrderMapper.Map(body).Lines;

        // Assert
        Assert.Equal("2", lines[1].LineId);
    }

    [Fact]
    public void Map_timestampWithoutOffset_isReadAsUtc()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal().With("created_at", "\"2025-03-14T14:15:42\"").ToUtf8();

        // Act
        var placedAt = ShopifyOrderMapper.Map(body).PlacedAt;

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 14, 15, 42, TimeSpan.Zero), placedAt);
    }

    [Fact]
    public void Map_lowercaseCurrency_isNormalised()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal().With("currency", "\"usd\"").ToUtf8();

        // Act
        var currency = ShopifyOrderMapper.Map(body).Currency;

        // Assert
        Assert.Equal("USD", currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"id\":1,")]
    [InlineData("[]")]
    [InlineData("{\"id\":1} trailing")]
    public void Map_notAJsonObject_throwsNamingDocument(string text)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(text);

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal("$", exception.Field);
    }

    [Fact]
    public void Map_duplicateProperty_throws()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(
            """{"id":1,"id":2,"currency":"USD","created_at":"2025-03-14T10:15:42Z","line_items":[{"sku":"SKU-1500","quantity":1,"price":"1.00"}]}""");

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal("$", exception.Field);
    }

    [Fact]
    public void Map_invalidPersonalField_doesNotEchoValueInMessage()
    {
        // Arrange
        var body = ShopifyOrderJson.Minimal().With("shipping_address", """{"zip":11201}""").ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.Map(body));

        // Assert
        Assert.Equal("shipping_address.zip", exception.Field);
        Assert.DoesNotContain("11201", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders-create.json", "5917204381726")]
    [InlineData("orders-cancelled.json", "5917209870398")]
    [InlineData("orders-create-missing-sku.json", "5917213356094")]
    public void ReadOrderId_sample_returnsSameIdAsMap(string fileName, string expectedId)
    {
        // Arrange
        var body = SampleFiles.Shopify(fileName);

        // Act
        var id = ShopifyOrderMapper.ReadOrderId(body);

        // Assert
        Assert.Equal(expectedId, id);
    }

    [Theory]
    [InlineData("""{"id":"5917204381726"}""")]
    [InlineData("""{"name":"#1001","line_items":[{"id":1}],"id":5917204381726}""")]
    public void ReadOrderId_idAnywhereAtRoot_returnsDigits(string json)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(json);

        // Act
        var id = ShopifyOrderMapper.ReadOrderId(body);

        // Assert
        Assert.Equal("5917204381726", id);
    }

    [Theory]
    [InlineData("""{"name":"#1001","line_items":[{"id":1}]}""")]
    [InlineData("""{"id":null}""")]
    [InlineData("""{"id":-4}""")]
    [InlineData("""{"id":"gid://shopify/Order/1"}""")]
    [InlineData("""{"id":{"value":1}}""")]
    [InlineData("""{"id":1,"id":2}""")]
    public void ReadOrderId_missingOrInvalidId_throwsNamingId(string json)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(json);

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.ReadOrderId(body));

        // Assert
        Assert.Equal("id", exception.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"id":1""")]
    [InlineData("""{"id":1}{}""")]
    public void ReadOrderId_notAJsonObject_throwsNamingDocument(string text)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(text);

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => ShopifyOrderMapper.ReadOrderId(body));

        // Assert
        Assert.Equal("$", exception.Field);
    }
}
