namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>The latest status of one purchase order line (<c>Created</c>, <c>Acknowledged</c>, <c>Shipped</c>, <c>Cancelled</c>).</summary>
internal sealed record WalmartLineStatus(string? Status, DateTimeOffset? At, string? Reason)
{
    public bool IsCancelled => string.Equals(Status, "Cancelled", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Status, "Canceled", StringComparison.OrdinalIgnoreCase);

    public bool IsShipped => string.Equals(Status, "Shipped", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Status, "Delivered", StringComparison.OrdinalIgnoreCase);
}
