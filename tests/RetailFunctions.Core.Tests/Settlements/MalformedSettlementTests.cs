using RetailFunctions.Core.Settlements;
using A = RetailFunctions.Core.Tests.Settlements.AmazonSettlementParserTests;
using S = RetailFunctions.Core.Tests.Settlements.ShopifySettlementParserTests;
using W = RetailFunctions.Core.Tests.Settlements.WalmartSettlementParserTests;

namespace RetailFunctions.Core.Tests.Settlements;

public sealed class MalformedSettlementTests
{
    private const string AmazonOrderRow =
        "900\t\t\t\t\t\tOrder\t111-0000000-0000001\t\t\t\t\tItemPrice\tPrincipal\t10.00\t\t2024-03-02\t\t\t\t\tSKU-1\t1\t";

    private const string ShopifyRow =
        "2024-03-04 10:15:22 -0500,charge,#1001,visa,paid,2024-03-06,555,2024-03-06,10.00,0.59,9.41,USD";

    private const string WalmartRow =
        "02/03/2024,02/16/2024,,USD,k1,02/05/2024,SALE,Purchase,2001,10.00,Product Price,1,SKU-1";

    public static TheoryData<string, string, int, string> Cases => new()
    {
        // channel, file, line, reason fragment
        { "amazon", "", 1, "empty" },
        { "shopify", "", 1, "empty" },
        { "walmart", "", 1, "empty" },
        { "amazon", S.Header + "\n" + ShopifyRow + "\n", 1, "missing column 'settlement-id'" },
        { "shopify", A.Header + "\n" + A.Summary + "\n", 1, "missing column 'Transaction Date'" },
        { "walmart", S.Header + "\n" + ShopifyRow + "\n", 1, "missing column 'Period Start Date'" },
        { "amazon", A.Header.Replace("\tamount\t", "\tamt\t", StringComparison.Ordinal) + "\n", 1, "missing column 'amount'" },
        { "amazon", A.Header + "\n", 2, "no settlement summary row" },
        { "amazon", A.Summary + "\n" + AmazonOrderRow + "\n", 1, "names a column more than once" },
        { "walmart", W.Summary + "\n" + WalmartRow + "\n", 1, "names a column more than once" },
        { "shopify", S.Header + "\n", 2, "no transactions" },
        { "walmart", W.Header + "\n", 2, "no 'PaymentSummary' row" },
        { "amazon", A.Header + "\n" + AmazonOrderRow + "\n", 2, "summary" },
        { "amazon", A.Header + "\n" + A.Summary + "\n" + AmazonOrderRow + "\n" + AmazonOrderRow.Replace("\t10.00\t", "\t10.0O\t", StringComparison.Ordinal) + "\n", 4, "'amount' value '10.0O' is not a decimal amount" },
        { "amazon", A.Header + "\n" + A.Summary.Replace("\t10.00\t", "\tten\t", StringComparison.Ordinal) + "\n", 2, "'total-amount'" },
        { "shopify", S.Header + "\n" + ShopifyRow + "\n" + ShopifyRow.Replace(",0.59,", ",0.5x9,", StringComparison.Ordinal) + "\n", 3, "'Fee'" },
        { "walmart", W.Header + "\n" + W.Summary + "\n" + WalmartRow.Replace(",10.00,", ",1O.00,", StringComparison.Ordinal) + "\n", 3, "'Amount'" },
        { "amazon", A.Header + "\n" + A.Summary + "\n" + AmazonOrderRow.Replace("2024-03-02", "2024-02-30", StringComparison.Ordinal) + "\n", 3, "'posted-date' value '2024-02-30' is not a date" },
        { "amazon", A.Header + "\n" + A.Summary.Replace("2024-03-17 07:00:00 UTC", "17/03/2024 07:00", StringComparison.Ordinal) + "\n", 2, "'deposit-date'" },
        { "shopify", S.Header + "\n" + ShopifyRow.Replace("2024-03-04 10:15:22 -0500", "yesterday", StringComparison.Ordinal) + "\n", 2, "'Transaction Date' value 'yesterday' is not a date" },
        { "walmart", W.Header + "\n" + W.Summary + "\n" + WalmartRow.Replace("02/05/2024", "13/05/2024", StringComparison.Ordinal) + "\n", 3, "'Transaction Posted Timestamp'" },
        { "amazon", A.Header + "\n" + A.Summary + "\n" + AmazonOrderRow + "\n" + AmazonOrderRow[..40], 4, "truncated row" },
        { "shopify", S.Header + "\r\n" + ShopifyRow + "\r\n" + ShopifyRow[..30] + "\r\n", 3, "truncated row" },
        { "walmart", W.Header + "\n" + W.Summary + "\n" + WalmartRow + ",extra\n", 3, "extra fields" },
        { "amazon", A.Header + "\n" + A.Summary + "\n" + AmazonOrderRow.Replace("900", "901", StringComparison.Ordinal) + "\n", 3, "differs from the summary" },
        { "amazon", A.Header + "\n" + A.Summary.Replace("USD", "usd", StringComparison.Ordinal) + "\n", 2, "currency code" },
        { "walmart", W.Header + "\n" + W.Summary + "\n" + W.Summary + "\n", 3, "a second 'PaymentSummary' row" },
        { "walmart", W.Header + "\n" + W.Summary + "\n" + WalmartRow.Replace(",1,SKU-1", ",1.5,SKU-1", StringComparison.Ordinal) + "\n", 3, "'Ship Qty'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ParseAsync_malformedFile_failsWithLineAndReason(string channel, string content, int line, string reason)
    {
        // Arrange: the content is the case itself.

        // Act
        var exception = await ParsedSettlement.MalformedAsync(channel, content);

        // Assert
        Assert.Equal(line, exception.LineNumber);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_quotedFieldsBomAndCrlf_areAccepted()
    {
        // Arrange
        var content = "\uFEFF" + S.Header.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n" +
            "\"2024-03-04 10:15:22 -0500\",charge,\"#10,01\",\"Visa \"\"Debit\"\"\",paid,2024-03-06,555,2024-03-06,\"10.00\",0.59,9.41,USD\r\n";

        // Act
        var parsed = await ParsedSettlement.ParseAsync("shopify", content);

        // Assert
        Assert.Equal("#10,01", parsed.Lines[0].OrderId);
        Assert.Equal(9.41m, parsed.Summary.TotalAmount);
    }

    [Fact]
    public async Task ParseAsync_trailingBlankLines_areIgnored()
    {
        // Arrange
        var content = W.Header + "\n" + W.Summary + "\n" + WalmartRow + "\n\n\n";

        // Act
        var parsed = await ParsedSettlement.ParseAsync("walmart", content);

        // Assert
        Assert.Equal(1, parsed.Summary.LineCount);
        Assert.True(parsed.Summary.IsBalanced);
    }

    [Fact]
    public void For_unknownChannel_throwsArgumentException()
    {
        // Arrange
        const string channel = "ebay";

        // Act
        var exception = Record.Exception(() => SettlementParsers.For(channel));

        // Assert
        Assert.IsType<ArgumentException>(exception);
    }
}
