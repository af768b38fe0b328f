using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class ShipmentCallbackChannelTests
{
    private const string Secret = "test-only-3pl-secret";
    private static readonly DateTimeOffset Now = new(2025, 3, 15, 18, 50, 0, TimeSpan.Zero);

    private static ShipmentCallbackChannel Channel() =>
        new(new ThirdPartyLogisticsShipmentMapper(), new ShipmentSourceOptions { Secret = Secret }, new FixedTimeProvider(Now));

    private static WebhookPayload Signed(byte[] body, string secret = Secret) =>
        TestWebhooks.Payload(body, new Dictionary<string, string> { [RetailSignature.HeaderName] = RetailSignature.Create(body, secret, Now) });

    [Fact]
    public void Parse_3plShipment_dedupesOnTheShipmentId()
    {
        // Act
        var parsed = Channel().Parse(Signed(SampleFiles.Shipments("3pl-order-shipped.json")));

        // Assert
        Assert.Equal(new ParsedWebhook("TPL-778899", "shipment"), parsed);
        Assert.Equal("shipments-3pl", Channel().Name);
    }

    [Fact]
    public void Parse_missingOrderReference_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("3pl-order-shipped.json")).With("order.channel_order_id", null).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Signed(body)));

        // Assert
        Assert.Equal("order.channel_order_id", exception.Field);
    }

    [Fact]
    public void IsAuthentic_signedWithAnotherSourcesSecret_false() =>
        Assert.False(Channel().IsAuthentic(Signed(SampleFiles.Shipments("3pl-order-shipped.json"), "test-only-wms-secret")));
}
