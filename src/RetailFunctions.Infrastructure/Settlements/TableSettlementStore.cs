using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Settlements.Processing;
using RetailFunctions.Core.Settlements.Reconciliation;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Settlements;

/// <summary>
/// Settlement state in Azure Storage: content-hash claims in <c>settlementfiles</c> (partition = channel, row = SHA-256),
/// summaries in <c>settlements</c> (partition = channel, row = settlement id), exceptions in <c>settlementexceptions</c>
/// (partition = channel|settlement id), reports and quarantined files in their containers.
/// </summary>
/// <remarks>The overview row carries the <c>settlement.reconciled</c> outbox row in its partition, committed together.</remarks>
public sealed class TableSettlementStore(StorageClients storage, OutboxTransactions outbox, TimeProvider time) : ISettlementStore
{
    private const string Processing = "Processing";
    private const int MaxBatch = 100;
    private readonly TableClient _files = storage.Tables.GetTableClient(StorageNames.SettlementFilesTable);
    private readonly TableClient _settlements = storage.Tables.GetTableClient(StorageNames.SettlementsTable);
    private readonly TableClient _exceptions = storage.Tables.GetTableClient(StorageNames.SettlementExceptionsTable);

    public async Task<SettlementClaim> ClaimAsync(SettlementFile file, string contentHash, CancellationToken cancellationToken)
    {
        try
        {
            await _files.AddEntityAsync(
                new TableEntity(file.Channel, contentHash)
                {
                    ["BlobPath"] = file.Path,
                    ["Status"] = Processing,
                    ["ClaimedAt"] = time.GetUtcNow(),
                },
                cancellationToken);
            return SettlementClaim.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await _files.GetEntityAsync<TableEntity>(file.Channel, contentHash, cancellationToken: cancellationToken)).Value;
            return existing.GetString("Status") != Processing ? SettlementClaim.AlreadyProcessed
                : existing.GetString("BlobPath") == file.Path ? SettlementClaim.Resumed
                : SettlementClaim.InProgressElsewhere;
        }
    }

    public Task CompleteClaimAsync(SettlementFile file, string contentHash, string outcome, string? settlementId, CancellationToken cancellationToken) =>
        _files.UpdateEntityAsync(
            new TableEntity(file.Channel, contentHash)
            {
                ["Status"] = outcome,
                ["SettlementId"] = settlementId,
                ["CompletedAt"] = time.GetUtcNow(),
            },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task QuarantineAsync(SettlementFile file, QuarantineReason reason, CancellationToken cancellationToken)
    {
        var source = storage.Blobs.GetBlobContainerClient(StorageNames.SettlementsContainer).GetBlobClient($"{file.Channel}/{file.Name}");
        var quarantine = storage.Blobs.GetBlobContainerClient(StorageNames.SettlementsQuarantineContainer);
        var metadata = new Dictionary<string, string>
        {
            ["line"] = reason.LineNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["reason"] = HeaderSafe(reason.Message),
            ["contenthash"] = reason.ContentHash,
        };

        // Streamed, not copied by URL: a server-side copy would need the source readable by URL or SAS, which identity-only accounts refuse.
        await using (var content = await source.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken))
        {
            await quarantine.GetBlobClient($"{file.Channel}/{file.Name}")
                .UploadAsync(content, new BlobUploadOptions { Metadata = metadata }, cancellationToken);
        }

        await quarantine.GetBlobClient($"{file.Channel}/{file.Name}.reason.json").UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reason, SettlementJson.Default.QuarantineReason)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    public async Task SaveExceptionsAsync(SettlementOverview settlement, IReadOnlyList<SettlementException> exceptions, CancellationToken cancellationToken)
    {
        var partition = $"{settlement.Channel}|{StorageKey.Escape(settlement.SettlementId)}";
        var actions = exceptions
            .Select((e, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, RowKey(e, i))
            {
                ["SettlementId"] = settlement.SettlementId,
                ["Channel"] = settlement.Channel,
                ["Reason"] = e.Reason.ToString(),
                ["OrderRef"] = e.OrderRef,
                ["Amount"] = e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Currency"] = settlement.Currency,
                ["Detail"] = e.Detail,
                ["ReconciledAt"] = settlement.ReconciledAt,
            }))
            .ToList();
        foreach (var batch in actions.Chunk(MaxBatch))
        {
            await _exceptions.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    public Task SaveOverviewAsync(SettlementOverview settlement, CancellationToken cancellationToken) =>
        _settlements.UpsertEntityAsync(OverviewRow(settlement), TableUpdateMode.Replace, cancellationToken);

    public Task SaveOverviewAsync(SettlementOverview settlement, RetailEvent announcement, CancellationToken cancellationToken) =>
        outbox.CommitAsync(_settlements, new TableTransactionAction(TableTransactionActionType.UpsertReplace, OverviewRow(settlement)), [announcement], cancellationToken);

    public Task SaveReportAsync(SettlementReport report, CancellationToken cancellationToken)
    {
        var path = report.Summary.ReportPath;
        var blob = storage.Blobs.GetBlobContainerClient(StorageNames.SettlementReportsContainer)
            .GetBlobClient(path[(StorageNames.SettlementReportsContainer.Length + 1)..]);
        return blob.UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(report, SettlementJson.Default.SettlementReport)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    public async Task<SettlementOverview?> FindOverviewAsync(string channel, string settlementId, CancellationToken cancellationToken)
    {
        var entity = await _settlements.GetEntityIfExistsAsync<TableEntity>(
            channel, StorageKey.Escape(settlementId), select: ["OverviewJson"], cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value!.GetString("OverviewJson") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, SettlementJson.Default.SettlementOverview)
            : null;
    }

    private static TableEntity OverviewRow(SettlementOverview settlement) =>
        new(settlement.Channel, StorageKey.Escape(settlement.SettlementId))
        {
            ["TotalAmount"] = settlement.TotalAmount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Currency"] = settlement.Currency,
            ["ExceptionCount"] = settlement.ExceptionCount,
            ["JournalId"] = settlement.JournalId,
            ["OverviewJson"] = JsonSerializer.Serialize(settlement, SettlementJson.Default.SettlementOverview),
        };

    /// <summary>Deterministic, so that a re-run replaces the same rows; the index keeps two exceptions of one kind apart.</summary>
    private static string RowKey(SettlementException exception, int index) =>
        $"{index:D6}-{exception.Reason}";

    private static string HeaderSafe(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 1024));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 1024)))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
