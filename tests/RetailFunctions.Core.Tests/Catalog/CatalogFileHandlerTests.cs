using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Core.Tests.Inventory;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Catalog;

/// <summary>Only a file whose content was queued is a duplicate: a claim still pending elsewhere makes the trigger retry.</summary>
public sealed class CatalogFileHandlerTests
{
    private const string File = "sku,version,title,price,currency\nSKU-1000,1,Mug,12.50,USD\n";
    private readonly InMemoryWebhookReceipts _receipts = new();
    private readonly RecordingCatalogQueue _queue = new();

    [Fact]
    public async Task HandleAsync_newContent_queuesItAndMarksItAccepted()
    {
        await HandleAsync();

        Assert.Single(_queue.Changes);
        Assert.Equal("Accepted", _receipts.Receipts[(Channel, Hash())]);
    }

    [Fact]
    public async Task HandleAsync_sameContentAlreadyAccepted_doesNothing()
    {
        _receipts.Receipts[(Channel, Hash())] = "Accepted";

        await HandleAsync();

        Assert.Empty(_queue.Changes);
    }

    [Fact]
    public async Task HandleAsync_sameContentClaimedByAnotherRun_throwsForTheRetryAndQueuesNothing()
    {
        _receipts.Receipts[(Channel, Hash())] = "Pending";

        await Assert.ThrowsAsync<CatalogFileInProgressException>(HandleAsync);

        Assert.Empty(_queue.Changes);
        Assert.Equal("Pending", _receipts.Receipts[(Channel, Hash())]);
    }

    private const string Channel = "catalog-file-pim";

    private static string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File)));

    private async Task HandleAsync()
    {
        var handler = new CatalogFileHandler(
            _receipts,
            _queue,
            new NoQuarantine(),
            TimeProvider.System,
            Options.Create(new WebhookOptions { InProgressWait = TimeSpan.Zero }),
            NullLogger<CatalogFileHandler>.Instance);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(File));
        await handler.HandleAsync("pim", "products.csv", content, CancellationToken.None);
    }

    private sealed class RecordingCatalogQueue : ICatalogChangeQueue
    {
        public List<CatalogChange> Changes { get; } = [];

        public Task EnqueueAsync(CatalogChange change, CancellationToken cancellationToken)
        {
            Changes.Add(change);
            return Task.CompletedTask;
        }
    }

    private sealed class NoQuarantine : ICatalogFiles
    {
        public Task QuarantineAsync(CatalogQuarantineReason reason, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Quarantined: {reason}");
    }
}
