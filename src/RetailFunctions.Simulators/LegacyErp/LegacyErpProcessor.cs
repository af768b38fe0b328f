using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice.Erp;

namespace RetailFunctions.Simulators.LegacyErp;

/// <summary>
/// The simulated legacy ERP: a batch job that picks up every new file in <c>erp-legacy-outbox/</c>, books it and
/// writes its acknowledgement to <c>erp-legacy-inbox/</c> under the matching name (<see cref="LegacyErpFiles"/>).
/// An acknowledgement is created only if absent, so two simulators on one account never answer a file twice.
/// </summary>
public sealed partial class LegacyErpProcessor(
    LegacyErpBook book,
    IOptions<LegacyErpOptions> options,
    TimeProvider time,
    ILogger<LegacyErpProcessor> logger) : BackgroundService
{
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.StorageConnectionString))
        {
            return;
        }

        var blobs = new BlobServiceClient(settings.StorageConnectionString);
        var outbox = blobs.GetBlobContainerClient(LegacyErpFiles.OutboxContainer);
        var inbox = blobs.GetBlobContainerClient(LegacyErpFiles.InboxContainer);
        try
        {
            await outbox.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            await inbox.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            await foreach (var acknowledgement in inbox.GetBlobsAsync(cancellationToken: stoppingToken))
            {
                _answered.Add(acknowledgement.Name);
                book.Seen(acknowledgement.Name.Split('/')[0]);
            }

            LogStarted(outbox.Uri.AbsolutePath);
            while (!stoppingToken.IsCancellationRequested)
            {
                await ScanAsync(outbox, inbox, stoppingToken);
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: files not yet answered are picked up by the next run, as with a real batch job.
        }
    }

    private async Task ScanAsync(BlobContainerClient outbox, BlobContainerClient inbox, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var file in outbox.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var acknowledgementPath = LegacyErpFiles.AcknowledgementPathFor(file.Name);
                if (_answered.Contains(acknowledgementPath))
                {
                    continue;
                }

                await AnswerAsync(outbox.GetBlobClient(file.Name), inbox.GetBlobClient(acknowledgementPath), cancellationToken);
                _answered.Add(acknowledgementPath);
            }
        }
        catch (RequestFailedException ex)
        {
            LogScanFailed(ex.Status, ex.ErrorCode);
        }
    }

    private async Task AnswerAsync(BlobClient file, BlobClient acknowledgementBlob, CancellationToken cancellationToken)
    {
        var content = (await file.DownloadContentAsync(cancellationToken)).Value.Content;
        LegacyErpDocument? document;
        try
        {
            document = content.ToObjectFromJson(LegacyErpJson.Default.LegacyErpDocument);
        }
        catch (JsonException)
        {
            document = null;
        }

        var now = time.GetUtcNow();
        var acknowledgement = document is null
            ? new LegacyErpAcknowledgement(LegacyErpFiles.FormatVersion, file.Name.Split('/')[0], file.Name, LegacyErpAcknowledgement.Rejected, null, "unreadable file", now)
            : book.Book(document, now);
        try
        {
            await acknowledgementBlob.UploadAsync(
                BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(acknowledgement, LegacyErpJson.Default.LegacyErpAcknowledgement)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
            LogAnswered(file.Name, acknowledgement.Status, acknowledgement.DocumentNumber ?? acknowledgement.Reason ?? "");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another run answered it first; its answer stands.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Legacy ERP watching {Outbox}")]
    private partial void LogStarted(string outbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Legacy ERP answered {File}: {Status} {Result}")]
    private partial void LogAnswered(string file, string status, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Legacy ERP scan failed ({Status} {ErrorCode}); trying again on the next scan")]
    private partial void LogScanFailed(int status, string? errorCode);
}
