using System.Globalization;
using CsvHelper;
using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Settlements.Amazon;

namespace RetailFunctions.Benchmarks.Settlements;

/// <summary>
/// The baseline: how the Amazon file is typically read with CsvHelper — fields by header name as strings, framework
/// parsing of amounts and dates, classification per row. Same lines and summary as the Sep parser.
/// </summary>
internal static class CsvHelperAmazonSettlementParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss 'UTC'", "dd.MM.yyyy HH:mm:ss 'UTC'", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-dd", "dd.MM.yyyy",
    ];

    public static SettlementHeader Parse(Stream stream, ISettlementLineSink sink)
    {
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = '\t', HasHeader = true }, true);
        SettlementHeader? header = null;
        while (csv.Read())
        {
            if (header is null)
            {
                header = new SettlementHeader(
                    csv.GetString("settlement-id"),
                    AmazonSettlementParser.ChannelName,
                    csv.GetString("currency"),
                    decimal.Parse(csv.GetString("total-amount"), CultureInfo.InvariantCulture),
                    ParseDate(csv.GetString("deposit-date")),
                    ParseDate(csv.GetString("settlement-start-date")),
                    ParseDate(csv.GetString("settlement-end-date")));
                continue;
            }

            var transactionType = csv.GetString("transaction-type");
            var amountType = csv.GetString("amount-type");
            var description = csv.GetString("amount-description");
            var reference = csv.GetString("order-id");
            var isShipment = reference.StartsWith("FBA", StringComparison.Ordinal);
            var postedAt = csv.GetString("posted-date-time");
            var quantity = csv.GetString("quantity-purchased");
            sink.Add(new SettlementLine(
                header.SettlementId,
                isShipment || reference.Length == 0 ? null : reference,
                isShipment ? reference : null,
                AmazonAmountTypes.Classify(transactionType, amountType, description),
                decimal.Parse(csv.GetString("amount"), CultureInfo.InvariantCulture),
                header.Currency,
                ParseDate(postedAt.Length > 0 ? postedAt : csv.GetString("posted-date")),
                AmazonAmountTypes.RawType(transactionType, amountType, description),
                csv.GetStringOrNull("sku") is { Length: > 0 } sku ? sku : null,
                quantity.Length > 0 ? int.Parse(quantity, CultureInfo.InvariantCulture) : null));
        }

        return header ?? throw new InvalidDataException("no summary row");
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.ParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
