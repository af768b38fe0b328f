using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.Webhooks;

/// <summary>Every signed endpoint's options follow one rotation convention: the contract key, and <c>Previous</c> + its name.</summary>
public sealed class SigningSecretsTests
{
    public static TheoryData<string> Senders => ["shopify", "walmart", "pos", "amazon", "shipments", "inventory"];

    [Theory]
    [MemberData(nameof(Senders))]
    public void ActiveSecrets_currentAndPrevious_bothActiveCurrentFirst(string sender)
    {
        // Arrange
        var options = Options(sender, "current-secret", "previous-secret");

        // Act
        var active = options.ActiveSecrets();

        // Assert
        Assert.Equal(["current-secret", "previous-secret"], active);
    }

    [Theory]
    [MemberData(nameof(Senders))]
    public void ActiveSecrets_previousUnsetOrEmpty_onlyCurrent(string sender)
    {
        Assert.Equal(["current-secret"], Options(sender, "current-secret", null).ActiveSecrets());
        Assert.Equal(["current-secret"], Options(sender, "current-secret", "").ActiveSecrets());
    }

    [Fact]
    public void ActiveSecrets_nothingConfigured_noSecretSoNothingVerifies()
    {
        var options = new InventoryOptions();

        Assert.Empty(options.ActiveSecrets());
        Assert.Equal(RetailSignatureResult.Mismatch, RetailSignature.Verify("{}"u8, RetailSignature.Create("{}"u8, "any", DateTimeOffset.UnixEpoch), options.ActiveSecrets(), DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5)));
    }

    /// <summary>Set through the properties bound from the documented keys, e.g. <c>Channels:Amazon:PreviousApiKey</c>.</summary>
    private static ISigningSecrets Options(string sender, string current, string? previous) => sender switch
    {
        "shopify" => new ShopifyOptions { WebhookSecret = current, PreviousWebhookSecret = previous },
        "walmart" => new WalmartOptions { WebhookSecret = current, PreviousWebhookSecret = previous },
        "pos" => new PosOptions { WebhookSecret = current, PreviousWebhookSecret = previous },
        "amazon" => new AmazonOptions { ApiKey = current, PreviousApiKey = previous },
        "shipments" => new ShipmentSourceOptions { Secret = current, PreviousSecret = previous },
        "inventory" => new InventoryOptions { AdjustmentsSecret = current, PreviousAdjustmentsSecret = previous },
        _ => throw new ArgumentOutOfRangeException(nameof(sender)),
    };
}
