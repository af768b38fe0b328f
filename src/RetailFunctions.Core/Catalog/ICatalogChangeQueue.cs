namespace RetailFunctions.Core.Catalog;

/// <summary>The <c>catalog-changes</c> queue between the change API or a product file and the function that applies them.</summary>
public interface ICatalogChangeQueue
{
    public const string QueueName = "catalog-changes";

    /// <summary>UTF-8 bytes of items per message, so a message stays under 64 KiB once base64-encoded.</summary>
    public const int MaxBytesPerMessage = 40 * 1024;

    Task EnqueueAsync(CatalogChange change, CancellationToken cancellationToken);
}
