namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>A channel's raw amount type and the canonical kind it maps to.</summary>
public readonly record struct SettlementType(SettlementKind Kind, string RawType);
