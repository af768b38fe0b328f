using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Channels.Amazon;

public sealed class AmazonWebhookChannelTests
{
    private const string ApiKey = "amzn-relay-key-7f3c9d21";
    private const string PreviousApiKey = "amzn-relay-key-previous-0a1b";

    private static readonly byte[] Body = SampleFiles.Amazon("order-change-notification.json");

    private static AmazonWebhookChannel Channel(string apiKey = ApiKey, string? previous = null) =>
        new(new TestOptions<AmazonOptions>(new AmazonOptions { ApiKey = apiKey, PreviousApiKey = previous }));

    private static WebhookPayload Delivery(byte[] body, string? apiKey) =>
        TestWebhooks.Payload(body, apiKey is null ? new Dictionary<string, string>() : new() { ["X-Api-Key"] = apiKey }, path: "/api/webhooks/amazon");

    [Fact]
    public void IsAuthentic_matchingApiKey_returnsTrue()
    {
        // Arrange
        var payload = Delivery(Body, ApiKey);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Theory]
    [InlineData("amzn-relay-key-7f3c9d22")]
    [InlineData("amzn-relay-key-7f3c9d2")]
    [InlineData("amzn-relay-key-7f3c9d211")]
    [InlineData("AMZN-RELAY-KEY-7F3C9D21")]
    [InlineData("")]
    public void IsAuthentic_wrongApiKey_returnsFalse(string presented)
    {
        // Arrange
        var payload = Delivery(Body, presented);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void IsAuthentic_missingHeader_returnsFalse()
    {
        // Arrange
        var payload = Delivery(Body, apiKey: null);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Theory]
    [InlineData(ApiKey)]
    [InlineData(PreviousApiKey)]
    public void IsAuthentic_eitherKeyDuringRotation_returnsTrue(string presented)
    {
        // Arrange
        var payload = Delivery(Body, presented);

        // Act
        var authentic = Channel(ApiKey, PreviousApiKey).IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Fact]
    public void IsAuthentic_previousKeyAfterRotationEnds_returnsFalse()
    {
        // Arrange
        var payload = Delivery(Body, PreviousApiKey);

        // Act
        var authentic = Channel(ApiKey, previous: null).IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void IsAuthentic_noKeyConfigured_rejectsEvenAnEmptyHeader()
    {
        // Arrange
        var payload = Delivery(Body, "");

        // Act
        var authentic = Channel(apiKey: "").IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void Parse_orderChangeSample_returnsNotificationIdAndType()
    {
        // Arrange
        var payload = Delivery(Body, ApiKey);

        // Act
        var parsed = Channel().Parse(payload);

        // Assert
        Assert.Equal(new ParsedWebhook("c4f1a9e2-8b7d-4e3c-a5f6-0d9e8c7b6a51", "ORDER_CHANGE"), parsed);
    }

    [Theory]
    [InlineData("Payload.ReturnDetails.amazon_rma_id")]
    [InlineData("Payload.ReturnDetails.order_id")]
    public void Parse_relayedReturnWithoutItsKeys_throwsNamingTheField(string path)
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Amazon("return-created-notification.json")).With(path, null).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, ApiKey)));

        // Assert
        Assert.Equal(path, exception.Field);
    }

    [Theory]
    [InlineData("NotificationType", "NotificationType")]
    [InlineData("NotificationMetadata", "NotificationMetadata.NotificationId")]
    [InlineData("NotificationMetadata.NotificationId", "NotificationMetadata.NotificationId")]
    [InlineData("Payload", "Payload")]
    [InlineData("Payload.OrderChangeNotification", "Payload.OrderChangeNotification.AmazonOrderId")]
    [InlineData("Payload.OrderChangeNotification.AmazonOrderId", "Payload.OrderChangeNotification.AmazonOrderId")]
    public void Parse_missingField_throwsNamingTheField(string path, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(Body).With(path, null).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, ApiKey)));

        // Assert
        Assert.Equal(expectedField, exception.Field);
        Assert.Contains(expectedField, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NotificationMetadata.NotificationId", "42", "NotificationMetadata.NotificationId")]
    [InlineData("NotificationMetadata.NotificationId", "\"  \"", "NotificationMetadata.NotificationId")]
    [InlineData("Payload", "\"ORDER\"", "Payload")]
    [InlineData("NotificationType", "\"ANY_OFFER_CHANGED\"", "NotificationType")]
    public void Parse_invalidField_throwsNamingTheField(string path, string rawJson, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(Body).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, ApiKey)));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Theory]
    [InlineData("{\"NotificationType\":")]
    [InlineData("[]")]
    public void Parse_notAJsonObject_throwsForBody(string text)
    {
        // Arrange
        var body = System.Text.Encoding.UTF8.GetBytes(text);

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, ApiKey)));

        // Assert
        Assert.Equal("body", exception.Field);
    }
}
