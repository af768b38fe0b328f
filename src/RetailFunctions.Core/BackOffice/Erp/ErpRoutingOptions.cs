namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>
/// <c>Erp:Routing</c>: which ERP takes a document. Sales orders and credit memos go by their site (fulfilment location
/// or store); invoices and cancellations follow the sales order; journals, which belong to no site, go to
/// <see cref="Default"/>. Without any setting everything goes to the cloud ERP.
/// </summary>
public sealed class ErpRoutingOptions
{
    public const string SectionName = "Erp:Routing";

    public ErpSystem Default { get; set; } = ErpSystem.Cloud;

    /// <summary>Per site, e.g. <c>Erp:Routing:Sites:STORE-001:Erp = Cloud</c>, <c>…:CutoverAt = 2026-11-01T00:00:00Z</c>.</summary>
    public Dictionary<string, ErpSiteRoute> Sites { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ErpSystem For(string? site, DateTimeOffset now) =>
        site is not null && Sites.TryGetValue(site, out var route) ? route.At(now) : Default;
}
