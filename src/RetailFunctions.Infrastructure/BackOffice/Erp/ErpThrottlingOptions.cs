namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>
/// <c>Erp:Throttling</c>: how hard this process may push the cloud ERP. Every ERP call of the process shares one token
/// bucket and one concurrency cap; callers beyond them wait in line (asynchronously, nothing polls) instead of hitting
/// the ERP and being answered 429.
/// </summary>
public sealed class ErpThrottlingOptions
{
    public const string SectionName = "Erp:Throttling";

    /// <summary>Sustained rate; set it at or just below the ERP's published limit.</summary>
    public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Calls that may go at once after a quiet spell.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>
    /// Calls in flight at once, retries included. An attempt waits for its token inside
    /// <c>BackOffice:Resilience:AttemptTimeout</c>, up to MaxConcurrency / RequestsPerSecond: keep that well below it.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Callers that may wait in line; one more is answered as unavailable and retried later by its activity.</summary>
    public int QueueLimit { get; set; } = 10_000;

    public string? Validate() =>
        RequestsPerSecond is <= 0 or > 10_000 ? "RequestsPerSecond must be above 0 and at most 10000."
        : Burst < 1 ? "Burst must be at least 1."
        : MaxConcurrency < 1 ? "MaxConcurrency must be at least 1."
        : QueueLimit < 0 ? "QueueLimit must not be negative."
        : null;
}
