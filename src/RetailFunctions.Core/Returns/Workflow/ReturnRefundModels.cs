namespace RetailFunctions.Core.Returns.Workflow;

/// <summary>The <c>ReturnRefund</c> input: the return as the channel it came in through names it.</summary>
/// <param name="UnmatchedAttempts">How often the original order was looked for in vain (the run continues as new after each wait).</param>
public sealed record ReturnRefundInput(string Channel, string ReturnId, int UnmatchedAttempts = 0)
{
    public string ReturnKey => ReturnKeys.For(Channel, ReturnId);
}

/// <summary>The return accepted against its order and priced from it. No personal data.</summary>
/// <param name="RefundChannel">The channel of the sale: it refunds the customer, whichever channel took the goods back.</param>
public sealed record PreparedReturn(
    string ReturnKey,
    string Channel,
    string ReturnId,
    string RefundChannel,
    string ChannelOrderId,
    string OrderKey,
    string? ErpOrderId,
    string Currency,
    string Location,
    IReadOnlyList<PreparedReturnLine> Lines,
    decimal Total,
    bool RefundedByChannel);

/// <param name="Amount">The refund for the line: the order line's paid price (after discount, with tax) per unit returned.</param>
public sealed record PreparedReturnLine(string Sku, string ItemCode, int Quantity, ReturnDisposition Disposition, decimal Amount);

/// <summary>What the policy decided: <see cref="Return"/> to carry out, <see cref="Rejection"/>, or, while the original
/// order is not in the ledger, <see cref="Unmatched"/> with the wait before it is looked for again.</summary>
public sealed record ReturnDecision(PreparedReturn? Return, string? Rejection, string? Unmatched = null, TimeSpan? RetryAfter = null);

public sealed record ReturnOutcome(string Channel, string ReturnId, string ReturnKey, string Reason);
