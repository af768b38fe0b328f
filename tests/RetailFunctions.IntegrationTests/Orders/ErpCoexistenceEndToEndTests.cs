using System.Net;
using RetailFunctions.Core.BackOffice.Erp;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Orders;

/// <summary>
/// A retailer half-way through its ERP migration: STORE-001 has cut over to the cloud ERP, DC2's cutover is still
/// ahead and everything else stays on the legacy ERP, which takes batch files (simulated legacy ERP on Azurite).
/// The channels send exactly what they always send.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErpCoexistenceEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private SimulatorInbox _cloudErp = null!;
    private readonly LegacyErpFolders _legacyErp = new(azurite);

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Inventory__SeedSampleCatalogue"] = "true",
            ["Erp__Routing__Default"] = "Legacy",
            ["Erp__Routing__Sites__STORE-001__Erp"] = "Cloud",
            ["Erp__Routing__Sites__STORE-001__CutoverAt"] = "2020-01-01T00:00:00Z",
            ["Erp__Routing__Sites__DC2__Erp"] = "Cloud",
            ["Erp__Routing__Sites__DC2__CutoverAt"] = "2099-01-01T00:00:00Z",
            ["Erp__Legacy__PollInterval"] = "00:00:00.200",
        });
        _orders = new FabricOrders(_fabric.Client);
        _cloudErp = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task Orders_ofAMigratedStoreAndOfTheWarehouse_goToTheCloudAndTheLegacyErpEachOnce()
    {
        // Arrange
        var (saleId, saleBody) = PosSale.NewSale();
        var (webOrderId, webOrderBody) = ShopifyWebhook.NewOrder();

        // Act
        using var sale = await _fabric.Client.SendAsync(PosSale.Request(saleBody));
        using var webOrder = await _fabric.Client.SendAsync(ShopifyWebhook.Request(webOrderBody, Guid.NewGuid().ToString()));

        // Assert: the store sale (STORE-001, cut over) is in the cloud ERP only
        Assert.Equal(HttpStatusCode.Accepted, sale.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, webOrder.StatusCode);
        var completedSale = await _orders.WaitForStatusAsync("pos", saleId, "Completed");
        var saleKey = $"order-pos-{saleId}";
        Assert.StartsWith("SO-", completedSale.GetProperty("erpOrderId").GetString(), StringComparison.Ordinal);
        Assert.Single(await _cloudErp.ErpOrdersForAsync(saleKey));
        Assert.Empty(await _legacyErp.DocumentsForAsync(saleKey));

        // Assert: the web order (DC1, legacy) went to the legacy ERP as files, sales order then invoice, each once
        var completedWebOrder = await _orders.WaitForStatusAsync("shopify", webOrderId, "Completed");
        var webOrderKey = $"order-shopify-{webOrderId}";
        var orderAck = await _legacyErp.AcknowledgementAsync(LegacyErpFiles.SalesOrder, webOrderKey);
        var invoiceAck = await _legacyErp.AcknowledgementAsync(LegacyErpFiles.Invoice, $"{webOrderKey}-invoice");
        Assert.Equal(LegacyErpAcknowledgement.Accepted, orderAck?.Status);
        Assert.Equal(LegacyErpAcknowledgement.Accepted, invoiceAck?.Status);
        Assert.Equal($"{ErpRouter.LegacyOrderPrefix}{orderAck!.DocumentNumber}", completedWebOrder.GetProperty("erpOrderId").GetString());
        Assert.Equal(
            [$"invoice/{webOrderKey}-invoice.json", $"sales-order/{webOrderKey}.json"],
            (await _legacyErp.DocumentsForAsync(webOrderKey)).Order(StringComparer.Ordinal));
        Assert.Empty(await _cloudErp.ErpOrdersForAsync(webOrderKey));
        Assert.Empty(await _cloudErp.ErpInvoicesForAsync(webOrderKey));
    }
}
