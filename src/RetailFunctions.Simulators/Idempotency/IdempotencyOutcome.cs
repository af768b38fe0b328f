namespace RetailFunctions.Simulators.Idempotency;

/// <param name="Response">Null when the key was used before for a different request.</param>
public sealed record IdempotencyOutcome(StoredResponse? Response, bool Replayed)
{
    public static IdempotencyOutcome Mismatch { get; } = new(null, false);
}
