namespace RetailFunctions.Core.Catalog;

/// <summary>The last consistency check: what was compared and where a channel differed from the catalogue.</summary>
/// <param name="Drift">The first <see cref="CatalogConsistencyCheck.MaxDriftListed"/> differences; <paramref name="DriftCount"/> counts them all.</param>
public sealed record CatalogConsistencyReport(DateTimeOffset CheckedAt, int ListingsChecked, int DriftCount, IReadOnlyList<CatalogDrift> Drift);

/// <param name="Problem"><c>missing listing</c>, or <c>wrong price: shows 12.00, catalogue 24.99</c> (POS: per store).</param>
public sealed record CatalogDrift(string Sku, string Channel, string Problem);

public interface ICatalogConsistencyReports
{
    Task<CatalogConsistencyReport?> LatestAsync(CancellationToken cancellationToken);

    Task SaveAsync(CatalogConsistencyReport report, CancellationToken cancellationToken);
}
