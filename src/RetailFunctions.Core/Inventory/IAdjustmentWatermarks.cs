namespace RetailFunctions.Core.Inventory;

/// <summary>Per adjustment source, the highest sequence ever admitted at the gate: one row, only ever raised.</summary>
public interface IAdjustmentWatermarks
{
    /// <summary>
    /// Raises the source's watermark to <paramref name="sequence"/> unless it is higher already, guarded by the row's
    /// concurrency token, and returns the watermark it found: null when the source never had a sequence applied anywhere.
    /// </summary>
    Task<long?> RaiseAsync(string source, long sequence, CancellationToken cancellationToken);
}
