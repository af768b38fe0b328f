using System.Text.Json;

namespace RetailFunctions.Core.Events;

/// <summary>
/// A canonical business event for the enterprise (ERP, WMS, BI) on the Service Bus topic <c>retail-events</c>.
/// <paramref name="EventId"/> is deterministic for the state change it reports, so a repeat is dropped by duplicate
/// detection; <paramref name="AggregateId"/> becomes the session id so one order's events stay in order.
/// </summary>
public sealed record RetailEvent(
    string EventId,
    string EventType,
    string AggregateId,
    string? Channel,
    DateTimeOffset OccurredAt,
    JsonElement Data,
    string? TraceParent = null);
