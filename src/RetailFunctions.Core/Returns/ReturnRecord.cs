namespace RetailFunctions.Core.Returns;

/// <summary>A return as operators see it (<c>GET /api/returns/{channel}/{returnId}</c>).</summary>
/// <param name="OrderChannel">The channel of the original sale, once found.</param>
/// <param name="Reason">Why it was rejected or failed; null otherwise.</param>
public sealed record ReturnRecord(
    string Channel,
    string ReturnId,
    ReturnStatus Status,
    ReturnOrderReference RequestedOrder,
    string? OrderChannel,
    string? ChannelOrderId,
    IReadOnlyList<ReturnLine> Lines,
    string? Location,
    string? Currency,
    decimal? RefundAmount,
    string? CreditMemoId,
    string? Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt)
{
    public string ReturnKey => ReturnKeys.For(Channel, ReturnId);
}
