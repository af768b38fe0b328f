namespace RetailFunctions.Core.Inventory;

/// <summary>The 202/200 body of the adjustments endpoint.</summary>
public sealed record AdjustmentResponse(string Status, string? Source, long? Sequence, int Queued, IReadOnlyList<IgnoredAdjustment> Ignored);
