using Microsoft.Extensions.Configuration;
using RetailFunctions.Infrastructure.Telemetry;

namespace RetailFunctions.IntegrationTests.Telemetry;

public sealed class TelemetryRedactorTests
{
    private const string Secret = "canary-secret-0123456789";

    private static TelemetryRedactor Redactor() => TelemetryRedactor.FromConfiguration(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Shopify:WebhookSecret"] = Secret,
            ["Channels:Amazon:ApiKey"] = "amazon-api-key-value",
            ["Logging:LogLevel:Default"] = "Information",
        })
        .Build());

    [Theory]
    [InlineData("signature check with canary-secret-0123456789 failed", "signature check with [redacted] failed")]
    [InlineData("key amazon-api-key-value used", "key [redacted] used")]
    [InlineData("customer avery.example@example.com ordered", "customer [redacted] ordered")]
    [InlineData("call +15555550123 or +1 (555) 555-0123", "call [redacted] or [redacted]")]
    [InlineData("call (555) 555-0123 now", "call [redacted] now")]
    [InlineData("GET /api/orders/shopify/1?code=abc123&email=a%40b.co&limit=5", "GET /api/orders/shopify/1?code=[redacted]&email=[redacted]&limit=5")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=Eby8vdM02x==;QueueEndpoint=http://q", "AccountName=devstoreaccount1;AccountKey=[redacted];QueueEndpoint=http://q")]
    [InlineData("Authorization: Bearer eyJhbGciOi.x.y", "Authorization: Bearer [redacted]")]
    public void Redact_textWithPersonalDataOrSecrets_replacesThem(string text, string expected)
    {
        // Act
        var redacted = Redactor().Redact(text);

        // Assert
        Assert.Equal(expected, redacted);
    }

    [Theory]
    [InlineData("Order 5917204381726 of shopify moved to Received")]
    [InlineData("traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 at 2024-03-15T10:30:00Z")]
    [InlineData("Amazon order 111-2223334-5556667 and event 3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("Information")]
    public void Redact_idsTimesAndSettings_leavesThemReadable(string text)
    {
        // Act
        var redacted = Redactor().Redact(text);

        // Assert
        Assert.Equal(text, redacted);
    }

    [Theory]
    [InlineData("Email", "anyone")]
    [InlineData("customer_email", "anyone")]
    [InlineData("ShippingAddress", "1 Main St")]
    [InlineData("phone", "12345")]
    [InlineData("last_name", "Example")]
    [InlineData("http.request.header.authorization", "Basic abc")]
    public void RedactValue_personalOrSecretKey_redactsWholeValue(string key, string value)
    {
        // Act
        var redacted = Redactor().Redact(key, value);

        // Assert
        Assert.Equal(TelemetryRedactor.Redacted, redacted);
    }

    [Fact]
    public void RedactValue_ordinaryKeys_keepsNumbersAndIds()
    {
        // Arrange
        var redactor = Redactor();

        // Act
        var count = redactor.Redact("Bytes", 1234);
        var orderId = redactor.Redact("OrderId", "5917204381726");

        // Assert
        Assert.Equal(1234, count);
        Assert.Equal("5917204381726", orderId);
    }
}
