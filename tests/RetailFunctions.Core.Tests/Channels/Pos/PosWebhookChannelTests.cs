using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Channels.Pos;

public sealed class PosWebhookChannelTests
{
    private const string Secret = "pos-store-secret-31c8";
    private const string PreviousSecret = "pos-store-secret-previous-9e";

    private static readonly DateTimeOffset Now = new(2025, 3, 14, 19, 42, 12, TimeSpan.Zero);
    private static readonly byte[] Body = SampleFiles.Pos("store-sale.json");

    private static PosWebhookChannel Channel(string secret = Secret, string? previous = null) =>
        new(new TestOptions<PosOptions>(new PosOptions { WebhookSecret = secret, PreviousWebhookSecret = previous }), new FixedTimeProvider(Now));

    private static WebhookPayload Delivery(byte[] body, string? signature) =>
        TestWebhooks.Payload(
            body,
            signature is null ? new Dictionary<string, string>() : new() { ["X-Retail-Signature"] = signature },
            path: "/api/webhooks/pos");

    [Fact]
    public void IsAuthentic_validSignature_returnsTrue()
    {
        // Arrange
        var payload = Delivery(Body, RetailSignature.Create(Body, Secret, Now));

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Fact]
    public void IsAuthentic_bodyByteFlipped_returnsFalse()
    {
        // Arrange
        var signature = RetailSignature.Create(Body, Secret, Now);
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
        var payload = Delivery(Body, RetailSignature.Create(Body, "another-store-secret", Now));

        // Act
        var authentic = Channel().IsAuthentic(payload);

        // Assert
        Assert.False(authentic);
    }

    [Fact]
    public void IsAuthentic_missingHeader_returnsFalse()
    {
        // Act
        var authentic = Channel().IsAuthentic(Delivery(Body, signature: null));

        // Assert
        Assert.False(authentic);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void IsAuthentic_signedOutsideFiveMinutes_returnsFalse(int offsetSeconds)
    {
        // Arrange
        var payload = Delivery(Body, RetailSignature.Create(Body, Secret, Now.AddSeconds(offsetSeconds)));

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
        var payload = Delivery(Body, RetailSignature.Create(Body, signingSecret, Now));

        // Act
        var authentic = Channel(Secret, PreviousSecret).IsAuthentic(payload);

        // Assert
        Assert.True(authentic);
    }

    [Fact]
    public void Parse_storeSaleSample_returnsStoreTransactionKeyAndType()
    {
        // Act
        var parsed = Channel().Parse(Delivery(Body, RetailSignature.Create(Body, Secret, Now)));

        // Assert
        Assert.Equal(new ParsedWebhook("STORE-001-R02-000184", "sale"), parsed);
    }

    [Theory]
    [InlineData("type", null, "type")]
    [InlineData("type", "\"void\"", "type")]
    [InlineData("storeId", null, "storeId")]
    [InlineData("transactionId", null, "transactionId")]
    [InlineData("transactionId", "184", "transactionId")]
    public void Parse_invalidField_throwsNamingTheField(string path, string? rawJson, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(Body).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<WebhookPayloadException>(() => Channel().Parse(Delivery(body, RetailSignature.Create(body, Secret, Now))));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }
}
