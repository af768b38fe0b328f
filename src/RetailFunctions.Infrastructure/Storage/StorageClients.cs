using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using RetailFunctions.Infrastructure.Identity;

namespace RetailFunctions.Infrastructure.Storage;

/// <summary>
/// Builds storage clients from the same <c>AzureWebJobsStorage</c> setting the Functions host uses:
/// a connection string locally (Azurite), service URIs and a managed identity in Azure.
/// </summary>
public sealed class StorageClients
{
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <param name="tableOptions">Options for the Table clients; tests add a pipeline policy to see which requests a component sends.</param>
    public StorageClients(IConfiguration configuration, TableClientOptions? tableOptions = null)
    {
        var connectionString = configuration[ConnectionName];
        // Queue-triggered functions in Azure decode base64 by default; messages we send must match.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            Blobs = new BlobServiceClient(connectionString);
            Queues = new QueueServiceClient(connectionString, queueOptions);
            Tables = new TableServiceClient(connectionString, tableOptions);
            return;
        }

        var section = configuration.GetSection(ConnectionName);
        var credential = AzureCredentials.For(section);
        Blobs = new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential);
        Queues = new QueueServiceClient(RequiredUri(section, "queueServiceUri"), credential, queueOptions);
        Tables = new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential, tableOptions);
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{ConnectionName}' to a connection string or '{ConnectionName}__{key}' to a service URI.");
}
