using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.BackOffice.Erp;
using RetailFunctions.Infrastructure.BackOffice.Erp;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.BackOffice;

/// <summary>The legacy file ERP adapter against Azurite, with the test playing the legacy ERP's part.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobLegacyErpClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly LegacyErpFolders _folders = new(azurite);
    private readonly string _orderKey = $"order-shopify-{Guid.NewGuid():N}";
    private BlobLegacyErpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _folders.Outbox.CreateIfNotExistsAsync();
        await _folders.Inbox.CreateIfNotExistsAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.ConnectionName] = azurite.ConnectionString })
            .Build();
        _client = new BlobLegacyErpClient(
            new StorageClients(configuration),
            Options.Create(new LegacyErpOptions { AcknowledgementWait = TimeSpan.FromMilliseconds(300), PollInterval = TimeSpan.FromMilliseconds(100) }),
            TimeProvider.System,
            NullLogger<BlobLegacyErpClient>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateSalesOrder_noAcknowledgementYet_writesTheFileOnceAndFailsAsUnavailable()
    {
        // Act
        var first = await Assert.ThrowsAsync<BackOfficeUnavailableException>(() => _client.CreateSalesOrderAsync(SalesOrder(), _orderKey, CancellationToken.None));
        var written = await _folders.Outbox.GetBlobClient(LegacyErpFiles.DocumentPath(LegacyErpFiles.SalesOrder, _orderKey)).GetPropertiesAsync();
        await Assert.ThrowsAsync<BackOfficeUnavailableException>(() => _client.CreateSalesOrderAsync(SalesOrder(), _orderKey, CancellationToken.None));
        var afterRetry = await _folders.Outbox.GetBlobClient(LegacyErpFiles.DocumentPath(LegacyErpFiles.SalesOrder, _orderKey)).GetPropertiesAsync();

        // Assert
        Assert.Contains("acknowledgement pending", first.Message, StringComparison.Ordinal);
        Assert.Equal(written.Value.ETag, afterRetry.Value.ETag);
        Assert.Equal([$"sales-order/{_orderKey}.json"], await _folders.DocumentsForAsync(_orderKey));
        var document = JsonSerializer.Deserialize((await _folders.Outbox.GetBlobClient($"sales-order/{_orderKey}.json").DownloadContentAsync()).Value.Content.ToStream(), LegacyErpJson.Default.LegacyErpDocument)!;
        Assert.Equal(LegacyErpFiles.FormatVersion, document.Format);
        Assert.Equal(_orderKey, document.DocumentKey);
        Assert.Equal("SKU-1500", Assert.Single(document.SalesOrder!.Lines).ItemCode);
    }

    [Fact]
    public async Task CreateSalesOrder_acceptedAcknowledgement_returnsTheLegacyNumber()
    {
        // Arrange
        await AcknowledgeAsync(LegacyErpAcknowledgement.Accepted, "LSO-004711", null);

        // Act
        var number = await _client.CreateSalesOrderAsync(SalesOrder(), _orderKey, CancellationToken.None);

        // Assert
        Assert.Equal("LSO-004711", number);
        Assert.Single(await _folders.DocumentsForAsync(_orderKey));
    }

    [Fact]
    public async Task CreateSalesOrder_rejectedAcknowledgement_failsTerminallyWithTheReason()
    {
        // Arrange
        await AcknowledgeAsync(LegacyErpAcknowledgement.Rejected, null, "customer account blocked");

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeRejectedException>(() => _client.CreateSalesOrderAsync(SalesOrder(), _orderKey, CancellationToken.None));

        // Assert
        Assert.Equal(BlobLegacyErpClient.System, exception.System);
        Assert.Contains("customer account blocked", exception.Message, StringComparison.Ordinal);
    }

    private async Task AcknowledgeAsync(string status, string? number, string? reason)
    {
        var acknowledgement = new LegacyErpAcknowledgement(LegacyErpFiles.FormatVersion, LegacyErpFiles.SalesOrder, _orderKey, status, number, reason, DateTimeOffset.UtcNow);
        await _folders.Inbox.GetBlobClient(LegacyErpFiles.AcknowledgementPath(LegacyErpFiles.SalesOrder, _orderKey))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(acknowledgement, LegacyErpJson.Default.LegacyErpAcknowledgement)));
    }

    private ErpSalesOrder SalesOrder() =>
        new(_orderKey, "shopify", "1", "USD", [new ErpOrderLine("SKU-1500", "DC1", 2, 19.99m, 0m, 0m)], 0m, 39.98m, false);
}
