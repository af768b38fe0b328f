namespace RetailFunctions.Core.Orders;

/// <summary>A step of the order's workflow as the ledger records it; null fields leave what is stored unchanged.</summary>
public sealed record OrderProgress(OrderStatus Status, string? ErpOrderId = null, string? FailureReason = null, string? Alert = null);
