namespace RetailFunctions.Simulators.Channels;

public sealed record TrackingPush(
    string OrderId,
    string Carrier,
    string TrackingNumber,
    string? TrackingUrl,
    IReadOnlyList<ChannelLine> Lines,
    DateTimeOffset ReceivedAt);
