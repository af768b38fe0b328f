namespace RetailFunctions.Simulators.Channels;

public sealed record OrderAcknowledgement(string OrderId, DateTimeOffset ReceivedAt);
