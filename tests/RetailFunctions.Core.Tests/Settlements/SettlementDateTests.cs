using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Tests.Settlements;

public sealed class SettlementDateTests
{
    public static TheoryData<string, DateTimeOffset> Valid => new()
    {
        { "2024-03-01 07:00:00 UTC", new(2024, 3, 1, 7, 0, 0, TimeSpan.Zero) },
        { "01.03.2024 07:00:00 UTC", new(2024, 3, 1, 7, 0, 0, TimeSpan.Zero) },
        { "2024-03-01T07:00:00+00:00", new(2024, 3, 1, 7, 0, 0, TimeSpan.Zero) },
        { "2024-03-01T09:30:00+02:30", new(2024, 3, 1, 9, 30, 0, TimeSpan.FromMinutes(150)) },
        { "2024-03-01T07:00:00.250Z", new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero).AddMilliseconds(250) },
        { "2024-03-04 10:15:22 -0500", new(2024, 3, 4, 10, 15, 22, TimeSpan.FromHours(-5)) },
        { "2024-03-01 07:00 GMT", new(2024, 3, 1, 7, 0, 0, TimeSpan.Zero) },
        { "03/01/2024", new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) },
        { " 2024-02-29 ", new(2024, 2, 29, 0, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_settlementFormats_readsInstant(string text, DateTimeOffset expected)
    {
        // Arrange: the text is the case itself.

        // Act
        var parsed = SettlementDate.TryParse(text, out var value);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-3-1")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-03-01 25:00:00")]
    [InlineData("2024-03-01 07:00:00 PST")]
    [InlineData("2024-03-01T07:00:00+15:00")]
    [InlineData("2024-03-01T07:00:00.")]
    [InlineData("01-03-2024")]
    public void TryParse_malformed_returnsFalse(string text)
    {
        // Arrange: the text is the case itself.

        // Act
        var parsed = SettlementDate.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }
}
