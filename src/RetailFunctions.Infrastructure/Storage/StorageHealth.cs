namespace RetailFunctions.Infrastructure.Storage;

/// <summary>Readiness: the fabric is ready when its blob container, queue and ledger table answer.</summary>
public sealed class StorageHealth(StorageClients storage)
{
    public async Task<IReadOnlyList<string>> FindProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await Check("blob", async () => (await storage.Blobs.GetBlobContainerClient(StorageNames.RawWebhooksContainer).ExistsAsync(cancellationToken)).Value);
        await Check("queue", async () => (await storage.Queues.GetQueueClient(StorageNames.ChannelEventsQueue).ExistsAsync(cancellationToken)).Value);
        await Check("table", async () =>
        {
            await foreach (var _ in storage.Tables.GetTableClient(StorageNames.OrdersTable)
                .QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
            {
                break;
            }

            return true;
        });
        return problems;

        async Task Check(string name, Func<Task<bool>> probe)
        {
            try
            {
                if (!await probe())
                {
                    problems.Add($"{name}: not provisioned");
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or TimeoutException)
            {
                problems.Add($"{name}: {ex.GetType().Name}");
            }
        }
    }
}
