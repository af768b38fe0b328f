namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>SP-API notification types the fabric subscribes to; the notification type is the envelope's topic.</summary>
public static class AmazonNotificationTypes
{
    public const string OrderChange = "ORDER_CHANGE";

    /// <summary>
    /// Not an SP-API type: SP-API reports returns only in the returns report, and the fabric's relay turns each new RMA
    /// in it into a notification of this type (see <see cref="AmazonReturnMapper"/>).
    /// </summary>
    public const string ReturnCreated = "RETURN_CREATED";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { OrderChange, ReturnCreated };

    public static bool IsOrderTopic(string topic) => topic == OrderChange;
}
