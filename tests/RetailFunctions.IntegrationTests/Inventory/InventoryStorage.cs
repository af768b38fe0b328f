using Microsoft.Extensions.Configuration;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>Storage clients on the test Azurite with the inventory, sync and pending tables in place, for tests of the Table stores.</summary>
internal static class InventoryStorage
{
    public static async Task<StorageClients> CreateAsync(AzuriteFixture azurite)
    {
        var storage = new StorageClients(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.ConnectionName] = azurite.ConnectionString }).Build());
        await storage.Tables.GetTableClient(StorageNames.InventoryTable).CreateIfNotExistsAsync();
        await storage.Tables.GetTableClient(StorageNames.InventorySyncTable).CreateIfNotExistsAsync();
        await storage.Tables.GetTableClient(StorageNames.InventoryPendingTable).CreateIfNotExistsAsync();
        return storage;
    }
}
