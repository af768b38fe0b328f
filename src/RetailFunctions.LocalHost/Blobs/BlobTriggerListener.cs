using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Hosting;
using RetailFunctions.LocalHost.Invocation;
using RetailFunctions.LocalHost.Queues;

namespace RetailFunctions.LocalHost.Blobs;

/// <summary>
/// Scans a container for blobs matching the trigger path and invokes the function once per blob version,
/// with receipts persisted in Azurite. In Azure the Event Grid blob source does this job.
/// A blob that fails <c>maxDequeueCount</c> times is reported to <c>webjobs-blobtrigger-poison</c>, as the runtime does.
/// </summary>
internal sealed partial class BlobTriggerListener(
    FunctionDescriptor function,
    AppSettings settings,
    QueueTriggerOptions queueOptions,
    FabricReadiness readiness,
    FunctionInvoker invoker,
    ILogger<BlobTriggerListener> logger) : TriggerListener(readiness)
{
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    protected override async Task ListenAsync(CancellationToken stoppingToken)
    {
        var pattern = new BlobPathPattern(settings.Resolve((string)function.Trigger["path"]!));
        var connection = (string?)function.Trigger["connection"];
        var container = settings.Blobs(connection).GetBlobContainerClient(pattern.Container);
        var receipts = new BlobReceipts(settings.Tables(connection).GetTableClient(BlobReceipts.TableName));
        var pollInterval = settings.Configuration.GetValue("LocalHost:BlobPollInterval", TimeSpan.FromSeconds(1));
        var created = false;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Once, not every scan: an idle scan is then one listing, the emulator's cheapest request.
                if (!created)
                {
                    await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    await receipts.EnsureCreatedAsync(stoppingToken);
                    created = true;
                }

                await ScanAsync(container, pattern, receipts, connection, stoppingToken);
            }
            catch (Exception ex) when (StorageOutage.IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                // A container or table deleted under the host is created again by the next scan.
                created = false;
                LogScanFailed(ex, pattern.Container);
            }

            await Task.Delay(pollInterval, stoppingToken);
        }
    }

    private async Task ScanAsync(BlobContainerClient container, BlobPathPattern pattern, BlobReceipts receipts, string? connection, CancellationToken stoppingToken)
    {
        Dictionary<string, BlobReceipt>? handled = null;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, pattern.Prefix, stoppingToken))
        {
            handled ??= await receipts.LoadAsync(function.Name, stoppingToken);
            var tokens = pattern.Match(item.Name);
            var etag = item.Properties.ETag!.Value;
            var path = $"{pattern.Container}/{item.Name}";
            handled.TryGetValue(BlobReceipts.KeyOf(path, etag), out var receipt);
            if (tokens is null || receipt is { IsFinal: true })
            {
                continue;
            }

            var attempts = (receipt?.Attempts ?? 0) + 1;
            var blob = container.GetBlobClient(item.Name);
            try
            {
                await invoker.InvokeAsync(function, Input(blob, path, tokens, etag), stoppingToken);
                await receipts.RecordAsync(function.Name, path, etag, BlobReceipt.Done, attempts, null, CancellationToken.None);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var poisoned = attempts >= queueOptions.MaxDequeueCount;
                await receipts.RecordAsync(function.Name, path, etag, poisoned ? BlobReceipt.Poisoned : BlobReceipt.Failed, attempts, ex.Message, CancellationToken.None);
                if (poisoned)
                {
                    LogPoisoned(ex, function.Name, path, attempts);
                    await ReportPoisonAsync(connection, pattern.Container, item.Name, etag.ToString());
                }
                else
                {
                    LogRetrying(ex, function.Name, path, attempts);
                }
            }
        }
    }

    private async Task ReportPoisonAsync(string? connection, string container, string blobName, string etag)
    {
        var queue = settings.Queue(connection, PoisonQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = function.Name,
            BlobType = "BlockBlob",
            ContainerName = container,
            BlobName = blobName,
            ETag = etag,
        }));
    }

    private static TriggerInput Input(BlobClient blob, string path, IReadOnlyDictionary<string, object?> tokens, Azure.ETag etag)
    {
        var bindingData = new Dictionary<string, object?>(tokens, StringComparer.OrdinalIgnoreCase)
        {
            ["BlobTrigger"] = path,
            ["Uri"] = blob.Uri,
        };
        var conditions = new BlobRequestConditions { IfMatch = etag };
        return new TriggerInput(
            async (type, cancellationToken) => type switch
            {
                _ when type == typeof(Stream) => await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { Conditions = conditions }, cancellationToken),
                _ when type == typeof(BlobClient) || type == typeof(BlobBaseClient) => blob,
                _ when type == typeof(string) => (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value.Content.ToString(),
                _ when type == typeof(byte[]) => (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value.Content.ToArray(),
                _ when type == typeof(BinaryData) => (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken)).Value.Content,
                _ => throw new InvalidOperationException($"The local fabric host cannot bind a blob to {type.Name}."),
            },
            bindingData);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on blob {BlobPath} (attempt {Attempt}); it will be retried")]
    private partial void LogRetrying(Exception exception, string function, string blobPath, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed on blob {BlobPath} {Attempts} times; reported to the poison queue")]
    private partial void LogPoisoned(Exception exception, string function, string blobPath, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {Container} cannot be scanned; retrying")]
    private partial void LogScanFailed(Exception exception, string container);
}
