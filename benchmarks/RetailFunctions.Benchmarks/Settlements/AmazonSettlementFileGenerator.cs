using System.Globalization;
using System.Text;

namespace RetailFunctions.Benchmarks.Settlements;

/// <summary>
/// Writes a realistic Amazon V2 flat file: orders of six amounts each, refunds, FBA inbound fees with shipment ids in
/// order-id, storage fees without an order; the summary row's total is the exact sum of the lines.
/// </summary>
internal static class AmazonSettlementFileGenerator
{
    private const string Header =
        "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\t" +
        "order-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\t" +
        "fulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\t" +
        "sku\tquantity-purchased\tpromotion-id";

    private const string SettlementId = "24681357902";

    public static void Write(string path, int lineCount)
    {
        var start = new DateTime(2024, 3, 1, 7, 0, 0, DateTimeKind.Utc);
        var total = 0m;
        var lines = 0;
        var order = 0;

        // The body is written after the summary row, whose total needs every amount: generate to a temp file first.
        var bodyPath = path + ".body";
        using (var writer = new StreamWriter(bodyPath, false, new UTF8Encoding(false), 1 << 16))
        {
            while (lines < lineCount)
            {
                order++;
                var posted = start.AddSeconds(order * 7).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                var orderId = OrderId(order);
                var sku = $"SKU-{1000 + (order % 3000)}";
                var quantity = Quantity(order);
                var price = Price(order);
                var kind = order % 20;
                IEnumerable<(string Tx, string Ref, string Type, string Description, decimal Amount)> rows = kind switch
                {
                    0 => [("Refund", orderId, "ItemPrice", "Principal", -price), ("Refund", orderId, "ItemPrice", "Tax", -Round(price * 0.08m)),
                          ("Refund", orderId, "ItemFees", "Commission", Round(price * 0.15m)), ("Refund", orderId, "ItemFees", "RefundCommission", -Round(price * 0.03m))],
                    1 => [("other-transaction", $"FBA15{order:X6}", "other-transaction", "FBA Inbound Transportation Fee", -Round(5m + (order % 17)))],
                    2 => [("other-transaction", string.Empty, "other-transaction", "Storage Fee", -Round(1m + (order % 9)))],
                    _ => [("Order", orderId, "ItemPrice", "Principal", price), ("Order", orderId, "ItemPrice", "Tax", Tax(order)),
                          ("Order", orderId, "ItemPrice", "Shipping", 4.99m), ("Order", orderId, "ItemFees", "Commission", -Round(price * 0.15m)),
                          ("Order", orderId, "ItemFees", "FBAPerUnitFulfillmentFee", -3.22m * quantity), ("Order", orderId, "Promotion", "Shipping", -4.99m)],
                };
                foreach (var row in rows)
                {
                    if (lines == lineCount)
                    {
                        break;
                    }

                    var isOrder = row.Tx == "Order";
                    writer.Write(SettlementId);
                    writer.Write("\t\t\t\t\t\t");
                    writer.Write(row.Tx);
                    writer.Write('\t');
                    writer.Write(row.Ref);
                    writer.Write("\t\t\t");
                    writer.Write(isOrder ? $"D{order:x7}" : string.Empty);
                    writer.Write("\tAmazon.com\t");
                    writer.Write(row.Type);
                    writer.Write('\t');
                    writer.Write(row.Description);
                    writer.Write('\t');
                    writer.Write(row.Amount.ToString("0.00", CultureInfo.InvariantCulture));
                    writer.Write("\tAFN\t");
                    writer.Write(posted.AsSpan(0, 10));
                    writer.Write('\t');
                    writer.Write(posted);
                    writer.Write("\t\t\t\t");
                    writer.Write(row.Ref.Length > 0 && !row.Ref.StartsWith("FBA", StringComparison.Ordinal) ? sku : string.Empty);
                    writer.Write('\t');
                    writer.Write(isOrder ? quantity.ToString(CultureInfo.InvariantCulture) : string.Empty);
                    writer.Write(row.Description == "Shipping" && row.Type == "Promotion" ? "\tFreeShipping-US-2024\n" : "\t\n");
                    total += row.Amount;
                    lines++;
                }
            }
        }

        using (var output = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            var summary = $"{Header}\n{SettlementId}\t2024-03-01 07:00:00 UTC\t2024-03-15 07:00:00 UTC\t2024-03-17 07:00:00 UTC\t" +
                $"{total.ToString("0.00", CultureInfo.InvariantCulture)}\tUSD{new string('\t', 18)}\n";
            output.Write(Encoding.UTF8.GetBytes(summary));
            using var bodyStream = File.OpenRead(bodyPath);
            bodyStream.CopyTo(output);
        }

        File.Delete(bodyPath);
    }

    /// <summary>The Amazon order id of the generator's <paramref name="order"/>-th order.</summary>
    public static string OrderId(int order) => $"1{order % 100:00}-{order:0000000}-{(order * 7919) % 10_000_000:0000000}";

    /// <summary>What the buyer paid for the order: item price and 8 % tax (shipping is offset by a promotion).</summary>
    public static decimal OrderTotal(int order) => Price(order) + Tax(order);

    public static decimal Tax(int order) => Round(Price(order) * 0.08m);

    private static int Quantity(int order) => 1 + (order % 3);

    private static decimal Price(int order) => Quantity(order) * (9.99m + (order % 40));

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
