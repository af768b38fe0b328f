namespace RetailFunctions.Core.Orders;

public sealed record Customer(string? Name, string? Email, string? Phone)
{
    // Personal data: keep it out of logs and exception messages even when the whole order is printed.
    public override string ToString() => "Customer { *redacted* }";
}
