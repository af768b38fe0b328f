using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>
/// The RetailFunctions function app on the local fabric host against the tests' Azurite, with test-only secrets.
/// Each start gets its own task hub so that hosts of different test classes never share orchestration state.
/// </summary>
internal static class FabricHost
{
    public const string ShopifySecret = "test-only-shopify-secret";

    public static Task<LocalHostProcess> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Channels__Shopify__WebhookSecret"] = ShopifySecret,
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "hub" + Guid.NewGuid().ToString("N")[..12],
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return LocalHostProcess.StartAsync(RepoPaths.FunctionApp, environment, "api/health");
    }
}
