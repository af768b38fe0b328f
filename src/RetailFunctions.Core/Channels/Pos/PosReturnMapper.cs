using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;

namespace RetailFunctions.Core.Channels.Pos;

/// <summary>
/// Maps a store return (POS <c>type: "return"</c>) to a <see cref="ReturnRequest"/>. The goods come back at the store,
/// which may not be where they were sold: the original sale is named by <c>originalOrderRef</c> (a web or marketplace
/// order; <c>channel</c> may be left out when the receipt does not say) or by <c>originalReceipt</c> (a store sale).
/// </summary>
/// <remarks>
/// <code>
/// { "type": "return", "storeId", "register"?, "transactionId", "occurredAt", "currency",
///   "lines": [{ "sku", "quantity", "condition"?: "resellable" | "damaged" }],
///   "originalOrderRef"?: { "channel"?, "channelOrderId" }, "originalReceipt"?: { "storeId", "transactionId" } }
/// </code>
/// </remarks>
public static class PosReturnMapper
{
    /// <exception cref="OrderMappingException">A field is missing or invalid, or neither original reference is given.</exception>
    public static ReturnRequest Map(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonObjectReader.Parse(utf8Json);
        var transaction = JsonObjectReader.Root(document.RootElement);
        if (transaction.RequiredText("type") != PosTopics.Return)
        {
            throw new OrderMappingException("type", "must be return");
        }

        var storeId = transaction.RequiredText("storeId");
        var lines = transaction.RequiredObjects("lines").Select(line => new ReturnLine(
            line.RequiredText("sku"),
            line.RequiredPositiveInt("quantity"),
            line.Text("condition") switch
            {
                null or "resellable" => ReturnDisposition.Restock,
                "damaged" => ReturnDisposition.Damaged,
                _ => throw new OrderMappingException(line.PathOf("condition"), "must be resellable or damaged"),
            })).ToList();
        return new ReturnRequest(
            PosWebhookChannel.ChannelName,
            PosTopics.TransactionKey(storeId, transaction.RequiredText("transactionId")),
            Original(transaction),
            lines,
            transaction.RequiredTimestamp("occurredAt"),
            Location: storeId,
            RefundedByChannel: false);
    }

    private static ReturnOrderReference Original(JsonObjectReader transaction)
    {
        if (transaction.Object("originalOrderRef") is { } order)
        {
            return new ReturnOrderReference(order.Text("channel")?.ToLowerInvariant(), order.RequiredIdentifier("channelOrderId"));
        }

        if (transaction.Object("originalReceipt") is { } receipt)
        {
            return new ReturnOrderReference(
                PosWebhookChannel.ChannelName,
                PosTopics.TransactionKey(receipt.RequiredText("storeId"), receipt.RequiredText("transactionId")));
        }

        throw new OrderMappingException("originalOrderRef", "or originalReceipt is required");
    }
}
