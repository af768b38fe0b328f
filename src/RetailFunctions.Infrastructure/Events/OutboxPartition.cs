using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>One table partition that holds outbox rows; the nudge message names it as <c>{table}|{partition key}</c>.</summary>
public sealed record OutboxPartition(string Table, string PartitionKey)
{
    /// <summary>The tables whose partitions hold outbox rows next to their state; the relay's sweep reads each.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [StorageNames.OrdersTable, StorageNames.ReturnsTable, StorageNames.SettlementsTable, StorageNames.OutboxTable];

    public override string ToString() => $"{Table}|{PartitionKey}";

    /// <summary>Table names have no '|', so the first one ends the table name; null for a message that names no known table.</summary>
    public static OutboxPartition? Parse(string message)
    {
        var bar = message.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && Tables.Contains(message[..bar], StringComparer.Ordinal) && bar < message.Length - 1
            ? new OutboxPartition(message[..bar], message[(bar + 1)..])
            : null;
    }
}
