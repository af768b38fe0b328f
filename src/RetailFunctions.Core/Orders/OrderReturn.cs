namespace RetailFunctions.Core.Orders;

/// <summary>A return accepted against the order: what came back, so a later return can only take what is left.</summary>
public sealed record OrderReturn(string ReturnKey, IReadOnlyList<ReturnedLine> Lines, DateTimeOffset AcceptedAt);

public sealed record ReturnedLine(string Sku, int Quantity);
