namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>
/// Where one back-office system or channel API lives. There is no default: locally the simulator URLs come from
/// local settings, in Azure the real systems' URLs, so a missing setting fails at start instead of calling the wrong place.
/// </summary>
public sealed class BackOfficeEndpointOptions
{
    public Uri? BaseUrl { get; set; }

    /// <summary>Bearer-style token some APIs take in a header (Shopify Admin, SP-API, Walmart); Key Vault reference in Azure.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Amazon: the marketplace orders and feeds belong to.</summary>
    public string MarketplaceId { get; set; } = "ATVPDKIKX0DER";

    /// <summary>Amazon: the merchant identifier put in feed envelopes.</summary>
    public string? SellerId { get; set; }

    /// <summary>Shopify: Admin API version in the GraphQL path.</summary>
    public string ApiVersion { get; set; } = "2025-01";

    /// <summary>The base URL with a trailing slash, so relative paths keep its path (<c>…/erp/</c> + <c>sales-orders</c>).</summary>
    public Uri BaseAddress() =>
        BaseUrl!.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
