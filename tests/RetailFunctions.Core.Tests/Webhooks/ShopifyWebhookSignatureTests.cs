using System.Security.Cryptography;
using System.Text;
using RetailFunctions.Core.Tests.Samples;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Webhooks;

public sealed class ShopifyWebhookSignatureTests
{
    private const string Secret = "shpss_test_secret";
    private const string NextSecret = "shpss_rotated_secret";

    private static readonly byte[] Body = SampleFiles.Shopify("orders-create.json");

    [Fact]
    public void Sign_knownVector_matchesIndependentHmac()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("""{"id":5917204381726,"currency":"USD"}""");

        // Act
        var header = ShopifyWebhookSignature.Sign(body, Secret);

        // Assert
        Assert.Equal("cQvXrO34b8Io5xE4LRtANgSDh8Zv/t3IioOYAW39ClQ=", header);
    }

    [Fact]
    public void IsValid_signedWithActiveSecret_returnsTrue()
    {
        // Arrange
        var header = ShopifyWebhookSignature.Sign(Body, Secret);

        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, [Secret]);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void IsValid_signedWithOtherSecret_returnsFalse()
    {
        // Arrange
        var header = ShopifyWebhookSignature.Sign(Body, "shpss_someone_else");

        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, [Secret]);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_bodyByteFlipped_returnsFalse()
    {
        // Arrange
        var header = ShopifyWebhookSignature.Sign(Body, Secret);
        var tampered = (byte[])Body.Clone();
        tampered[tampered.Length / 2] ^= 0x01;

        // Act
        var valid = ShopifyWebhookSignature.IsValid(tampered, header, [Secret]);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData(NextSecret)]
    public void IsValid_eitherSecretDuringRotation_returnsTrue(string signingSecret)
    {
        // Arrange
        var header = ShopifyWebhookSignature.Sign(Body, signingSecret);

        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, [Secret, NextSecret]);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64!")]
    [InlineData("cQvXrO34b8Io5xE4LRtANgSDh8Zv/t3IioOYAW39Cl")]
    [InlineData("AAAA")]
    public void IsValid_missingOrMalformedHeader_returnsFalse(string? header)
    {
        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, [Secret]);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_hexInsteadOfBase64_returnsFalse()
    {
        // Arrange
        var header = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, [Secret]);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_noSecretsConfigured_returnsFalse()
    {
        // Arrange
        var header = ShopifyWebhookSignature.Sign(Body, Secret);

        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, []);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_emptySecretConfigured_neverMatchesEmptyKeySignature()
    {
        // Arrange
        var header = Convert.ToBase64String(HMACSHA256.HashData(Array.Empty<byte>(), Body));

        // Act
        var valid = ShopifyWebhookSignature.IsValid(Body, header, [""]);

        // Assert
        Assert.False(valid);
    }
}
