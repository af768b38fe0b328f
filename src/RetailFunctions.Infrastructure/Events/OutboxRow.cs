using Azure;
using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>A pending outbox row as the relay sees it; <see cref="Version"/> guards the lease and the mark.</summary>
public sealed record OutboxRow(RetailEvent Event, string Table, string PartitionKey, string RowKey, ETag Version, DateTimeOffset? LeasedUntil);
