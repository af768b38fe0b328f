namespace RetailFunctions.Core.Returns;

/// <summary>The sale a return is against, as the returning channel knows it.</summary>
/// <param name="Channel">The channel of the sale; null when the reference does not say (a receipt number scanned in a
/// store), and every channel's ledger is searched.</param>
public sealed record ReturnOrderReference(string? Channel, string ChannelOrderId);
