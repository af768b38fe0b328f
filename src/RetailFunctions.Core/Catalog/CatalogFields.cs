using System.Text.RegularExpressions;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>Field checks shared by the change API and product files; problems name the field.</summary>
public static partial class CatalogFields
{
    public static decimal? Price(decimal? price, string field) =>
        price is null or (>= 0 and <= 99_999_999)
            ? price
            : throw new WebhookPayloadException(field, $"'{field}' must be a decimal amount between 0 and 99999999.");

    public static string? Currency(string? currency, string field) =>
        currency is null || IsoCurrency().IsMatch(currency)
            ? currency?.ToUpperInvariant()
            : throw new WebhookPayloadException(field, $"'{field}' must be an ISO 4217 code such as USD.");

    public static string? Status(string? status, string field) =>
        status is null || CatalogStatuses.IsKnown(status.ToLowerInvariant())
            ? status?.ToLowerInvariant()
            : throw new WebhookPayloadException(field, $"'{field}' must be one of: {string.Join(", ", CatalogStatuses.All)}.");

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex IsoCurrency();
}
