namespace RetailFunctions.Core.Shipments;

/// <summary>A carrier's status of one tracking number at one moment.</summary>
/// <param name="Detail">The carrier's status description (e.g. why delivery failed); carriers send no personal data here.</param>
public sealed record TrackingEvent(string TrackingNumber, string? Carrier, TrackingStatus Status, DateTimeOffset OccurredAt, string? Detail);
