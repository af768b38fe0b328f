namespace RetailFunctions.Simulators.LegacyErp;

/// <summary><c>Simulators:LegacyErp</c>: the simulated legacy ERP runs only when it is given a storage account.</summary>
public sealed class LegacyErpOptions
{
    public const string SectionName = "Simulators:LegacyErp";

    /// <summary>The account holding <c>erp-legacy-outbox</c> and <c>erp-legacy-inbox</c> (Azurite locally); empty = off.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>How often the outbox is scanned for new files, as a batch job on a schedule would.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
