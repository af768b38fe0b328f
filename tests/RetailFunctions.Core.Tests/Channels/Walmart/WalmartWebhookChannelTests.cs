using System.Security.Cryptography;
using System.Text;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Channels.Walmart;

public sealed class WalmartWebhookChannelTests
{
    private const string Secret = "wm-webhook-secret-5d21";
    private const string PreviousSecret = "wm-webhook-secret-previous-77";
    private const string Path = "/api/webhooks/walmart";

    private static readonly DateTimeOffset Now = new(2025, 3, 14, 17, 20, 6, TimeSpan.Zero);
    private static readonly byte[] Body = SampleFiles.Walmart("po-created.json");

    private static WalmartWebhookChannel Channel(string secret = Secret, string? previous = null) =>
        new(new TestOptions<WalmartOptions>(new WalmartOptions { WebhookSecret = secret, PreviousWebhookSecret = previous }), new FixedTimeProvider(Now));

    private static WebhookPayload Delivery(byte[] body, string? signature, DateTimeOffset? signedAt = null, string method = "POST", string path = Path)
    {
        var headers = new Dictionary<string, string> { ["WM_SEC.TIMESTAMP"] = WalmartWebhookSignature.TimestampOf(signedAt ?? Now) };
        if (signature is not null)
        {
            headers["WM_SEC.SIGNATURE"] = signature;
        }

        return TestWebhooks.Payload(body, headers, method, path);
    }

    private static string Sign(byte[] body, string secret = Secret, DateTimeOffset? at = null) =>
        WalmartWebhookSignature.Sign("POST", Path, body, at ?? Now, secret);

    [Fact]
    public void Sign_knownVector_matchesIndependentHmac()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("""{"source":{"eventId":"e1"}}""");
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var message = Encoding.UTF8.GetBytes($"POST\n{Path}\n1741972806000\n{bodyHash}");
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), message));

        // Act
        var signature = WalmartWebhookSignature.Sign("post", Path, body, DateTimeOffset.FromUnixTimeMilliseconds(1741972806000), Secret);

        // Assert
        Assert.Equal(expected, signature);
    }

    [Fact]
    public void IsAuthentic_validSignature_returnsTrue()
    {
        // Arrange
        var payload = Delivery(Body, Sign(Body));

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Fact]
    public void IsAuthentic_bodyByteFlipped_returnsFalse()
    {
        // Arrange
        var signature = Sign(Body);
        var tampered = (byte[])Body.Clone();
        tampered[tampered.Length / 2] ^= 0x01;

        // Act
        var authentic = Channel().IsAuthentic(Delivery(tampered, signature));

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void IsAuthentic_wrongSecret_returnsFalse()
    {
        // Arrange
        var payload = Delivery(Body, Sign(Body, "someone-else"));

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void IsAuthentic_missingSignatureHeader_returnsFalse()
    {
        // Arrange
        var payload = Delivery(Body, signature: null);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void IsAuthentic_missingTimestampHeader_returnsFalse()
    {
        // Arrange
        var payload = TestWebhooks.Payload(Body, new Dictionary<string, string> { ["WM_SEC.SIGNATURE"] = Sign(Body) }, "POST", Path);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-3600)]
    public void IsAuthentic_timestampOutsideFiveMinutes_returnsFalse(int offsetSeconds)
    {
        // Arrange
        var signedAt = Now.AddSeconds(offsetSeconds);
        var payload = Delivery(Body, Sign(Body, at: signedAt), signedAt);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(299)]
    public void IsAuthentic_timestampWithinFiveMinutes_returnsTrue(int offsetSeconds)
    {
        // Arrange
        var signedAt = Now.AddSeconds(offsetSeconds);
        var payload = Delivery(Body, Sign(Body, at: signedAt), signedAt);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Fact]
    public void IsAuthentic_timestampHeaderChangedAfterSigning_returnsFalse()
    {
        // Arrange
        var payload = Delivery(Body, Sign(Body), signedAt: Now.AddSeconds(1));

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Theory]
    [InlineData("PUT", Path)]
    [InlineData("POST", "/api/webhooks/shopify")]
    public void IsAuthentic_signedForAnotherMethodOrPath_returnsFalse(string method, string path)
    {
        // Arrange
        var payload = Delivery(Body, Sign(Body), method: method, path: path);

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData(PreviousSecret)]
    public void IsAuthentic_eitherSecretDuringRotation_returnsTrue(string signingSecret)
    {
        // Arrange
        var payload = Delivery(Body, Sign(Body, signingSecret));

        // Act
        var authentic = Channel(Secret, PreviousSecret).IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void IsAuthentic_malformedSignature_returnsFalse(string signature)
    {
        // Act
        var authentic = Channel().IsAuthentic(Delivery(Body, signature));

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void Parse_poCreatedSample_returnsEventIdAndType()
    {
        // Act
        var parsed = Channel().Parse(Delivery(Body, Sign(Body)));

        // Assert
        Assert.Equal(new ParsedWebhook("9f0c3e6a-5b21-4d7e-8a4c-2e61b7d90f13", "PO_CREATED"), parsed);
    }

    [Fact]
    public void Parse_unknownFields_areAccepted()
    {
        // Arrange
        var body = JsonEdit.Load(Body)
            .With("source.eventVersion", "\"V2\"")
            .With("payload.shipNodeType", "\"SellerFulfilled\"")
            .With("futureBlock", """{"anything":[1,2,3]}""")
            .ToUtf8();

        // Act
        var parsed = Channel().Parse(Delivery(body, Sign(body)));

        // Assert
        Assert.Equal("9f0c3e6a-5b21-4d7e-8a4c-2e61b7d90f13", parsed.EventId);
    }

    [Theory]
    [InlineData("source", "source.eventType")]
    [InlineData("source.eventType", "source.eventType")]
    [InlineData("source.eventId", "source.eventId")]
    [InlineData("payload", "payload")]
    [InlineData("payload.purchaseOrderId", "payload.purchaseOrderId")]
    public void Parse_missingField_throwsNamingTheField(string path, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(Body).With(path, null).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, Sign(body))));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Fact]
    public void Parse_returnWithoutReturnOrderId_throwsNamingTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Walmart("return-created.json")).With("payload.returnOrderId", null).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, Sign(body))));

        // Assert
        Assert.Equal("payload.returnOrderId", exception.Field);
    }
}
