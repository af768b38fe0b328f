namespace RetailFunctions.Simulators.Walmart;

public sealed record WalmartOrder(string PurchaseOrderId, string CustomerOrderId, string Currency, DateTimeOffset OrderDate, IReadOnlyList<WalmartOrderLine> Lines)
{
    /// <summary>When the order last changed: what <c>lastModifiedStartDate</c> filters on.</summary>
    public DateTimeOffset LastModified { get; init; } = OrderDate;
}

/// <param name="Status">Walmart's line status: Created, Acknowledged, Shipped or Cancelled.</param>
public sealed record WalmartOrderLine(string LineNumber, string Sku, string ProductName, int Quantity, decimal UnitPrice, string Status, string? Carrier, string? TrackingNumber);
