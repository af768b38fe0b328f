using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace RetailFunctions.LocalHost.Blobs;

/// <summary>
/// Which blob versions (name + ETag) a function has handled, kept in a table so that a restart does not
/// handle them again. Failed attempts are counted so that a blob that always fails is poisoned, not retried forever.
/// </summary>
internal sealed class BlobReceipts(TableClient table)
{
    public const string TableName = "fabrichostblobreceipts";

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<Dictionary<string, BlobReceipt>> LoadAsync(string function, CancellationToken cancellationToken)
    {
        var receipts = new Dictionary<string, BlobReceipt>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == function, cancellationToken: cancellationToken))
        {
            receipts[entity.RowKey] = new BlobReceipt(entity.GetString("Status") ?? "", entity.GetInt32("Attempts") ?? 0);
        }

        return receipts;
    }

    public Task RecordAsync(string function, string blobPath, ETag etag, string status, int attempts, string? error, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(
            new TableEntity(function, KeyOf(blobPath, etag))
            {
                ["BlobPath"] = blobPath,
                ["ETag"] = etag.ToString(),
                ["Status"] = status,
                ["Attempts"] = attempts,
                ["LastError"] = error is { Length: > 1000 } ? error[..1000] : error,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public static string KeyOf(string blobPath, ETag etag) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{blobPath}|{etag}")));
}

internal sealed record BlobReceipt(string Status, int Attempts)
{
    public const string Done = "Done";
    public const string Failed = "Failed";
    public const string Poisoned = "Poisoned";

    public bool IsFinal => Status is Done or Poisoned;
}
