namespace RetailFunctions.Simulators.Channels;

/// <param name="Amount">The money refunded by this call; 0 when the channel had refunded already and only the return is recorded.</param>
public sealed record RefundConfirmation(string OrderId, string? Note, decimal Amount, string? Currency, IReadOnlyList<ChannelLine> Lines, DateTimeOffset ReceivedAt);
