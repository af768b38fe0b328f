using Azure.Data.Tables;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.LocalHost;

/// <summary>Starts the fixture function app on the local host, with a fresh invocation log table and task hub.</summary>
internal static class FixtureHost
{
    /// <param name="extra">More settings for the host (environment variable names), added to or replacing the defaults.</param>
    public static Task<ServiceProcess> StartAsync(
        AzuriteFixture azurite, string logTable, string taskHub, int? port = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["FixtureLogTable"] = logTable,
            ["FixtureTimerSchedule"] = "*/1 * * * * *",
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = taskHub,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServiceProcess.StartAsync(RepoPaths.FixtureApp, environment, "api/echo/ready", port);
    }

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static async Task<List<string>> InvocationsAsync(AzuriteFixture azurite, string logTable, string function)
    {
        var table = new TableClient(azurite.ConnectionString, logTable);
        await table.CreateIfNotExistsAsync();
        var details = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == function))
        {
            details.Add(entity.GetString("Detail"));
        }

        return details;
    }
}
