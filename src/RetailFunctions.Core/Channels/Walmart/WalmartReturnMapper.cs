using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;

namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>
/// Maps a Walmart return event (<c>RETURN_CREATED</c>, <c>RETURN_INITIATED</c>) whose payload is a return order as the
/// Walmart Returns API (<c>GET /v3/returns</c>) returns it, to a <see cref="ReturnRequest"/> against the purchase order.
/// </summary>
/// <remarks>
/// Read: <c>returnOrderId</c>, <c>returnOrderDate</c>, <c>returnOrderLines[].purchaseOrderId</c>,
/// <c>.item.sku</c>, <c>.quantity.measurementValue</c>, <c>.returnReason</c>. The customer is refunded by the seller's
/// refund call, so the return is not refunded by the channel yet.
/// </remarks>
public static class WalmartReturnMapper
{
    /// <exception cref="OrderMappingException">A field is missing or invalid, or the lines name more than one purchase order.</exception>
    public static ReturnRequest Map(ReadOnlySpan<byte> eventJson)
    {
        using var document = JsonObjectReader.Parse(eventJson);
        var root = JsonObjectReader.Root(document.RootElement);
        var returnOrder = root.RequiredObject("payload");
        var orderLines = returnOrder.RequiredObjects("returnOrderLines");
        var purchaseOrderIds = orderLines.Select(l => l.RequiredIdentifier("purchaseOrderId")).Distinct(StringComparer.Ordinal).ToList();
        if (purchaseOrderIds.Count > 1)
        {
            throw new OrderMappingException(returnOrder.PathOf("returnOrderLines"), "must all belong to one purchase order");
        }

        var lines = orderLines.Select(line => new ReturnLine(
            line.RequiredObject("item").RequiredText("sku"),
            line.RequiredObject("quantity").RequiredCount("measurementValue"),
            ReturnReasons.DispositionOf(line.Text("returnReason")))).ToList();
        return new ReturnRequest(
            WalmartWebhookChannel.ChannelName,
            returnOrder.RequiredIdentifier("returnOrderId"),
            new ReturnOrderReference(WalmartWebhookChannel.ChannelName, purchaseOrderIds[0]),
            lines,
            returnOrder.Instant("returnOrderDate") ?? root.RequiredObject("source").RequiredInstant("eventTime"),
            Location: null,
            RefundedByChannel: false);
    }
}
