namespace RetailFunctions.Core.Inventory;

/// <summary>Written to <c>inventory-snapshots-reports/{source}/{file}.json</c>: what a snapshot corrected, or why it was refused.</summary>
public sealed record InventorySnapshotReport(
    string Source,
    string File,
    string Status,
    int Rows,
    IReadOnlyList<SnapshotCorrection> Corrections,
    string? Error,
    DateTimeOffset ProcessedAt)
{
    public const string Applied = "applied";
    public const string Rejected = "rejected";
}

public interface IInventorySnapshotReports
{
    Task WriteAsync(InventorySnapshotReport report, CancellationToken cancellationToken);
}
