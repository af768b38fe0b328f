using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Core.Tests.BackOffice;

public sealed class RetryAfterHintTests
{
    [Theory]
    [InlineData(30_000)]
    [InlineData(1_500)]
    [InlineData(250)]
    public void Read_messageOfAnUnavailableExceptionWithRetryAfter_returnsThatRetryAfter(int milliseconds)
    {
        // Arrange
        var retryAfter = TimeSpan.FromMilliseconds(milliseconds);
        var exception = new BackOfficeUnavailableException("shopify", "graphql", 429, "Throttled") { RetryAfter = retryAfter };

        // Act
        var read = RetryAfterHint.Read($"Exception while executing function: {exception.Message}");

        // Assert
        Assert.Equal(retryAfter, read);
        Assert.StartsWith("shopify unavailable for graphql (429): Throttled", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_messageWithoutTheHint_returnsNull()
    {
        // Arrange
        var exception = new BackOfficeUnavailableException("erp", "create sales order", 503, null);

        // Act
        var read = RetryAfterHint.Read(exception.Message);

        // Assert
        Assert.Null(read);
        Assert.Null(RetryAfterHint.Read(null));
    }

    [Fact]
    public void Read_absurdlyLongRetryAfter_isCappedAtMaxHonoured()
    {
        // Act
        var read = RetryAfterHint.Read(RetryAfterHint.Describe(TimeSpan.FromDays(400)));

        // Assert
        Assert.Equal(RetryAfterHint.MaxHonoured, read);
    }
}
