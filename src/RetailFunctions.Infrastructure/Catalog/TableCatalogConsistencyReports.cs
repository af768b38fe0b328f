using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>The latest consistency report, one row of the <c>catalogsync</c> table.</summary>
public sealed class TableCatalogConsistencyReports(StorageClients storage) : ICatalogConsistencyReports
{
    private const string Partition = "consistency";
    private const string Row = "latest";

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.CatalogSyncTable);

    public async Task<CatalogConsistencyReport?> LatestAsync(CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value!.GetString("Report") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, CatalogJson.Default.CatalogConsistencyReport)
            : null;
    }

    public Task SaveAsync(CatalogConsistencyReport report, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(Partition, Row) { ["CheckedAt"] = report.CheckedAt, ["Report"] = JsonSerializer.Serialize(report, CatalogJson.Default.CatalogConsistencyReport) },
            TableUpdateMode.Replace,
            cancellationToken);
}
