namespace RetailFunctions.Core.Orders;

public sealed record ShippingCharge(decimal Amount, decimal Discount, decimal Tax, string? Method)
{
    public static ShippingCharge None { get; } = new(0m, 0m, 0m, null);
}
