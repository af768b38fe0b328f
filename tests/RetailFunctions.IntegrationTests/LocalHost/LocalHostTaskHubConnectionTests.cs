using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.LocalHost;

/// <summary>
/// The task hub's storage is the connection host.json names in <c>extensions.durableTask.storageProvider.connectionName</c>,
/// as the Durable extension reads it, so the task hub can live on its own storage (a second Azurite locally).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostTaskHubConnectionTests(AzuriteFixture azurite)
{
    private const string ConnectionNameOverride = "AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionName";

    [Fact]
    public async Task StartAsync_taskHubConnectionNotSet_failsNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FixtureHost.StartAsync(
            azurite, FixtureHost.UniqueName("log"), FixtureHost.UniqueName("hub"), extra: new Dictionary<string, string> { [ConnectionNameOverride] = "FixtureTaskHubStorage" }));

        Assert.Contains("Storage connection 'FixtureTaskHubStorage' is not set", error.Message, StringComparison.Ordinal);
    }
}
