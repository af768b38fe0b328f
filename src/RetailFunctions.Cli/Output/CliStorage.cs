using Microsoft.Extensions.Configuration;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Cli.Output;

/// <summary>The fabric's storage clients, built from the connection the operator gave instead of the app's settings.</summary>
internal static class CliStorage
{
    public static StorageClients Clients(string connectionString) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(StorageClients.ConnectionName, connectionString)])
            .Build());
}
