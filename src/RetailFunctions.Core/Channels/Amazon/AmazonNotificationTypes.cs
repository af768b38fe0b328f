namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>SP-API notification types the fabric subscribes to; the notification type is the envelope's topic.</summary>
public static class AmazonNotificationTypes
{
    public const string OrderChange = "ORDER_CHANGE";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { OrderChange };

    public static bool IsOrderTopic(string topic) => topic == OrderChange;
}
