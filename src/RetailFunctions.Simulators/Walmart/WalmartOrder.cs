namespace RetailFunctions.Simulators.Walmart;

public sealed record WalmartOrder(string PurchaseOrderId, string CustomerOrderId, string Currency, DateTimeOffset OrderDate, IReadOnlyList<WalmartOrderLine> Lines);

/// <param name="Status">Walmart's line status: Created, Acknowledged, Shipped or Cancelled.</param>
public sealed record WalmartOrderLine(string LineNumber, string Sku, string ProductName, int Quantity, decimal UnitPrice, string Status, string? Carrier, string? TrackingNumber);
