using System.Text.Json;
using RetailFunctions.Cli.Tests.Hosting;

namespace RetailFunctions.Cli.Tests.Settlements;

public sealed class SettlementParseCommandTests
{
    private static string Sample(string channel, string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Samples", "Settlements", channel, fileName);

    [Fact]
    public async Task Parse_amazonSample_printsOneJsonSummaryAndExitsZero()
    {
        // Arrange
        var file = Sample("amazon", "settlement-us.txt");

        // Act
        var result = await CliProcess.RunAsync("settlement", "parse", "--channel", "amazon", file);

        // Assert
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(
            ["settlementId", "channel", "currency", "lineCount", "totalAmount", "totalsByKind", "depositDate"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("11223344556", root.GetProperty("settlementId").GetString());
        Assert.Equal("amazon", root.GetProperty("channel").GetString());
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Equal(21, root.GetProperty("lineCount").GetInt64());
        Assert.Equal("14.07", root.GetProperty("totalAmount").GetRawText());
        Assert.Equal("2024-03-17T07:00:00+00:00", root.GetProperty("depositDate").GetString());
        var totals = root.GetProperty("totalsByKind");
        Assert.Equal("64.97", totals.GetProperty("principal").GetRawText());
        Assert.Equal("-36.24", totals.GetProperty("fee").GetRawText());
        Assert.Equal("-10.00", totals.GetProperty("reserve").GetRawText());
        Assert.Equal("1.23", totals.GetProperty("other").GetRawText());
        Assert.Single(result.Output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("shopify", "payout-87654321.csv", "87654321", 11, "122.48")]
    [InlineData("walmart", "recon-20240216.csv", "20240203-20240216", 14, "47.74")]
    [InlineData("amazon", "settlement-de.txt", "22334455667", 5, "21.35")]
    public async Task Parse_channelSample_printsSettlementTotalsAndExitsZero(
        string channel, string fileName, string settlementId, int lineCount, string totalAmount)
    {
        // Arrange
        var file = Sample(channel, fileName);

        // Act
        var result = await CliProcess.RunAsync("settlement", "parse", "--channel", channel, file);

        // Assert
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(settlementId, root.GetProperty("settlementId").GetString());
        Assert.Equal(channel, root.GetProperty("channel").GetString());
        Assert.Equal(lineCount, root.GetProperty("lineCount").GetInt32());
        Assert.Equal(totalAmount, root.GetProperty("totalAmount").GetRawText());
    }

    [Fact]
    public async Task Parse_unknownAmountType_warnsOnStderrButExitsZero()
    {
        // Arrange
        var file = Sample("walmart", "recon-20240216.csv");

        // Act
        var result = await CliProcess.RunAsync("settlement", "parse", "--channel", "walmart", file);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("unknown type 'SALE/Walmart Funded Savings'", result.Error, StringComparison.Ordinal);
        Assert.Equal("1.50", JsonDocument.Parse(result.Output).RootElement.GetProperty("totalsByKind").GetProperty("other").GetRawText());
    }

    [Fact]
    public async Task Parse_malformedFile_namesTheLineOnStderrAndExitsTwo()
    {
        // Arrange
        var lines = await File.ReadAllLinesAsync(Sample("amazon", "settlement-us.txt"));
        lines[4] = lines[4].Replace("\t5.99\t", "\t5.9.9\t", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"settlement-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, lines);

        try
        {
            // Act
            var result = await CliProcess.RunAsync("settlement", "parse", "--channel", "amazon", file);

            // Assert
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("line 5:", result.Error, StringComparison.Ordinal);
            Assert.Contains("'amount'", result.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Parse_fileOfAnotherChannel_exitsTwoNamingTheHeaderLine()
    {
        // Arrange
        var file = Sample("shopify", "payout-87654321.csv");

        // Act
        var result = await CliProcess.RunAsync("settlement", "parse", "--channel", "walmart", file);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 1: missing column 'Period Start Date'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_unsupportedChannel_isRejectedAsUsage()
    {
        // Arrange
        var file = Sample("amazon", "settlement-us.txt");

        // Act
        var result = await CliProcess.RunAsync("settlement", "parse", "--channel", "ebay", file);

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("{", result.Output, StringComparison.Ordinal);
        Assert.Contains("'ebay'", result.Error, StringComparison.Ordinal);
    }
}
