namespace RetailFunctions.Core.Returns;

/// <summary>A return as the channel it came in through reports it, which need not be the channel of the sale.</summary>
/// <param name="Location">Where the goods came back (the store of a POS return); null for the sale's fulfilment site.</param>
/// <param name="RefundedByChannel">The channel has refunded the customer already (Shopify <c>refunds/create</c>):
/// the channel is told the return is processed, and no money moves again.</param>
public sealed record ReturnRequest(
    string Channel,
    string ReturnId,
    ReturnOrderReference Order,
    IReadOnlyList<ReturnLine> Lines,
    DateTimeOffset RequestedAt,
    string? Location,
    bool RefundedByChannel)
{
    public string ReturnKey => ReturnKeys.For(Channel, ReturnId);
}
