namespace RetailFunctions.Simulators.Walmart;

/// <summary>Control API: a purchase order the simulated Walmart API will serve.</summary>
public sealed record WalmartOrderSeed(string PurchaseOrderId, IReadOnlyList<WalmartLineSeed> Lines, string? CustomerOrderId = null, string? Currency = null, DateTimeOffset? OrderDate = null);

/// <param name="LineNumber">Walmart numbers lines "1", "2", …; assigned in order when absent.</param>
public sealed record WalmartLineSeed(string Sku, int Quantity, decimal UnitPrice, string? LineNumber = null, string? ProductName = null);
