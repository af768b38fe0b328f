namespace RetailFunctions.Core.Sla;

/// <summary>A flow that has started and not yet finished.</summary>
public sealed record SlaClock(string Flow, string Subject, DateTimeOffset StartedAt);
