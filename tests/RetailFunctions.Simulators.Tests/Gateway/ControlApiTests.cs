using System.Net;
using System.Net.Http.Json;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Gateway;

public sealed class ControlApiTests : IAsyncLifetime
{
    private SimulatorHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Reset_afterOrdersAndFaults_clearsDocumentsFaultsAndKeys()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "key-1", CancellationToken.None);
        await _sim.FaultAsync("erp", new { status = 503, durationSeconds = 60 });

        // Act
        using var reset = await _sim.Control.PostAsync("/_sim/reset", null);
        var erpOrderId = await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "key-1", CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("SO-000001", erpOrderId);
        Assert.Empty((await _sim.GetJsonAsync("/_sim/faults")).AsArray());
        Assert.Equal((1, 0, 0, 0), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    [Fact]
    public async Task Fault_unknownSystem_isNotFound()
    {
        // Act
        using var response = await _sim.Control.PostAsJsonAsync("/_sim/faults/sap", new { status = 503 });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CreateSalesOrder_withoutIdempotencyKey_isRefused()
    {
        // Act
        using var response = await _sim.Control.PostAsJsonAsync("/erp/sales-orders", BackOfficeSamples.SalesOrder());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray());
    }

    [Fact]
    public async Task CreateSalesOrder_sameKeyDifferentBody_isUnprocessable()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        await erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder("1"), "key-1", CancellationToken.None);

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeRejectedException>(
            () => erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder("2"), "key-1", CancellationToken.None));

        // Assert
        Assert.Equal(422, exception.StatusCode);
        Assert.Single((await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray());
    }
}
