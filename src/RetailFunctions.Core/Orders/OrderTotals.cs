namespace RetailFunctions.Core.Orders;

public sealed record OrderTotals(decimal Subtotal, decimal Discounts, decimal Tax, decimal Shipping, decimal Total);
