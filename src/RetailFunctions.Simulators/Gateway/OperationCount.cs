namespace RetailFunctions.Simulators.Gateway;

public sealed record OperationCount(long Requests, long Faulted, long Throttled, long Replayed);
