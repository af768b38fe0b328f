using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Tests.Settlements;

public sealed class SettlementAmountTests
{
    [Theory]
    [InlineData("-12.34", "-12.34")]
    [InlineData("12,34", "12.34")]
    [InlineData("-0,05", "-0.05")]
    [InlineData(" 100 ", "100")]
    [InlineData("1234567.891", "1234567.891")]
    public void TryParse_settlementAmounts_keepsExactDecimal(string text, string expected)
    {
        // Arrange
        var expectedValue = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var parsed = SettlementAmount.TryParse(text, out var value);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expectedValue, value);
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,234.56")]
    [InlineData("1,234,56")]
    [InlineData("12.34.5")]
    [InlineData("$12.34")]
    [InlineData("1e3")]
    public void TryParse_ambiguousOrInvalid_returnsFalse(string text)
    {
        // Arrange: the text is the case itself.

        // Act
        var parsed = SettlementAmount.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }
}
