namespace RetailFunctions.Simulators.Gateway;

/// <summary>Endpoint metadata naming the simulated system and operation, so faults, rate limits and counters apply.</summary>
public sealed record SimOperation(string System, string Name, IdempotencyMode Idempotency);
