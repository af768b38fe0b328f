namespace RetailFunctions.Core.Recovery;

/// <summary>What one poll of a channel did: the window it listed, how many orders it saw and how many it recovered.</summary>
public sealed record RecoveryRun(string Channel, DateTimeOffset Since, DateTimeOffset Until, int Listed, int Recovered, int Pages);
