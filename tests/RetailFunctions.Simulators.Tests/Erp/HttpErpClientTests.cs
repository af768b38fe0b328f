using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Erp;

public sealed class HttpErpClientTests : IAsyncLifetime
{
    private SimulatorHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task CreateSalesOrderAsync_sameKeyTwice_createsOneOrder()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        var order = BackOfficeSamples.SalesOrder();

        // Act
        var first = await erp.CreateSalesOrderAsync(order, "order-shopify-5551234567890", CancellationToken.None);
        var second = await erp.CreateSalesOrderAsync(order, "order-shopify-5551234567890", CancellationToken.None);

        // Assert
        Assert.Equal(first, second);
        var orders = (await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray();
        Assert.Single(orders);
        Assert.Equal(95.92m, orders[0]!["order"]!["total"]!.GetValue<decimal>());
        Assert.Equal((2, 0, 0, 1), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    [Fact]
    public async Task CreateSalesOrderAsync_differentKeys_createsTwoOrders()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();

        // Act
        var first = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder("1"), "order-shopify-1", CancellationToken.None);
        var second = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder("2"), "order-shopify-2", CancellationToken.None);

        // Assert
        Assert.NotEqual(first, second);
        Assert.Equal(2, (await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray().Count);
    }

    [Fact]
    public async Task CreateSalesOrderAsync_responseLostAfterCommit_retryReturnsTheSameOrder()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await _sim.FaultAsync("erp", new { status = 503, count = 1, afterProcessing = true });

        // Act
        var erpOrderId = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None);

        // Assert
        var orders = (await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray();
        Assert.Equal(erpOrderId, Assert.Single(orders)!["erpOrderId"]!.GetValue<string>());
        Assert.Equal((2, 1, 0, 1), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    [Fact]
    public async Task CreateSalesOrderAsync_503ForTwoCalls_succeedsOnTheThirdAttempt()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await _sim.FaultAsync("erp", new { status = 503, count = 2 });

        // Act
        var erpOrderId = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None);

        // Assert
        Assert.StartsWith("SO-", erpOrderId, StringComparison.Ordinal);
        Assert.Equal((3, 2, 0, 0), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    [Fact]
    public async Task CreateSalesOrderAsync_429WithRetryAfter_waitsForRetryAfterAndSucceeds()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await _sim.FaultAsync("erp", new { status = 429, count = 1, retryAfterSeconds = 1 });
        var started = TimeProvider.System.GetTimestamp();

        // Act
        await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None);

        // Assert: the configured backoff is 10 ms, so only Retry-After explains a wait of about a second.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(900));
        Assert.Equal((2, 1, 0, 0), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    [Fact]
    public async Task CreateSalesOrderAsync_persistent503_throwsUnavailableAfterEveryRetry()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await _sim.FaultAsync("erp", new { status = 503 });

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeUnavailableException>(
            () => erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None));

        // Assert
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal("erp", exception.System);
        Assert.Equal(SimulatorHost.MaxRetryAttempts + 1, (await _sim.CountersAsync("erp", "createSalesOrder")).Requests);
        Assert.Empty((await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray());
    }

    [Fact]
    public async Task CreateSalesOrderAsync_timeoutOnce_retriesAndSucceeds()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await _sim.FaultAsync("erp", new { timeout = true, count = 1 });

        // Act
        var erpOrderId = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None);

        // Assert
        Assert.Equal(erpOrderId, Assert.Single((await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray())!["erpOrderId"]!.GetValue<string>());
        Assert.Equal((2, 1, 0, 0), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    [Fact]
    public async Task CreateSalesOrderAsync_orderWithoutLines_throwsRejectedWithoutRetrying()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        var order = BackOfficeSamples.SalesOrder() with { Lines = [] };

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeRejectedException>(
            () => erp.CreateSalesOrderAsync(order, "order-shopify-5551234567890", CancellationToken.None));

        // Assert
        Assert.Equal(400, exception.StatusCode);
        Assert.Contains("lines", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await _sim.CountersAsync("erp", "createSalesOrder")).Requests);
    }

    [Fact]
    public async Task CancelSalesOrderAsync_invoicedOrder_throwsRejectedConflict()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        var order = BackOfficeSamples.SalesOrder();
        var erpOrderId = await erp.CreateSalesOrderAsync(order, "order-key", CancellationToken.None);
        var invoiceId = await erp.PostInvoiceAsync(new ErpInvoice(erpOrderId, order.OrderKey, "USD", [new ErpInvoiceLine("SKU-1500", 2, 41.22m)], 41.22m), "invoice-key", CancellationToken.None);

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeRejectedException>(() => erp.CancelSalesOrderAsync(erpOrderId, "cancel-key", CancellationToken.None));

        // Assert
        Assert.StartsWith("INV-", invoiceId, StringComparison.Ordinal);
        Assert.Equal(409, exception.StatusCode);
    }

    [Fact]
    public async Task CancelSalesOrderAsync_openOrder_marksItCancelled()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        var erpOrderId = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-key", CancellationToken.None);

        // Act
        await erp.CancelSalesOrderAsync(erpOrderId, "cancel-key", CancellationToken.None);

        // Assert
        var order = await _sim.GetJsonAsync($"/erp/sales-orders/{erpOrderId}");
        Assert.Equal("Cancelled", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostJournalAsync_sameKeyTwice_postsOneJournal()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        var journal = BackOfficeSamples.Journal("settlement-11223344", 1234.56m, 1234.56m);

        // Act
        var first = await erp.PostJournalAsync(journal, "settlement-11223344", CancellationToken.None);
        var second = await erp.PostJournalAsync(journal, "settlement-11223344", CancellationToken.None);

        // Assert
        Assert.Equal(first, second);
        Assert.Single((await _sim.GetJsonAsync("/_sim/erp/journals")).AsArray());
    }

    [Fact]
    public async Task PostJournalAsync_unbalanced_throwsRejected()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeRejectedException>(
            () => erp.PostJournalAsync(BackOfficeSamples.Journal("settlement-1", 100m, 99.99m), "settlement-1", CancellationToken.None));

        // Assert
        Assert.Equal(400, exception.StatusCode);
        Assert.Empty((await _sim.GetJsonAsync("/_sim/erp/journals")).AsArray());
    }
}
