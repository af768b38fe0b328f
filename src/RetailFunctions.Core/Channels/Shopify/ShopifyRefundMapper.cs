using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;

namespace RetailFunctions.Core.Channels.Shopify;

/// <summary>
/// Maps a Shopify <c>refunds/create</c> body (Admin REST Refund) to a <see cref="ReturnRequest"/>. Shopify has refunded
/// the customer already when it sends this, so the return is marked as refunded by the channel.
/// </summary>
/// <remarks>
/// Read: <c>id</c>, <c>order_id</c>, <c>created_at</c>, <c>note</c>, <c>refund_line_items[].quantity</c>,
/// <c>refund_line_items[].restock_type</c> (<c>return</c> and <c>cancel</c> restock, <c>no_restock</c> is written off),
/// <c>refund_line_items[].line_item.sku</c>.
/// </remarks>
public static class ShopifyRefundMapper
{
    /// <returns>The return, or null for a refund without line items (a shipping or goodwill refund: nothing came back).</returns>
    /// <exception cref="OrderMappingException">The body is not a Shopify refund; names the field.</exception>
    public static ReturnRequest? Map(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonObjectReader.Parse(utf8Json);
        var refund = JsonObjectReader.Root(document.RootElement);
        var refundId = refund.RequiredIdentifier("id");
        var orderId = refund.RequiredIdentifier("order_id");
        var items = refund.Objects("refund_line_items");
        if (items.Count == 0)
        {
            return null;
        }

        var lines = items.Select(item => new ReturnLine(
            item.RequiredObject("line_item").RequiredText("sku"),
            item.RequiredPositiveInt("quantity"),
            item.Text("restock_type") == "no_restock" ? ReturnDisposition.Damaged : ReturnDisposition.Restock)).ToList();
        return new ReturnRequest(
            ShopifyWebhookChannel.ChannelName,
            refundId,
            new ReturnOrderReference(ShopifyWebhookChannel.ChannelName, orderId),
            lines,
            refund.RequiredTimestamp("created_at"),
            Location: null,
            RefundedByChannel: true);
    }
}
