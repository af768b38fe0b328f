namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary><c>Erp:Legacy</c>: how long one posting waits for the legacy ERP's acknowledgement file.</summary>
public sealed class LegacyErpOptions
{
    public const string SectionName = "Erp:Legacy";

    /// <summary>Wait this long in one call; after it the call fails as unavailable and its activity's retry looks again later.</summary>
    public TimeSpan AcknowledgementWait { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string? Validate() =>
        PollInterval < TimeSpan.FromMilliseconds(50) ? "PollInterval must be at least 50 ms."
        : AcknowledgementWait < PollInterval ? "AcknowledgementWait must be at least PollInterval."
        : null;
}
