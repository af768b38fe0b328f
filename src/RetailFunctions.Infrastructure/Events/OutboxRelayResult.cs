namespace RetailFunctions.Infrastructure.Events;

public sealed record OutboxRelayResult(int Sent, int Failed);
