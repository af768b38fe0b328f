namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>
/// Purchase order lines in both shapes Walmart sends: the Orders API's <c>orderLines.orderLine[]</c> with
/// <c>orderLineStatuses</c>, and the webhook events' flat <c>orderLines[]</c> with <c>status</c>.
/// </summary>
internal static class WalmartOrderLines
{
    public static IReadOnlyList<JsonObjectReader> Read(JsonObjectReader purchaseOrder) =>
        purchaseOrder.IsObject("orderLines")
            ? purchaseOrder.RequiredObject("orderLines").RequiredObjects("orderLine")
            : purchaseOrder.RequiredObjects("orderLines");

    public static WalmartLineStatus Status(JsonObjectReader line)
    {
        // The Orders API lists the line's quantities per status; the last entry is the most recent one.
        var latest = line.Object("orderLineStatuses")?.Objects("orderLineStatus").LastOrDefault();
        return new WalmartLineStatus(
            latest?.Text("status") ?? line.Text("status"),
            line.Instant("statusDate"),
            latest?.Text("cancellationReason") ?? line.Text("cancellationReason"));
    }
}
