namespace RetailFunctions.Infrastructure.Catalog;

/// <summary><c>Catalog:Api</c>: how long to wait for a channel to process a feed before the listings are tried again.</summary>
public sealed class CatalogApiOptions
{
    public const string SectionName = "Catalog:Api";

    public int FeedPollAttempts { get; set; } = 30;

    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
