using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Drift correction from a full count dropped at <c>inventory-snapshots/{source}/{file}</c>: positions that differ are
/// set to the count, the channels get the new values and a report lists every correction. A malformed file is refused
/// whole with a report naming the line; retrying it would not help, so it does not throw. Log lines about one count
/// carry its SKU and location; the file's summary lines name the file, as they are about thousands of SKUs.
/// </summary>
public sealed partial class InventorySnapshotHandler(
    IInventoryPositions positions,
    InventoryAvailability availability,
    IInventorySnapshotReports reports,
    TimeProvider time,
    ILogger<InventorySnapshotHandler> logger)
{
    private const int Parallelism = 16;

    public async Task<InventorySnapshotReport> HandleAsync(string source, string file, Stream content, CancellationToken cancellationToken)
    {
        var seenAt = time.GetUtcNow();
        IReadOnlyList<SnapshotRow> rows;
        try
        {
            using var reader = new StreamReader(content);
            rows = await InventorySnapshotParser.ParseAsync(reader, cancellationToken);
        }
        catch (InventorySnapshotFormatException ex)
        {
            LogRejected(source, file, ex.Message);
            var rejected = new InventorySnapshotReport(source, file, InventorySnapshotReport.Rejected, 0, [], ex.Message, seenAt);
            await reports.WriteAsync(rejected, cancellationToken);
            return rejected;
        }

        var corrections = new System.Collections.Concurrent.ConcurrentBag<(int Line, SnapshotCorrection Correction)>();
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, token) =>
            {
                using var scope = RetailLogScopes.ForSku(logger, row.Sku, row.Location);
                if (await positions.CorrectAsync(row, token) is { } correction)
                {
                    corrections.Add((row.Line, correction));
                }
            });

        var ordered = corrections.OrderBy(c => c.Line).Select(c => c.Correction).ToArray();
        await availability.MarkChangedAsync(ordered.Select(c => c.Sku), seenAt, cancellationToken);
        var report = new InventorySnapshotReport(source, file, InventorySnapshotReport.Applied, rows.Count, ordered, null, time.GetUtcNow());
        await reports.WriteAsync(report, cancellationToken);
        LogApplied(source, file, rows.Count, ordered.Length);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory snapshot {Source}/{File}: {Rows} counts, {Corrected} positions corrected")]
    private partial void LogApplied(string source, string file, int rows, int corrected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory snapshot {Source}/{File} refused: {Problem}")]
    private partial void LogRejected(string source, string file, string problem);
}
