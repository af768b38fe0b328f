using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>An outbox row as operators see it: the event and whether the relay has published it.</summary>
public sealed record OutboxEntry(RetailEvent Event, string Status, DateTimeOffset? SentAt);
