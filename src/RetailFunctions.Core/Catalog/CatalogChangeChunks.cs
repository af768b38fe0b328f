using System.Text.Json;

namespace RetailFunctions.Core.Catalog;

/// <summary>Splits a change into queue messages of at most <see cref="ICatalogChangeQueue.MaxBytesPerMessage"/> bytes of items.</summary>
public static class CatalogChangeChunks
{
    /// <summary>The largest single item accepted: descriptions are long, but a message must hold at least one item.</summary>
    public const int MaxItemBytes = ICatalogChangeQueue.MaxBytesPerMessage;

    public static int Size(CatalogItemChange item) => JsonSerializer.SerializeToUtf8Bytes(item, CatalogJson.Default.CatalogItemChange).Length;

    public static IEnumerable<IReadOnlyList<CatalogItemChange>> Split(IEnumerable<CatalogItemChange> items)
    {
        var chunk = new List<CatalogItemChange>();
        var bytes = 0;
        foreach (var item in items)
        {
            var size = Size(item);
            if (chunk.Count > 0 && bytes + size > ICatalogChangeQueue.MaxBytesPerMessage)
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(item);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
