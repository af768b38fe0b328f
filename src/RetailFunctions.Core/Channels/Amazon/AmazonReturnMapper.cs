using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;

namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>
/// Maps a relayed <c>RETURN_CREATED</c> notification to a <see cref="ReturnRequest"/>. SP-API has no return
/// notification: the relay reads the returns report (<c>GET_XML_RETURNS_DATA_BY_RETURN_DATE</c>, the structured twin of
/// <c>GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE</c>) and forwards one notification per RMA, its fields under
/// <c>Payload.ReturnDetails</c> with the report's names.
/// </summary>
/// <remarks>
/// Read: <c>amazon_rma_id</c>, <c>order_id</c>, <c>return_request_date</c>, <c>item_details[].merchant_sku</c>,
/// <c>.return_quantity</c>, <c>.return_reason_code</c> (<c>CR-DEFECTIVE</c>, <c>CR-DAMAGED_BY_CARRIER</c>… are written
/// off) and <c>.refund_amount</c> (Amazon refunded already, e.g. an A-to-z claim, when every item has one).
/// </remarks>
public static class AmazonReturnMapper
{
    /// <exception cref="OrderMappingException">A field is missing or invalid.</exception>
    public static ReturnRequest Map(ReadOnlySpan<byte> notificationJson)
    {
        using var document = JsonObjectReader.Parse(notificationJson);
        var details = JsonObjectReader.Root(document.RootElement).RequiredObject("Payload").RequiredObject("ReturnDetails");
        var items = details.RequiredObjects("item_details");
        var lines = items.Select(item => new ReturnLine(
            item.RequiredText("merchant_sku"),
            item.RequiredCount("return_quantity"),
            ReturnReasons.DispositionOf(item.Text("return_reason_code")))).ToList();
        return new ReturnRequest(
            AmazonWebhookChannel.ChannelName,
            details.RequiredText("amazon_rma_id"),
            new ReturnOrderReference(AmazonWebhookChannel.ChannelName, details.RequiredText("order_id")),
            lines,
            details.RequiredTimestamp("return_request_date"),
            Location: null,
            RefundedByChannel: items.All(item => item.Money("refund_amount") > 0m));
    }
}
