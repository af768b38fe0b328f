using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Sla;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Sla;

/// <summary>
/// SLA clocks (table <c>slaclocks</c>, partition = flow, row = subject; a row exists only while the flow runs, so a
/// check reads just the running ones) and breaches (table <c>slabreaches</c>, same keys: one breach per flow and subject).
/// </summary>
public sealed class TableSlaStore(StorageClients storage) : ISlaStore
{
    private readonly TableClient _clocks = storage.Tables.GetTableClient(StorageNames.SlaClocksTable);
    private readonly TableClient _breaches = storage.Tables.GetTableClient(StorageNames.SlaBreachesTable);

    public async Task StartAsync(SlaClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            await _clocks.AddEntityAsync(
                new TableEntity(clock.Flow, StorageKey.Escape(clock.Subject)) { ["Subject"] = clock.Subject, ["StartedAt"] = clock.StartedAt },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already running: a redelivered step keeps the first start.
        }
    }

    public async Task<SlaClock?> StopAsync(string flow, string subject, CancellationToken cancellationToken)
    {
        var row = await _clocks.GetEntityIfExistsAsync<TableEntity>(flow, StorageKey.Escape(subject), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } clock)
        {
            return null;
        }

        try
        {
            await _clocks.DeleteEntityAsync(clock.PartitionKey, clock.RowKey, clock.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Another delivery of the same step stopped it first and judged it.
            return null;
        }

        return ToClock(clock);
    }

    public Task<IReadOnlyList<SlaClock>> StartedBeforeAsync(string flow, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        MissingTable.EmptyIfMissingAsync<SlaClock>(async () =>
        {
            var clocks = new List<SlaClock>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {flow} and StartedAt lt {cutoff}");
            await foreach (var row in _clocks.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                clocks.Add(ToClock(row));
            }

            return clocks;
        });

    public async Task<bool> TryAddBreachAsync(SlaBreach breach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        try
        {
            await _breaches.AddEntityAsync(
                new TableEntity(breach.Flow, StorageKey.Escape(breach.Subject))
                {
                    ["Subject"] = breach.Subject,
                    ["StartedAt"] = breach.StartedAt,
                    ["DetectedAt"] = breach.DetectedAt,
                    ["CompletedAt"] = breach.CompletedAt,
                    ["ThresholdSeconds"] = breach.Threshold.TotalSeconds,
                    ["ElapsedSeconds"] = breach.Elapsed.TotalSeconds,
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<SlaBreach>> BreachesAsync(int max, CancellationToken cancellationToken) =>
        MissingTable.EmptyIfMissingAsync<SlaBreach>(async () =>
        {
            var breaches = new List<SlaBreach>();
            await foreach (var row in _breaches.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                breaches.Add(new SlaBreach(
                    row.PartitionKey,
                    row.GetString("Subject"),
                    row.GetDateTimeOffset("StartedAt")!.Value,
                    row.GetDateTimeOffset("DetectedAt")!.Value,
                    row.GetDateTimeOffset("CompletedAt"),
                    TimeSpan.FromSeconds(row.GetDouble("ThresholdSeconds") ?? 0),
                    TimeSpan.FromSeconds(row.GetDouble("ElapsedSeconds") ?? 0)));
            }

            return [.. breaches.OrderByDescending(b => b.DetectedAt).Take(max)];
        });

    private static SlaClock ToClock(TableEntity row) =>
        new(row.PartitionKey, row.GetString("Subject"), row.GetDateTimeOffset("StartedAt")!.Value);
}
