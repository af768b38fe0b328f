using System.Globalization;
using System.Text.Json;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Reads <c>{"promotionId","skus":[…],"price"|"percentOff","startsAt","endsAt","channels":[…],"stores":[…]}</c>;
/// problems name the field. Channels and stores may be left out (every channel, every store).
/// </summary>
public static class CatalogPromotionParser
{
    public const int MaxSkus = 1000;

    public static CatalogPromotion Parse(ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        using var document = WebhookJson.ParseObject(body);
        var root = document.RootElement;
        var promotionId = WebhookJson.RequiredIdentifier(root, "promotionId");
        var skus = Texts(root, "skus", required: true);
        if (skus.Count > MaxSkus)
        {
            throw new WebhookPayloadException("skus", $"A promotion takes at most {MaxSkus} SKUs.");
        }

        var price = Amount(root, "price");
        var percentOff = Amount(root, "percentOff");
        if ((price is null) == (percentOff is null))
        {
            throw new WebhookPayloadException("price", "Exactly one of 'price' and 'percentOff' is required.");
        }

        if (price is <= 0 || percentOff is <= 0 or >= 100)
        {
            throw new WebhookPayloadException(price is null ? "percentOff" : "price", "'price' must be greater than 0; 'percentOff' must be between 0 and 100.");
        }

        var startsAt = Instant(root, "startsAt");
        var endsAt = Instant(root, "endsAt");
        if (endsAt <= startsAt || endsAt <= now)
        {
            throw new WebhookPayloadException("endsAt", "'endsAt' must be after 'startsAt' and in the future.");
        }

        var channels = Texts(root, "channels", required: false).Select(c => c.ToLowerInvariant()).ToArray();
        if (channels.FirstOrDefault(c => !CatalogChannels.All.Contains(c)) is { } unknown)
        {
            throw new WebhookPayloadException("channels", $"'{unknown}' is not one of: {string.Join(", ", CatalogChannels.All)}.");
        }

        return new CatalogPromotion(promotionId, skus, price, percentOff, startsAt, endsAt, channels, Texts(root, "stores", required: false));
    }

    private static List<string> Texts(JsonElement root, string name, bool required)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new WebhookPayloadException(name, $"'{name}' is required and must be a non-empty array of strings.") : [];
        }

        if (array.ValueKind != JsonValueKind.Array || (required && array.GetArrayLength() == 0)
            || array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
        {
            throw new WebhookPayloadException(name, $"'{name}' must be an array of non-empty strings.");
        }

        return array.EnumerateArray().Select(e => e.GetString()!.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    private static decimal? Amount(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount) ? amount
        : throw new WebhookPayloadException(name, $"'{name}' must be a decimal number.");

    private static DateTimeOffset Instant(JsonElement root, string name) =>
        DateTimeOffset.TryParse(WebhookJson.RequiredText(root, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : throw new WebhookPayloadException(name, $"'{name}' must be an ISO 8601 date and time.");
}
