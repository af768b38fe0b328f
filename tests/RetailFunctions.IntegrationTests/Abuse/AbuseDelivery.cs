namespace RetailFunctions.IntegrationTests.Abuse;

/// <summary>
/// A fresh, valid delivery for one endpoint, and where its effect would show: the receipts partition the gate claims,
/// the raw-webhooks folder it archives to (none for inventory adjustments) and the state downstream of the queue.
/// </summary>
internal sealed record AbuseDelivery(
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    string ReceiptPartition,
    string? ArchiveFolder,
    Func<HttpClient, Task<bool>> HasDownstreamEffect);
