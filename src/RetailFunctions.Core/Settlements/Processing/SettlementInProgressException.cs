namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>Another blob with the same content holds the claim; thrown so the trigger retries once that one is done.</summary>
public sealed class SettlementInProgressException(SettlementFile file, string contentHash)
    : Exception($"The content of {file.Path} ({contentHash}) is being processed from another blob.")
{
    public SettlementFile File { get; } = file;
}
