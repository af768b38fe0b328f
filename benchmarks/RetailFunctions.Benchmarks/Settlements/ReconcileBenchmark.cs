using System.Diagnostics;
using System.Globalization;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Settlements.Amazon;
using RetailFunctions.Core.Settlements.Journals;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Benchmarks.Settlements;

/// <summary>
/// Parse, reconcile against a ledger of <c>orders</c> orders held in memory, and build the journal: the pipeline's
/// CPU work without storage round trips. Prints one tab-separated line.
/// </summary>
/// <remarks>Output: <c>lines settledOrders ledgerOrders seconds peak-working-set-MiB matched variance unknown journalLines</c>.</remarks>
internal static class ReconcileBenchmark
{
    public static async Task<int> RunAsync(string file, int orderCount)
    {
        var ledger = new Dictionary<string, OrderRecord>(orderCount, StringComparer.Ordinal);
        var placed = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var order = 1; order <= orderCount; order++)
        {
            var id = AmazonSettlementFileGenerator.OrderId(order);
            var total = AmazonSettlementFileGenerator.OrderTotal(order);
            var tax = AmazonSettlementFileGenerator.Tax(order);
            ledger[id] = new OrderRecord(
                "amazon", id, null, OrderStatus.Completed, "USD", [], new OrderTotals(total - tax, 0m, tax, 0m, total),
                null, [], null, placed, null, null, placed);
        }

        var options = new SettlementOptions();
        var stopwatch = Stopwatch.StartNew();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var accumulator = new SettlementAccumulator();
        var header = await new AmazonSettlementParser().ParseAsync(stream, accumulator);
        var contents = accumulator.Complete(header);
        var found = new Dictionary<string, OrderRecord>(contents.Orders.Count, StringComparer.Ordinal);
        foreach (var orderRef in contents.Orders.Keys)
        {
            if (ledger.TryGetValue(orderRef, out var order))
            {
                found[orderRef] = order;
            }
        }

        var reconciliation = new SettlementReconciler(options).Reconcile(contents, found, [], DateTimeOffset.UtcNow);
        var journal = SettlementJournalBuilder.Build(reconciliation, options.GlAccounts, DateTimeOffset.UtcNow);
        stopwatch.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Join('\t',
            contents.Summary.LineCount.ToString(CultureInfo.InvariantCulture),
            contents.Orders.Count.ToString(CultureInfo.InvariantCulture),
            orderCount.ToString(CultureInfo.InvariantCulture),
            stopwatch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
            (process.PeakWorkingSet64 / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture),
            reconciliation.Count(OrderReconciliationStatus.Matched).ToString(CultureInfo.InvariantCulture),
            reconciliation.Count(OrderReconciliationStatus.Variance).ToString(CultureInfo.InvariantCulture),
            reconciliation.Count(OrderReconciliationStatus.OrderUnknown).ToString(CultureInfo.InvariantCulture),
            journal.Lines.Count.ToString(CultureInfo.InvariantCulture)));
        return 0;
    }
}
