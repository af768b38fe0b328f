namespace RetailFunctions.Simulators.Channels;

/// <param name="Lines">Empty when the whole order was cancelled.</param>
public sealed record OrderCancellation(string OrderId, string? Reason, IReadOnlyList<ChannelLine> Lines, DateTimeOffset ReceivedAt);
