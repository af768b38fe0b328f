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

    [Theory]
    [InlineData("4.50")]
    [InlineData("-3.22")]
    [InlineData("007.10")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("0.00")]
    [InlineData("-0.00")]
    [InlineData("-0")]
    [InlineData("+1.25")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789.5")]
    [InlineData("-99999999999999999999999999.99")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    public void TryParse_plainAmounts_readAsDecimalParseReadsThemWithTheSameScale(string text)
    {
        // Arrange
        var styles = System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint;
        var expectedParsed = decimal.TryParse(text, styles, System.Globalization.CultureInfo.InvariantCulture, out var expected);

        // Act
        var parsed = SettlementAmount.TryParse(text, out var value);

        // Assert
        Assert.Equal(expectedParsed, parsed);
        Assert.Equal(
            expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_randomPlainAmounts_agreeWithDecimalParse()
    {
        // Arrange
        var random = new Random(20_261_126);
        var styles = System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint;

        for (var i = 0; i < 10_000; i++)
        {
            var whole = random.NextInt64(0, 10_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var fraction = random.NextInt64(0, 100_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = (random.Next(2) == 0 ? "-" : "") + whole[..random.Next(whole.Length + 1)] +
                (random.Next(4) == 0 ? "" : "." + fraction[..random.Next(fraction.Length + 1)]);
            var expectedParsed = decimal.TryParse(text, styles, System.Globalization.CultureInfo.InvariantCulture, out var expected);

            // Act
            var parsed = SettlementAmount.TryParse(text, out var value);

            // Assert
            Assert.True(expectedParsed == parsed, text);
            Assert.True(expected.ToString(System.Globalization.CultureInfo.InvariantCulture) == value.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
        }
    }
}
