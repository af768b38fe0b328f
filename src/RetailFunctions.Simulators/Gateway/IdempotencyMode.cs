namespace RetailFunctions.Simulators.Gateway;

public enum IdempotencyMode
{
    /// <summary>Reads: nothing to dedupe.</summary>
    None,

    /// <summary>Honoured when the caller sends <c>Idempotency-Key</c>.</summary>
    Optional,

    /// <summary>Refused with 400 without <c>Idempotency-Key</c>, as the back-office contract requires.</summary>
    Required,
}
