namespace RetailFunctions.Core.Operations;

/// <summary>What an operator needs at a glance (issue 7, local operations page): the same panels as the Azure workbook.</summary>
public sealed record OperationsSummary(
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<string, int> OrdersByStatus,
    IReadOnlyList<QueueDepth> Queues,
    IReadOnlyList<ChannelSyncLag> InventorySyncLag,
    IReadOnlyList<SettlementExceptionView> SettlementExceptions,
    IReadOnlyList<OrderFailureView> RecentFailures);

/// <param name="Poison">Messages in <c>{Name}-poison</c>: each one is a message the fabric gave up on.</param>
public sealed record QueueDepth(string Name, int Depth, int Poison);

/// <summary>Change seen → channel confirmed, over the pushes of the last <see cref="OperationsSummaryOptions.LagWindow"/>.</summary>
public sealed record ChannelSyncLag(string Channel, int Pushes, long P50Ms, long P95Ms, long MaxMs);

public sealed record SettlementExceptionView(string Channel, string SettlementId, string Reason, string? OrderRef, decimal Amount, string? Currency, string? Detail, DateTimeOffset? ReconciledAt);

public sealed record OrderFailureView(string Channel, string ChannelOrderId, string Reason, DateTimeOffset? At);
