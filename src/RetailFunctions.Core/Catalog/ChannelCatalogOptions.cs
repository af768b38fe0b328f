namespace RetailFunctions.Core.Catalog;

/// <summary><c>Catalog:Channels:{channel}</c>: what a listing needs before it is sent there, and how the API is fed.</summary>
public sealed class ChannelCatalogOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Master fields a listing must have: <c>title</c>, <c>description</c>, <c>brand</c>, <c>gtin</c>, <c>taxClass</c>, or <c>attributes.{name}</c>.</summary>
    public List<string> RequiredFields { get; set; } = [];

    public int MaxTitleLength { get; set; } = 200;

    /// <summary>Currencies the channel sells in.</summary>
    public List<string> Currencies { get; set; } = ["USD"];

    /// <summary>Listings per API call (a feed takes thousands, Shopify's <c>productSet</c> one).</summary>
    public int MaxBatchSize { get; set; } = 250;

    /// <summary>When no more than this many listings are due they go one per call, which is faster than a feed.</summary>
    public int SingleItemMaxCount { get; set; }

    /// <summary>POS: the stores whose price list is kept.</summary>
    public List<string> Stores { get; set; } = [];

    /// <returns>Null when valid, else what is wrong.</returns>
    public string? Validate() =>
        MaxTitleLength <= 0 ? "MaxTitleLength must be positive."
        : MaxBatchSize <= 0 ? "MaxBatchSize must be positive."
        : SingleItemMaxCount < 0 ? "SingleItemMaxCount must not be negative."
        : Currencies.Count == 0 ? "Currencies must name at least one currency."
        : null;
}
