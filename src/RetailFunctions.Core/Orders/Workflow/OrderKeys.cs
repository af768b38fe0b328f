namespace RetailFunctions.Core.Orders.Workflow;

/// <summary>
/// The one id an order's workflow is known by: orchestration instance id and idempotency key for the ERP, the WMS
/// and the channels, so a second delivery of the same order can never start a second process or document.
/// </summary>
public static class OrderKeys
{
    public static string For(string channel, string channelOrderId) => $"order-{channel.ToLowerInvariant()}-{channelOrderId}";
}
