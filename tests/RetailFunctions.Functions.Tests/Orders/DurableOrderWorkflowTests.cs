using Microsoft.DurableTask.Client;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Functions.Orders;

namespace RetailFunctions.Functions.Tests.Orders;

public sealed class DurableOrderWorkflowTests : IAsyncLifetime
{
    private OrderToCashHost _host = null!;
    private DurableOrderWorkflow _workflow = null!;

    public async Task InitializeAsync()
    {
        _host = await OrderToCashHost.StartAsync();
        _workflow = new DurableOrderWorkflow(_host.Client, new OrderToCashOptions { ShipmentTimeout = TimeSpan.FromDays(5) });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartAsync_calledTwice_runsOneInstance()
    {
        _host.Seed("2001", [("TEE-M", 1)]);

        await _workflow.StartAsync(OrderToCashHost.Channel, "2001", CancellationToken.None);
        await _workflow.StartAsync(OrderToCashHost.Channel, "2001", CancellationToken.None);
        await _host.WaitForStatusAsync("2001", OrderStatus.AwaitingShipment);
        await _workflow.StartAsync(OrderToCashHost.Channel, "2001", CancellationToken.None);
        var confirmed = await _workflow.ConfirmShipmentAsync(
            OrderToCashHost.Channel, "2001", new OrderShipment("S1", "UPS", "1Z1", DateTimeOffset.UtcNow, [new ShippedLine("TEE-M", 1)]), CancellationToken.None);
        var output = await _host.WaitForOutputAsync("2001");

        Assert.True(confirmed);
        Assert.Equal(nameof(OrderStatus.Completed), output);
        Assert.Single(_host.Reservations.Reserved);
        Assert.Equal(1, _host.Erp.SalesOrderAttempts);
        Assert.Single(_host.Wms.Requests);
    }

    [Fact]
    public async Task StartAsync_afterTheOrderFailed_startsItAgain()
    {
        _host.Seed("2002", [("TEE-M", 1)], fulfilledAtStore: "STORE-12");
        _host.Mappings.ItemCodes.TryRemove("TEE-M", out _);
        await _workflow.StartAsync(OrderToCashHost.Channel, "2002", CancellationToken.None);
        Assert.Equal(nameof(OrderStatus.Failed), await _host.WaitForOutputAsync("2002"));
        _host.Mappings.ItemCodes["TEE-M"] = "ITEM-TEE-M";

        await _workflow.StartAsync(OrderToCashHost.Channel, "2002", CancellationToken.None);
        await _host.WaitForStatusAsync("2002", OrderStatus.Completed);
        var output = await _host.WaitForOutputAsync("2002");

        Assert.Equal(nameof(OrderStatus.Completed), output);
        Assert.Single(_host.Erp.SalesOrders);
    }

    [Fact]
    public async Task StartAsync_afterTheOrderCompleted_leavesItAlone()
    {
        _host.Seed("2003", [("TEE-M", 1)], fulfilledAtStore: "STORE-12");
        await _workflow.StartAsync(OrderToCashHost.Channel, "2003", CancellationToken.None);
        Assert.Equal(nameof(OrderStatus.Completed), await _host.WaitForOutputAsync("2003"));

        await _workflow.StartAsync(OrderToCashHost.Channel, "2003", CancellationToken.None);
        var instance = await _host.Client.GetInstanceAsync(OrderKeys.For(OrderToCashHost.Channel, "2003"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance?.RuntimeStatus);
        Assert.Equal(1, _host.Erp.SalesOrderAttempts);
        Assert.Single(_host.Reservations.Consumed);
    }

    [Fact]
    public async Task RequestCancellationAsync_unknownOrder_doesNothing()
    {
        var cancellation = new ChannelCancellation(OrderToCashHost.Channel, "2404", null, "customer request", DateTimeOffset.UtcNow);

        await _workflow.RequestCancellationAsync(cancellation, CancellationToken.None);

        Assert.Null(await _host.Client.GetInstanceAsync(OrderKeys.For(OrderToCashHost.Channel, "2404")));
        Assert.Empty(_host.ChannelApi.CancellationsConfirmed);
    }

    [Fact]
    public async Task ConfirmShipmentAsync_unknownOrder_returnsFalse()
    {
        var shipment = new OrderShipment("S1", "UPS", "1Z1", DateTimeOffset.UtcNow, [new ShippedLine("TEE-M", 1)]);

        var confirmed = await _workflow.ConfirmShipmentAsync(OrderToCashHost.Channel, "2405", shipment, CancellationToken.None);

        Assert.False(confirmed);
        Assert.Null(await _host.Client.GetInstanceAsync(OrderKeys.For(OrderToCashHost.Channel, "2405")));
    }

    [Fact]
    public async Task RequestCancellationAsync_runningOrder_cancelsIt()
    {
        _host.Seed("2006", [("TEE-M", 1)]);
        await _workflow.StartAsync(OrderToCashHost.Channel, "2006", CancellationToken.None);
        await _host.WaitForStatusAsync("2006", OrderStatus.AwaitingShipment);

        await _workflow.RequestCancellationAsync(
            new ChannelCancellation(OrderToCashHost.Channel, "2006", null, "customer request", DateTimeOffset.UtcNow), CancellationToken.None);
        var output = await _host.WaitForOutputAsync("2006");

        Assert.Equal(nameof(OrderStatus.Cancelled), output);
        Assert.Equal(["2006"], _host.ChannelApi.CancellationsConfirmed);
    }
}
