using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.BackOffice.Erp;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>
/// The legacy ERP over batch files (<see cref="LegacyErpFiles"/>): writes the document to the outbox unless it is
/// there already, then waits a bounded time for its acknowledgement in the inbox. A posting whose acknowledgement has
/// not come yet fails as unavailable, so the activity's retry policy looks again later, on a durable timer.
/// </summary>
public sealed partial class BlobLegacyErpClient(
    StorageClients storage,
    IOptions<LegacyErpOptions> options,
    TimeProvider time,
    ILogger<BlobLegacyErpClient> logger) : IErpClient
{
    public const string System = "erp-legacy";

    private readonly BlobContainerClient _outbox = storage.Blobs.GetBlobContainerClient(LegacyErpFiles.OutboxContainer);
    private readonly BlobContainerClient _inbox = storage.Blobs.GetBlobContainerClient(LegacyErpFiles.InboxContainer);

    public Task<string> CreateSalesOrderAsync(ErpSalesOrder order, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(Document(LegacyErpFiles.SalesOrder, idempotencyKey) with { SalesOrder = order }, "createSalesOrder", cancellationToken);

    public Task CancelSalesOrderAsync(string erpOrderId, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(Document(LegacyErpFiles.Cancellation, idempotencyKey) with { Cancellation = new LegacyErpCancellation(erpOrderId) }, "cancelSalesOrder", cancellationToken);

    public Task<string> PostInvoiceAsync(ErpInvoice invoice, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(Document(LegacyErpFiles.Invoice, idempotencyKey) with { Invoice = invoice }, "postInvoice", cancellationToken);

    public Task<string> PostCreditMemoAsync(ErpCreditMemo creditMemo, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(Document(LegacyErpFiles.CreditMemo, idempotencyKey) with { CreditMemo = creditMemo }, "postCreditMemo", cancellationToken);

    public Task<string> PostJournalAsync(ErpJournal journal, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(Document(LegacyErpFiles.Journal, idempotencyKey) with { Journal = journal }, "postJournal", cancellationToken);

    private LegacyErpDocument Document(string documentType, string idempotencyKey) =>
        new(LegacyErpFiles.FormatVersion, documentType, idempotencyKey, time.GetUtcNow());

    private async Task<string> PostAsync(LegacyErpDocument document, string operation, CancellationToken cancellationToken)
    {
        var path = LegacyErpFiles.DocumentPath(document.DocumentType, document.DocumentKey);
        try
        {
            await WriteOnceAsync(path, document, cancellationToken);
            var acknowledgement = await AwaitAcknowledgementAsync(LegacyErpFiles.AcknowledgementPathFor(path), cancellationToken);
            if (acknowledgement is null)
            {
                LogPending(document.DocumentKey, path);
                throw new BackOfficeUnavailableException(System, operation, null, "acknowledgement pending") { RetryAfter = options.Value.PollInterval };
            }

            if (acknowledgement.Status != LegacyErpAcknowledgement.Accepted || acknowledgement.DocumentNumber is not { Length: > 0 } number)
            {
                throw new BackOfficeRejectedException(System, operation, 422, acknowledgement.Reason ?? $"acknowledged as '{acknowledgement.Status}' without a document number");
            }

            logger.Done(System, operation, document.DocumentKey, number);
            return number;
        }
        catch (RequestFailedException ex)
        {
            throw new BackOfficeUnavailableException(System, operation, ex.Status, ex.ErrorCode, ex);
        }
    }

    /// <summary>Conditional create: a retry finds the file it wrote before and leaves it as it is.</summary>
    private async Task WriteOnceAsync(string path, LegacyErpDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.GetBlobClient(path).UploadAsync(
                BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, LegacyErpJson.Default.LegacyErpDocument)),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            LogAlreadyWritten(document.DocumentKey, path);
        }
    }

    private async Task<LegacyErpAcknowledgement?> AwaitAcknowledgementAsync(string path, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var blob = _inbox.GetBlobClient(path);
        var deadline = time.GetUtcNow() + settings.AcknowledgementWait;
        while (true)
        {
            try
            {
                var content = await blob.DownloadContentAsync(cancellationToken);
                return content.Value.Content.ToObjectFromJson(LegacyErpJson.Default.LegacyErpAcknowledgement)
                    ?? throw new BackOfficeRejectedException(System, "readAcknowledgement", 422, $"empty acknowledgement {path}");
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                if (time.GetUtcNow() + settings.PollInterval > deadline)
                {
                    return null;
                }

                await Task.Delay(settings.PollInterval, time, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new BackOfficeRejectedException(System, "readAcknowledgement", 422, $"unreadable acknowledgement {path} ({ex.Path})");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Legacy ERP document {DocumentKey} is already in the outbox as {Path}; not written again")]
    private partial void LogAlreadyWritten(string documentKey, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Legacy ERP has not acknowledged {DocumentKey} ({Path}) yet; the activity will look again")]
    private partial void LogPending(string documentKey, string path);
}
