using System.Text;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Webhooks;

public sealed class RetailSignatureTests
{
    private const string Secret = "pos-test-secret";
    private const string NextSecret = "pos-rotated-secret";

    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1741961742);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"source":"wms","sequence":42,"occurredAt":"2025-03-14T14:15:00Z","items":[{"sku":"SKU-1500","location":"DC1","delta":-2}]}""");

    [Fact]
    public void Create_knownVector_matchesIndependentHmac()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("""{"id":5917204381726,"currency":"USD"}""");

        // Act
        var header = RetailSignature.Create(body, Secret, Now);

        // Assert
        Assert.Equal("t=1741961742,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038", header);
    }

    [Fact]
    public void Verify_createdWithActiveSecret_returnsValid()
    {
        // Arrange
        var header = RetailSignature.Create(Body, Secret, Now);

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Valid, result);
    }

    [Fact]
    public void Verify_createdWithOtherSecret_returnsMismatch()
    {
        // Arrange
        var header = RetailSignature.Create(Body, "someone-else", Now);

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Mismatch, result);
    }

    [Fact]
    public void Verify_bodyByteFlipped_returnsMismatch()
    {
        // Arrange
        var header = RetailSignature.Create(Body, Secret, Now);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;

        // Act
        var result = RetailSignature.Verify(tampered, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Mismatch, result);
    }

    [Fact]
    public void Verify_timestampRewrittenWithinTolerance_returnsMismatch()
    {
        // Arrange
        var header = RetailSignature.Create(Body, Secret, Now)
            .Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Mismatch, result);
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData(NextSecret)]
    public void Verify_eitherSecretDuringRotation_returnsValid(string signingSecret)
    {
        // Arrange
        var header = RetailSignature.Create(Body, signingSecret, Now);

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret, NextSecret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Valid, result);
    }

    [Fact]
    public void Verify_oneOfSeveralV1Matches_returnsValid()
    {
        // Arrange
        var stale = RetailSignature.Create(Body, "retired-secret", Now);
        var current = RetailSignature.Create(Body, Secret, Now);
        var header = $"{stale}, {current[current.IndexOf("v1=", StringComparison.Ordinal)..]}";

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Valid, result);
    }

    [Fact]
    public void Verify_uppercaseHexAndSpaces_returnsValid()
    {
        // Arrange
        var created = RetailSignature.Create(Body, Secret, Now);
        var parts = created.Split(',');
        var header = $" {parts[0]} , {parts[1].ToUpperInvariant().Replace("V1=", "v1=", StringComparison.Ordinal)} ";

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Valid, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_noHeader_returnsMissing(string? header)
    {
        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Missing, result);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1741961742")]
    [InlineData("v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=abc,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=-1741961742,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=1741961742.5,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=99999999999999999999,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=1741961742,t=1741961743,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=1741961742,v1=4b8ff844")]
    [InlineData("t=1741961742,v1=zz8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    [InlineData("t=1741961742,v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038,=x")]
    [InlineData("t=1741961742;v1=4b8ff8442604b68b6f979149f425339983378deec25d0f5d752acfdebd25c038")]
    public void Verify_malformedHeader_returnsMalformed(string header)
    {
        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Malformed, result);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void Verify_timestampOutsideTolerance_returnsExpired(int offsetSeconds)
    {
        // Arrange
        var header = RetailSignature.Create(Body, Secret, Now.AddSeconds(offsetSeconds));

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Expired, result);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(-120)]
    [InlineData(300)]
    public void Verify_timestampWithinTolerance_returnsValid(int offsetSeconds)
    {
        // Arrange
        var header = RetailSignature.Create(Body, Secret, Now.AddSeconds(offsetSeconds));

        // Act
        var result = RetailSignature.Verify(Body, header, [Secret], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Valid, result);
    }

    [Fact]
    public void Verify_noSecretsConfigured_returnsMismatch()
    {
        // Arrange
        var header = RetailSignature.Create(Body, Secret, Now);

        // Act
        var result = RetailSignature.Verify(Body, header, [], Now, Tolerance);

        // Assert
        Assert.Equal(RetailSignatureResult.Mismatch, result);
    }
}
