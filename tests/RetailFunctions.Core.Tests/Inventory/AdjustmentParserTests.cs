using System.Text;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class AdjustmentParserTests
{
    [Fact]
    public void Parse_countsAndDeltas_readsEveryField()
    {
        var adjustment = Parse("""{"source":"erp","sequence":42,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"SKU-1500","location":"DC1","onHand":37},{"sku":"SKU-1501","location":"DC2","delta":-2}]}""");

        Assert.Equal("erp", adjustment.Source);
        Assert.Equal(42, adjustment.Sequence);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero), adjustment.OccurredAt);
        Assert.Equal([new AdjustmentItem("SKU-1500", "DC1", 37, 0), new AdjustmentItem("SKU-1501", "DC2", null, -2)], adjustment.Items);
    }

    [Fact]
    public void Parse_sameSkuAndLocationTwice_foldsInOrder()
    {
        var adjustment = Parse("""{"source":"wms","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","delta":-1},{"sku":"A","location":"DC1","onHand":10},{"sku":"A","location":"DC1","delta":-2},{"sku":"A","location":"DC1","delta":-3}]}""");

        Assert.Equal(new AdjustmentItem("A", "DC1", 10, -5), Assert.Single(adjustment.Items));
    }

    [Theory]
    [InlineData("""{"source":"crm","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","delta":1}]}""", "source")]
    [InlineData("""{"source":"erp","sequence":"1","occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","delta":1}]}""", "sequence")]
    [InlineData("""{"source":"erp","sequence":1,"occurredAt":"yesterday","items":[{"sku":"A","location":"DC1","delta":1}]}""", "occurredAt")]
    [InlineData("""{"source":"erp","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[]}""", "items")]
    [InlineData("""{"source":"erp","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","delta":1},{"location":"DC1","delta":1}]}""", "items[1].sku")]
    [InlineData("""{"source":"erp","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","onHand":-4}]}""", "items[0].onHand")]
    [InlineData("""{"source":"erp","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","delta":1.5}]}""", "items[0].delta")]
    [InlineData("""{"source":"erp","sequence":1,"occurredAt":"2025-03-14T12:00:00Z","items":[{"sku":"A","location":"DC1","onHand":1,"delta":1}]}""", "items[0]")]
    [InlineData("""[1,2]""", "body")]
    public void Parse_badField_namesIt(string json, string field)
    {
        var ex = Assert.Throws<WebhookPayloadException>(() => Parse(json));

        Assert.Equal(field, ex.Field);
    }

    private static InventoryAdjustment Parse(string json) => AdjustmentParser.Parse(Encoding.UTF8.GetBytes(json));
}
