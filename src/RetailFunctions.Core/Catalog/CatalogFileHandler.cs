using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Settlements.Processing;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// A product file in <c>catalog/{source}/{file}</c>: hashed and parsed in one pass, deduplicated on its content hash
/// (the same file dropped twice is applied once), then queued in message-sized chunks on <c>catalog-changes</c> like a
/// change request. A malformed file is quarantined whole, with the reason naming the line: nothing of it is applied.
/// </summary>
public sealed partial class CatalogFileHandler(
    IWebhookReceipts receipts,
    ICatalogChangeQueue queue,
    ICatalogFiles files,
    TimeProvider time,
    IOptions<WebhookOptions> webhookOptions,
    ILogger<CatalogFileHandler> logger)
{
    public async Task HandleAsync(string source, string name, Stream content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var hashing = new HashingReadStream(content);
        IReadOnlyList<CatalogItemChange>? items = null;
        CatalogFileFormatException? problem = null;
        try
        {
            items = CatalogSources.IsKnown(source)
                ? await CatalogFileParser.ParseAsync(hashing, name, now.ToUnixTimeMilliseconds(), cancellationToken)
                : throw new CatalogFileFormatException(null, "source", $"'{source}' is not one of: {string.Join(", ", CatalogSources.All)}.");
            if (items.Select((item, index) => (item, index)).FirstOrDefault(i => CatalogChangeChunks.Size(i.item) > CatalogChangeChunks.MaxItemBytes) is { item: not null } tooLarge)
            {
                throw new CatalogFileFormatException(null, "item", $"The product {tooLarge.item.Sku} takes more than {CatalogChangeChunks.MaxItemBytes} bytes.");
            }
        }
        catch (CatalogFileFormatException ex)
        {
            problem = ex;
        }

        var contentHash = await hashing.CompleteAsync(cancellationToken);
        if (problem is not null)
        {
            await files.QuarantineAsync(new CatalogQuarantineReason(source, name, problem.LineNumber, problem.Field, problem.Message, contentHash, now), cancellationToken);
            LogQuarantined(source, name, problem.Message);
            return;
        }

        await AdmitAsync(source, name, contentHash, items!, now, cancellationToken);
    }

    private async Task AdmitAsync(string source, string name, string contentHash, IReadOnlyList<CatalogItemChange> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (receipt, otherwise) = await receipts.ClaimAsync($"catalog-file-{source}", contentHash, "catalog-file", $"catalog/{source}/{name}", now, webhookOptions.Value, time, cancellationToken);
        if (receipt is null)
        {
            if (otherwise == WebhookOutcomeKind.InProgress)
            {
                // Another run holds the claim and may yet fail or have died: only an accepted file is a duplicate. The
                // blob trigger's retry (or, in the end, its poison queue) keeps the file from being dropped.
                throw new CatalogFileInProgressException(source, name);
            }

            LogDuplicate(source, name);
            return;
        }

        try
        {
            var latest = items.GroupBy(i => i.Sku, StringComparer.Ordinal).Select(g => g.MaxBy(i => i.Version)!).ToArray();
            var part = 0;
            foreach (var chunk in CatalogChangeChunks.Split(latest))
            {
                await queue.EnqueueAsync(new CatalogChange(source, $"file:{contentHash}#{part++}", now, chunk, null), cancellationToken);
            }

            await receipts.MarkAcceptedAsync(receipt, cancellationToken);
            LogAccepted(source, name, latest.Length, part);
        }
        catch (Exception ex)
        {
            // Applying is idempotent per version, so the trigger's retry after a partial enqueue is harmless.
            LogAdmitFailed(ex, source, name);
            await receipts.ReleaseAsync(receipt, CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog file {Source}/{Name}: {Products} products queued in {Messages} messages")]
    private partial void LogAccepted(string source, string name, int products, int messages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog file {Source}/{Name} has the content of a file already applied; nothing done")]
    private partial void LogDuplicate(string source, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog file {Source}/{Name} quarantined: {Reason}")]
    private partial void LogQuarantined(string source, string name, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog file {Source}/{Name} could not be queued; claim released for the retry")]
    private partial void LogAdmitFailed(Exception exception, string source, string name);
}
