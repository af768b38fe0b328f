using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace RetailFunctions.LocalHost.App;

/// <summary>
/// Resolves what bindings refer to: <c>%Setting%</c> expressions and storage connections by name
/// (default <c>AzureWebJobsStorage</c>). The local host supports connection strings only, which is what Azurite uses.
/// </summary>
public sealed partial class AppSettings(IConfiguration configuration)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    public IConfiguration Configuration => configuration;

    public string Resolve(string expression) =>
        SettingReference().Replace(expression, m => configuration[m.Groups[1].Value]
            ?? throw new InvalidOperationException($"App setting '{m.Groups[1].Value}' referenced by '{expression}' is not set."));

    public string ConnectionString(string? connectionName)
    {
        var name = string.IsNullOrWhiteSpace(connectionName) ? DefaultConnection : connectionName;
        return configuration[name]
            ?? configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"Storage connection '{name}' is not set (the local fabric host needs a connection string, e.g. UseDevelopmentStorage=true).");
    }

    public QueueClient Queue(string? connectionName, string queueName) =>
        new(ConnectionString(connectionName), queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public BlobServiceClient Blobs(string? connectionName) => new(ConnectionString(connectionName));

    public TableServiceClient Tables(string? connectionName) => new(ConnectionString(connectionName));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
