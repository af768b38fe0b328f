namespace RetailFunctions.Core.Orders;

public sealed record PostalAddress(
    string? Name,
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? CountryCode,
    string? Phone)
{
    // Personal data: keep it out of logs and exception messages even when the whole order is printed.
    public override string ToString() => "PostalAddress { *redacted* }";
}
