namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>SP-API Orders v0 <c>OrderStatus</c> values.</summary>
public static class AmazonOrderStatuses
{
    /// <summary>Payment not yet authorized: Amazon says not to fulfil, and the order carries no prices yet.</summary>
    public const string Pending = "Pending";

    public const string Unshipped = "Unshipped";
    public const string PartiallyShipped = "PartiallyShipped";
    public const string Shipped = "Shipped";
    public const string Canceled = "Canceled";
    public const string Unfulfillable = "Unfulfillable";
    public const string InvoiceUnconfirmed = "InvoiceUnconfirmed";
    public const string PendingAvailability = "PendingAvailability";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        Pending, Unshipped, PartiallyShipped, Shipped, Canceled, Unfulfillable, InvoiceUnconfirmed, PendingAvailability,
    };
}
