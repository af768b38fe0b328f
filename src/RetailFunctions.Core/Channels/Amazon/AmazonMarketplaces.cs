namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>
/// Currencies of the SP-API marketplaces the fabric sells on. Orders cancelled before payment authorization carry no
/// amount at all, so the marketplace is the only place their currency can come from.
/// </summary>
public static class AmazonMarketplaces
{
    private static readonly Dictionary<string, string> Currencies = new(StringComparer.Ordinal)
    {
        ["ATVPDKIKX0DER"] = "USD",
        ["A2EUQ1WTGCTBG2"] = "CAD",
        ["A1AM78C64UM0Y8"] = "MXN",
        ["A2Q3Y263D00KWC"] = "BRL",
        ["A1F83G8C2ARO7P"] = "GBP",
        ["A1PA6795UKMFR9"] = "EUR",
        ["A13V1IB3VIYZZH"] = "EUR",
        ["APJ6JRA9NG5V4"] = "EUR",
        ["A1RKKUPIHCS9HS"] = "EUR",
        ["A1805IZSGTT6HS"] = "EUR",
        ["A2NODRKZP88ZB9"] = "SEK",
        ["A1C3SOZRARQ6R3"] = "PLN",
        ["A1VC38T7YXB528"] = "JPY",
        ["A39IBJ37TRP1C6"] = "AUD",
        ["A21TJRUUN4KGV"] = "INR",
    };

    public static string? CurrencyOf(string? marketplaceId) =>
        marketplaceId is not null && Currencies.TryGetValue(marketplaceId, out var currency) ? currency : null;
}
