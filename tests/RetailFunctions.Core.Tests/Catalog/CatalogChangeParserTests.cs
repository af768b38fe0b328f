using System.Text;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Catalog;

public sealed class CatalogChangeParserTests
{
    [Fact]
    public void Parse_contractExample_readsDecimalPriceExactly()
    {
        var change = Parse("""{"source":"erp","changeId":"c-1","items":[{"sku":"SKU-1500","version":3,"title":"Mug","gtin":"4006381333931","price":19.99,"currency":"usd","status":"active"}]}""");

        var item = Assert.Single(change.Items);
        Assert.Equal(("erp", "c-1"), (change.Source, change.ChangeId));
        Assert.Equal(("SKU-1500", 3L, 19.99m, "USD"), (item.Sku, item.Version, item.Price!.Value, item.Currency));
        Assert.Null(item.Brand);
    }

    [Fact]
    public void Parse_sameSkuTwice_keepsTheHighestVersion()
    {
        var change = Parse("""{"source":"pim","changeId":"c-2","items":[{"sku":"A","version":5,"price":2},{"sku":"A","version":4,"price":1}]}""");

        Assert.Equal(2m, Assert.Single(change.Items).Price);
    }

    [Theory]
    [InlineData("""{"source":"wms","changeId":"x","items":[{"sku":"A","version":1}]}""", "source")]
    [InlineData("""{"source":"erp","items":[{"sku":"A","version":1}]}""", "changeId")]
    [InlineData("""{"source":"erp","changeId":"x","items":[]}""", "items")]
    [InlineData("""{"source":"erp","changeId":"x","items":[{"version":1}]}""", "items[0].sku")]
    [InlineData("""{"source":"erp","changeId":"x","items":[{"sku":"A","version":-1}]}""", "items[0].version")]
    [InlineData("""{"source":"erp","changeId":"x","items":[{"sku":"A","version":1,"price":"abc"}]}""", "items[0].price")]
    [InlineData("""{"source":"erp","changeId":"x","items":[{"sku":"A","version":1,"status":"gone"}]}""", "items[0].status")]
    [InlineData("""{"source":"erp","changeId":"x","items":[{"sku":"A","version":1,"attributes":[1]}]}""", "items[0].attributes")]
    public void Parse_problem_namesTheField(string body, string field)
    {
        var problem = Assert.Throws<WebhookPayloadException>(() => Parse(body));

        Assert.Equal(field, problem.Field);
    }

    private static CatalogChangeRequest Parse(string body) => CatalogChangeParser.Parse(Encoding.UTF8.GetBytes(body));
}
