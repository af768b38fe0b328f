using Azure;
using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// A pending event as the relay sees it: its pending marker (<see cref="RowKey"/>), whose <see cref="Version"/> guards
/// the lease and the mark; the event row is found from the event id.
/// </summary>
public sealed record OutboxRow(RetailEvent Event, string Table, string PartitionKey, string RowKey, ETag Version, DateTimeOffset? LeasedUntil);
