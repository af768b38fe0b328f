using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.Storage;

/// <summary>
/// Creates the fabric's containers, queues and tables when the app starts, so a fresh Azurite works
/// without a set-up step. In Azure the Bicep templates already created them and this finds nothing to do.
/// </summary>
public sealed partial class StorageBootstrapper(StorageClients storage, ILogger<StorageBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(
                StorageNames.Containers.Select(c => storage.Blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken))
                    .Cast<Task>()
                    .Concat(StorageNames.Queues.Select(q => storage.Queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                    .Concat(StorageNames.Tables.Select(t => storage.Tables.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken))));
        }
        catch (Azure.RequestFailedException ex)
        {
            // Without create rights (least privilege in Azure) the resources must come from infra/; say so once.
            LogBootstrapFailed(ex, ex.Status);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create storage resources (status {Status}); they must already exist")]
    private partial void LogBootstrapFailed(Exception exception, int status);
}
