namespace RetailFunctions.Core.Catalog;

/// <summary>Product files dropped into <c>catalog/{source}/{file}</c>.</summary>
public interface ICatalogFiles
{
    /// <summary>Copies the file to <c>catalog-quarantine/{source}/{file}</c> with the reason beside it.</summary>
    Task QuarantineAsync(CatalogQuarantineReason reason, CancellationToken cancellationToken);
}
