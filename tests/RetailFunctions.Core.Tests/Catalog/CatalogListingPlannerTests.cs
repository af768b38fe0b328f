using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Core.Tests.Catalog;

public sealed class CatalogListingPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChannelCatalogOptions Amazon = CatalogChannels.Defaults(CatalogChannels.Amazon);

    [Fact]
    public void Decide_completeNewProduct_sendsFullListing()
    {
        var decision = CatalogListingPlanner.Decide(Entry(Product()), CatalogChannels.Amazon, Amazon, 50);

        Assert.Equal(ListingAction.Send, decision.Action);
        Assert.True(decision.Product!.IsNew);
        Assert.Equal(24.99m, decision.Product.Price);
    }

    [Theory]
    [InlineData(100, 10, "held for review: price drop 90% exceeds band 50%")]
    [InlineData(100, 151, "held for review: price rise 51% exceeds band 50%")]
    [InlineData(100, 50, null)]
    [InlineData(100, 150, null)]
    public void BandProblem_comparesWithThePublishedBasePrice(double previous, double price, string? expected) =>
        Assert.Equal(expected, CatalogListingPlanner.BandProblem((decimal)price, (decimal)previous, 50, reviewedPrice: null));

    [Fact]
    public void BandProblem_firstPriceOrReviewedPrice_isNotHeld()
    {
        Assert.Null(CatalogListingPlanner.BandProblem(10m, previous: null, 50, reviewedPrice: null));
        Assert.Null(CatalogListingPlanner.BandProblem(10m, previous: 100m, 50, reviewedPrice: 10m));
    }

    [Fact]
    public void Decide_priceTypoAfterPublishedPrice_isHeldNotSent()
    {
        var entry = Entry(Product() with { Version = 2, Price = 2.5m }, Published(version: 1, price: 24.99m));

        var decision = CatalogListingPlanner.Decide(entry, CatalogChannels.Amazon, Amazon, 50);

        Assert.Equal(ListingAction.Invalid, decision.Action);
        Assert.Equal("held for review: price drop 90% exceeds band 50%", decision.Error);
    }

    [Theory]
    [InlineData("gtin", "4006381333931", null)]
    [InlineData("gtin", "4006381333932", "GTIN 4006381333932 has a wrong check digit or length")]
    [InlineData("gtin", "12345", "GTIN 12345 has a wrong check digit or length")]
    [InlineData("price", "0", "price must be greater than 0")]
    [InlineData("currency", "EUR", "currency EUR is not sold on this channel (USD)")]
    [InlineData("title", "201", "title is 201 characters; the channel takes at most 200")]
    [InlineData("brand", "", "missing required field: brand")]
    public void Decide_invalidForChannel_reportsTheReason(string field, string value, string? expected)
    {
        var product = field switch
        {
            "gtin" => Product() with { Gtin = value },
            "price" => Product() with { Price = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "currency" => Product() with { Currency = value },
            "title" => Product() with { Title = new string('x', int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
            _ => Product() with { Brand = null },
        };

        var decision = CatalogListingPlanner.Decide(Entry(product), CatalogChannels.Amazon, Amazon, 50);

        Assert.Equal(expected, decision.Error);
        Assert.Equal(expected is null ? ListingAction.Send : ListingAction.Invalid, decision.Action);
    }

    [Fact]
    public void Decide_titleOnlyAllowedOnPosButRequiredOnShopify()
    {
        var bare = CatalogRecord.Empty("SKU-9") with { Version = 1, Price = 9.5m, Currency = "USD" };

        Assert.Equal(ListingAction.Send, CatalogListingPlanner.Decide(Entry(bare), CatalogChannels.Pos, CatalogChannels.Defaults(CatalogChannels.Pos), 50).Action);
        Assert.Equal("missing required field: title", CatalogListingPlanner.Decide(Entry(bare), CatalogChannels.Shopify, CatalogChannels.Defaults(CatalogChannels.Shopify), 50).Error);
    }

    [Fact]
    public void Decide_sameContentAndPrice_isUnchanged()
    {
        var product = Product();
        var first = CatalogListingPlanner.Decide(Entry(product), CatalogChannels.Amazon, Amazon, 50);
        var published = CatalogChannelState.None(CatalogChannels.Amazon).Published(1, 24.99m, 24.99m, product.ContentHash(), first.Hash!, Now);

        var again = CatalogListingPlanner.Decide(Entry(product with { Version = 2 }, published), CatalogChannels.Amazon, Amazon, 50);

        Assert.Equal(ListingAction.Unchanged, again.Action);
    }

    [Fact]
    public void Decide_priceOnlyChange_isNotContentChange()
    {
        var product = Product();
        var published = CatalogChannelState.None(CatalogChannels.Amazon).Published(1, 24.99m, 24.99m, product.ContentHash(), "old", Now);

        var decision = CatalogListingPlanner.Decide(Entry(product with { Version = 2, Price = 26m }, published), CatalogChannels.Amazon, Amazon, 50);

        Assert.Equal(ListingAction.Send, decision.Action);
        Assert.False(decision.Product!.ContentChanged);
        Assert.False(decision.Product.IsNew);
    }

    [Fact]
    public void Decide_promotionInScope_sellsAtPromotionPriceWithoutBandCheck()
    {
        var promotion = new ActivePromotion("BF", 5m, Now, Now.AddDays(2), [CatalogChannels.Amazon], []);
        var entry = new CatalogEntry(Product(), promotion, new Dictionary<string, CatalogChannelState> { [CatalogChannels.Amazon] = Published(1, 24.99m) });

        var amazon = CatalogListingPlanner.Decide(entry, CatalogChannels.Amazon, Amazon, 50);
        var shopify = CatalogListingPlanner.Decide(entry, CatalogChannels.Shopify, CatalogChannels.Defaults(CatalogChannels.Shopify), 50);

        Assert.Equal(5m, amazon.Product!.Price);
        Assert.Equal(24.99m, shopify.Product!.Price);
    }

    [Fact]
    public void Decide_storeScopedPromotionOnPos_pricesOnlyThoseStores()
    {
        var rules = new ChannelCatalogOptions { Stores = ["STORE-001", "STORE-002"] };
        var promotion = new ActivePromotion("WKND", 20m, Now, Now.AddDays(2), [], ["STORE-002"]);

        var decision = CatalogListingPlanner.Decide(new CatalogEntry(Product(), promotion, new Dictionary<string, CatalogChannelState>()), CatalogChannels.Pos, rules, 50);

        Assert.Equal(24.99m, decision.Product!.Price);
        Assert.Equal(24.99m, decision.Product.StorePrices["STORE-001"]);
        Assert.Equal(20m, decision.Product.StorePrices["STORE-002"]);
    }

    [Fact]
    public void Merge_partialChange_keepsOtherFieldsAndMergesAttributes()
    {
        var record = Product() with { Attributes = new Dictionary<string, string> { ["color"] = "red", ["size"] = "M" } };

        var merged = record.Merge(new CatalogItemChange("SKU-1", 7, Price: 30m, Attributes: new Dictionary<string, string> { ["size"] = "L" }), "pim", Now);

        Assert.Equal((7L, 30m, "Trail mug"), (merged.Version, merged.Price!.Value, merged.Title));
        Assert.Equal(new Dictionary<string, string> { ["color"] = "red", ["size"] = "L" }, merged.Attributes);
    }

    [Theory]
    [InlineData("4006381333931", true)]
    [InlineData("036000291452", true)]
    [InlineData("96385074", true)]
    [InlineData("10614141000415", true)]
    [InlineData("036000291453", false)]
    [InlineData("03600029145X", false)]
    public void GtinCheckDigit_validatesGs1Lengths(string gtin, bool valid) =>
        Assert.Equal(valid, GtinCheckDigit.IsValid(gtin));

    private static CatalogRecord Product() => CatalogRecord.Empty("SKU-1") with
    {
        Version = 1,
        Title = "Trail mug",
        Brand = "Contoso",
        Gtin = "4006381333931",
        Price = 24.99m,
        Currency = "USD",
    };

    private static CatalogChannelState Published(long version, decimal price) =>
        CatalogChannelState.None(CatalogChannels.Amazon).Published(version, price, price, "content", "hash", Now);

    private static CatalogEntry Entry(CatalogRecord record, CatalogChannelState? amazon = null) =>
        new(record, null, amazon is null ? new Dictionary<string, CatalogChannelState>() : new Dictionary<string, CatalogChannelState> { [CatalogChannels.Amazon] = amazon });
}
