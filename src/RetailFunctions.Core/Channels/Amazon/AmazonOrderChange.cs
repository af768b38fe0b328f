using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>What ingestion needs from an <c>ORDER_CHANGE</c> notification: which order, and its status if summarised.</summary>
public sealed record AmazonOrderChange(string AmazonOrderId, string? OrderStatus, string? ChangeType)
{
    /// <exception cref="OrderMappingException">The notification is not valid JSON or names no order.</exception>
    public static AmazonOrderChange Read(ReadOnlySpan<byte> notificationJson)
    {
        using var document = JsonObjectReader.Parse(notificationJson);
        var change = JsonObjectReader.Root(document.RootElement)
            .RequiredObject("Payload")
            .RequiredObject("OrderChangeNotification");

        return new AmazonOrderChange(
            change.RequiredText("AmazonOrderId"),
            change.Object("Summary")?.Text("OrderStatus"),
            change.Text("OrderChangeType"));
    }
}
