using Azure.Data.Tables;

namespace RetailFunctions.LocalHost.FixtureApp;

/// <summary>Where fixture functions record that they ran, so tests can observe them from outside the host process.</summary>
public sealed class InvocationLog(TableClient table)
{
    public async Task RecordAsync(string function, string detail)
    {
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(function, $"{DateTime.UtcNow.Ticks:D19}-{Guid.NewGuid():N}") { ["Detail"] = detail });
    }
}
