namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>Names of the systems and where their base URL is configured.</summary>
public static class BackOfficeSystems
{
    public const string Erp = "erp";
    public const string Wms = "wms";
    public const string Shopify = "shopify";
    public const string Amazon = "amazon";
    public const string Walmart = "walmart";

    /// <summary>Options name → (configuration section, key of the base URL in it).</summary>
    public static IReadOnlyDictionary<string, (string Section, string UrlKey)> Endpoints { get; } = new Dictionary<string, (string, string)>
    {
        [Erp] = ("BackOffice:Erp", "BaseUrl"),
        [Wms] = ("BackOffice:Wms", "BaseUrl"),
        [Shopify] = ("Channels:Shopify", "ApiBaseUrl"),
        [Amazon] = ("Channels:Amazon", "ApiBaseUrl"),
        [Walmart] = ("Channels:Walmart", "ApiBaseUrl"),
    };
}
