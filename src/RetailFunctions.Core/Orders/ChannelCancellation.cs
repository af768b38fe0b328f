namespace RetailFunctions.Core.Orders;

/// <summary>
/// A channel telling the fabric that some or all lines of one of its orders are cancelled, without sending the
/// whole order again (Walmart's <c>PO_LINE_AUTOCANCELLED</c>).
/// </summary>
/// <param name="LineIds">The channel's line ids that are cancelled; null when the whole order is.</param>
/// <param name="Reason">The channel's reason, for operators; never personal data.</param>
public sealed record ChannelCancellation(
    string Channel,
    string ChannelOrderId,
    IReadOnlyList<string>? LineIds,
    string? Reason,
    DateTimeOffset CancelledAt)
{
    public bool IsWholeOrder => LineIds is null;
}
