namespace RetailFunctions.Cli.Poison;

/// <summary>What a replay did: messages moved back, and messages that arrived in the poison queue while it ran (left there).</summary>
internal sealed record PoisonReplayResult(string Queue, string TargetQueue, int Replayed, int LeftInPoison, IReadOnlyList<string> MessageIds);
