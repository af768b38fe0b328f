namespace RetailFunctions.Cli.Poison;

internal sealed record PoisonQueueSummary(string Queue, string SourceQueue, int Messages);
