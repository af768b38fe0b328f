using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Shipments;

/// <summary>
/// Parked shipment callbacks in the <c>shipments</c> table: partition = <c>parked-{channel}</c>, row =
/// <c>{channelOrderId}|{source}|{callbackId}</c>, so one order's parked callbacks are one range query.
/// </summary>
public sealed class TableParkedShipments(StorageClients storage) : IParkedShipments
{
    private const string PartitionPrefix = "parked-";
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.ShipmentsTable);

    public async Task ParkAsync(ParkedShipment parked, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(parked), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A redelivery of a callback that is parked already: the first entry keeps its parking time.
        }
    }

    public async Task<IReadOnlyList<ParkedShipment>> ListAsync(string? channel, string? channelOrderId, CancellationToken cancellationToken)
    {
        var filter = (channel, channelOrderId) switch
        {
            (null, _) => TableClient.CreateQueryFilter($"PartitionKey ge {PartitionPrefix} and PartitionKey lt {PartitionPrefix[..^1] + "."}"),
            (_, null) => TableClient.CreateQueryFilter($"PartitionKey eq {PartitionPrefix + channel.ToLowerInvariant()}"),
            _ => TableClient.CreateQueryFilter(
                $"PartitionKey eq {PartitionPrefix + channel.ToLowerInvariant()} and RowKey ge {OrderPrefix(channelOrderId)} and RowKey lt {OrderPrefix(channelOrderId)[..^1] + "}"}"),
        };
        var parked = new List<ParkedShipment>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            parked.Add(FromEntity(entity));
        }

        return parked;
    }

    public Task UpdateAsync(ParkedShipment parked, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(parked), TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(ParkedShipment parked, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(PartitionPrefix + parked.Channel, RowKey(parked), ETag.All, cancellationToken);

    private static string OrderPrefix(string channelOrderId) => StorageKey.Escape(channelOrderId) + "|";

    private static string RowKey(ParkedShipment parked) =>
        $"{OrderPrefix(parked.ChannelOrderId)}{StorageKey.Escape(parked.Source)}|{StorageKey.Escape(parked.CallbackId)}";

    private static TableEntity ToEntity(ParkedShipment parked) =>
        new(PartitionPrefix + parked.Channel, RowKey(parked))
        {
            ["Source"] = parked.Source,
            ["CallbackId"] = parked.CallbackId,
            ["Kind"] = parked.Kind,
            ["Channel"] = parked.Channel,
            ["ChannelOrderId"] = parked.ChannelOrderId,
            ["BlobPath"] = parked.BlobPath,
            ["ParkedAt"] = parked.ParkedAt,
            ["Attempts"] = parked.Attempts,
            ["LastAttemptAt"] = parked.LastAttemptAt,
            ["FlaggedAt"] = parked.FlaggedAt,
        };

    private static ParkedShipment FromEntity(TableEntity entity) =>
        new(
            entity.GetString("Source"),
            entity.GetString("CallbackId"),
            entity.GetString("Kind"),
            entity.GetString("Channel"),
            entity.GetString("ChannelOrderId"),
            entity.GetString("BlobPath"),
            entity.GetDateTimeOffset("ParkedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            entity.GetInt32("Attempts") ?? 0,
            entity.GetDateTimeOffset("LastAttemptAt"),
            entity.GetDateTimeOffset("FlaggedAt"));
}
