using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Functions.Orders.OrderToCash;
using static RetailFunctions.Core.Orders.OrderStatus;

namespace RetailFunctions.Functions.Tests.Orders;

public sealed class OrderToCashOrchestratorTests : IAsyncLifetime
{
    private OrderToCashHost _host = null!;

    public async Task InitializeAsync() => _host = await OrderToCashHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_oneShipmentWithAllLines_postsShipsInvoicesAndCompletes()
    {
        _host.Seed("1001", [("TEE-M", 2), ("CAP", 1)]);

        await _host.StartOrderAsync("1001");
        await _host.WaitForStatusAsync("1001", AwaitingShipment);
        await _host.RaiseShipmentAsync("1001", Shipment("S1", ("TEE-M", 2), ("CAP", 1)));
        var output = await _host.WaitForOutputAsync("1001");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal([Reserved, PostedToErp, AwaitingShipment, Shipped, Completed], _host.StatusesOf("1001"));
        Assert.Single(_host.Erp.SalesOrders);
        Assert.Single(_host.Erp.Invoices);
        Assert.Empty(_host.Erp.Cancellations);
        Assert.Single(_host.Wms.Requests);
        Assert.Single(_host.ChannelApi.Acknowledged);
        Assert.Single(_host.ChannelApi.TrackingPushed);
        Assert.Equal([RetailEventTypes.OrderPostedToErp, RetailEventTypes.OrderShipped, RetailEventTypes.OrderCompleted], _host.Events.Types);
        Assert.Empty(_host.Reservations.Released);
        Assert.Equal(["S1"], _host.Reservations.Consumed.Keys);
        Assert.Equal([OrderToCashActivities.PrepareAndReserve], _host.FirstSteps);
    }

    [Fact]
    public async Task RunAsync_inputWrittenBeforeReserveInPrepare_preparesThenReservesInTwoActivitiesAndCompletes()
    {
        _host.Seed("1020", [("TEE-M", 1)]);

        await _host.StartOrderAsync("1020", reserveInPrepare: false);
        await _host.WaitForStatusAsync("1020", AwaitingShipment);
        await _host.RaiseShipmentAsync("1020", Shipment("S1", ("TEE-M", 1)));
        var output = await _host.WaitForOutputAsync("1020");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal([Reserved, PostedToErp, AwaitingShipment, Shipped, Completed], _host.StatusesOf("1020"));
        Assert.Equal([OrderToCashActivities.Prepare, OrderToCashActivities.Reserve], _host.FirstSteps);
        Assert.Single(_host.Erp.SalesOrders);
    }

    [Fact]
    public async Task RunAsync_twoPartialShipmentsAndADuplicate_completesWithOneTrackingPushPerShipment()
    {
        _host.Seed("1002", [("TEE-M", 2), ("CAP", 1)]);

        await _host.StartOrderAsync("1002");
        await _host.WaitForStatusAsync("1002", AwaitingShipment);
        await _host.RaiseShipmentAsync("1002", Shipment("S1", ("TEE-M", 2)));
        await _host.WaitForStatusAsync("1002", PartiallyShipped);
        await _host.RaiseShipmentAsync("1002", Shipment("S1", ("TEE-M", 2)));
        await _host.WaitForProgressAsync("1002", steps => steps.Count(s => s.Status == PartiallyShipped) == 2);
        await _host.RaiseShipmentAsync("1002", Shipment("S2", ("CAP", 1)));
        var output = await _host.WaitForOutputAsync("1002");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal([Reserved, PostedToErp, AwaitingShipment, PartiallyShipped, PartiallyShipped, Shipped, Completed], _host.StatusesOf("1002"));
        Assert.Equal(["order-shopify-1002-S1", "order-shopify-1002-S2"], _host.ChannelApi.TrackingPushed.Select(t => t.IdempotencyKey));
        Assert.Equal(2, _host.Ledger.ShipmentsOf(OrderToCashHost.Channel, "1002").Count);
        Assert.Equal(2, _host.Events.Types.Count(t => t == RetailEventTypes.OrderShipped));
        Assert.Single(_host.Erp.Invoices);
    }

    [Fact]
    public async Task RunAsync_cancelBeforeAnyShipment_releasesCancelsInErpAndConfirmsToChannel()
    {
        _host.Seed("1003", [("TEE-M", 1)]);

        await _host.StartOrderAsync("1003");
        await _host.WaitForStatusAsync("1003", AwaitingShipment);
        await _host.RaiseCancellationAsync("1003");
        var output = await _host.WaitForOutputAsync("1003");

        Assert.Equal(nameof(Cancelled), output);
        Assert.Equal(Cancelled, _host.StatusesOf("1003")[^1]);
        Assert.Equal(["order-shopify-1003"], _host.Reservations.Released);
        Assert.Equal("SO-order-shopify-1003", Assert.Single(_host.Erp.Cancellations).Value);
        Assert.Equal(["1003"], _host.ChannelApi.CancellationsConfirmed);
        Assert.Empty(_host.Erp.Invoices);
        Assert.Contains(RetailEventTypes.OrderCancelled, _host.Events.Types);
    }

    [Fact]
    public async Task RunAsync_cancelAfterPartialShipment_isRefusedFlaggedAndOrderCompletes()
    {
        _host.Seed("1004", [("TEE-M", 2), ("CAP", 1)]);

        await _host.StartOrderAsync("1004");
        await _host.WaitForStatusAsync("1004", AwaitingShipment);
        await _host.RaiseShipmentAsync("1004", Shipment("S1", ("TEE-M", 2)));
        await _host.WaitForStatusAsync("1004", PartiallyShipped);
        await _host.RaiseCancellationAsync("1004");
        await _host.WaitForProgressAsync("1004", steps => steps.Any(s => s.Alert is not null));
        await _host.RaiseShipmentAsync("1004", Shipment("S2", ("CAP", 1)));
        var output = await _host.WaitForOutputAsync("1004");

        Assert.Equal(nameof(Completed), output);
        var flag = Assert.Single(_host.Ledger.ProgressOf(OrderToCashHost.Channel, "1004"), s => s.Alert is not null);
        Assert.Contains("Cancellation refused", flag.Alert, StringComparison.Ordinal);
        Assert.Equal(PartiallyShipped, flag.Status);
        Assert.Equal(Completed, _host.StatusesOf("1004")[^1]);
        Assert.Empty(_host.Reservations.Released);
        Assert.Empty(_host.Erp.Cancellations);
        Assert.Empty(_host.ChannelApi.CancellationsConfirmed);
        Assert.Single(_host.Erp.Invoices);
    }

    [Fact]
    public async Task RunAsync_erpUnavailableOnce_retriesAndCompletesWithOneSalesOrder()
    {
        _host.Seed("1005", [("TEE-M", 1)]);
        _host.Erp.FailSalesOrders(1);

        await _host.StartOrderAsync("1005");
        await _host.WaitForStatusAsync("1005", AwaitingShipment);
        await _host.RaiseShipmentAsync("1005", Shipment("S1", ("TEE-M", 1)));
        var output = await _host.WaitForOutputAsync("1005");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal(2, _host.Erp.SalesOrderAttempts);
        Assert.Single(_host.Erp.SalesOrders);
        Assert.Single(_host.Erp.Invoices);
        Assert.Equal([Reserved, PostedToErp, AwaitingShipment, Shipped, Completed], _host.StatusesOf("1005"));
    }

    [Fact]
    public async Task RunAsync_erpUnavailableForEightAttempts_keepsRetryingWithinItsOutageToleranceAndCompletes()
    {
        _host.Seed("1015", [("TEE-M", 1)]);
        _host.Erp.FailSalesOrders(8);

        await _host.StartOrderAsync("1015", erpOutageTolerance: TimeSpan.FromMinutes(10), erpRetryMaxInterval: TimeSpan.FromSeconds(2));
        await _host.WaitForStatusAsync("1015", AwaitingShipment);
        await _host.RaiseShipmentAsync("1015", Shipment("S1", ("TEE-M", 1)));
        var output = await _host.WaitForOutputAsync("1015");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal(9, _host.Erp.SalesOrderAttempts);
        Assert.Single(_host.Erp.SalesOrders);
        Assert.DoesNotContain(_host.StatusesOf("1015"), s => s == Failed);
    }

    [Fact]
    public async Task RunAsync_acknowledgementThrottledWithLongRetryAfter_retriesOnATimerAfterAtLeastThatLongAndCompletes()
    {
        _host.Seed("1017", [("TEE-M", 1)]);
        var retryAfter = TimeSpan.FromSeconds(5);
        _host.ChannelApi.ThrottleAcknowledgements(1, retryAfter);

        var output = await ShipOneTeeAsync("1017");

        Assert.Equal(nameof(Completed), output);
        var attempts = _host.ChannelApi.AcknowledgementAttempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.True(a.InRetryLaterScope, "The activity must ask its clients to leave long waits to the orchestrator."));
        // The plain backoff would have retried after 2 s.
        Assert.True(attempts[1].At - attempts[0].At >= retryAfter, $"Retried after {attempts[1].At - attempts[0].At}.");
        Assert.Single(_host.ChannelApi.Acknowledged);
        Assert.Single(_host.Erp.SalesOrders);
        Assert.Equal([Reserved, PostedToErp, AwaitingShipment, Shipped, Completed], _host.StatusesOf("1017"));
    }

    [Fact]
    public async Task RunAsync_erpThrottledWithLongRetryAfter_retriesAfterAtLeastThatLongWithinItsOutageToleranceAndCompletes()
    {
        _host.Seed("1018", [("TEE-M", 1)]);
        var retryAfter = TimeSpan.FromSeconds(4);
        _host.Erp.FailSalesOrders(1, retryAfter);

        var output = await ShipOneTeeAsync("1018", erpOutageTolerance: TimeSpan.FromSeconds(4), erpRetryMaxInterval: TimeSpan.FromSeconds(2));

        Assert.Equal(nameof(Completed), output);
        var attempts = _host.Erp.SalesOrderAttemptTimes.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.True(attempts[1] - attempts[0] >= retryAfter, $"Retried after {attempts[1] - attempts[0]}.");
        Assert.Single(_host.Erp.SalesOrders);
    }

    [Fact]
    public async Task RunAsync_erpUnavailableBeyondItsOutageTolerance_failsAfterBoundedRetries()
    {
        _host.Seed("1016", [("TEE-M", 1)]);
        _host.Erp.FailSalesOrders(int.MaxValue);

        await _host.StartOrderAsync("1016", erpOutageTolerance: TimeSpan.FromSeconds(4), erpRetryMaxInterval: TimeSpan.FromSeconds(2));
        var output = await _host.WaitForOutputAsync("1016");

        Assert.Equal(nameof(Failed), output);
        Assert.Equal(3, _host.Erp.SalesOrderAttempts);
        Assert.Contains("erp unavailable", _host.Ledger.ProgressOf(OrderToCashHost.Channel, "1016")[^1].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_erpRejectsSalesOrder_failsWithoutRetryNamingTheStepAndReleasesStock()
    {
        _host.Seed("1006", [("TEE-M", 1)]);
        _host.Erp.RejectSalesOrders = true;

        await _host.StartOrderAsync("1006");
        var output = await _host.WaitForOutputAsync("1006");

        Assert.Equal(nameof(Failed), output);
        var failure = _host.Ledger.ProgressOf(OrderToCashHost.Channel, "1006")[^1];
        Assert.Equal(Failed, failure.Status);
        Assert.Contains(Functions.Orders.OrderToCash.OrderToCashActivities.PostToErp, failure.FailureReason, StringComparison.Ordinal);
        Assert.Contains("erp rejected", failure.FailureReason, StringComparison.Ordinal);
        Assert.Equal(1, _host.Erp.SalesOrderAttempts);
        Assert.Equal(["order-shopify-1006"], _host.Reservations.Released);
        Assert.Empty(_host.Wms.Requests);
        Assert.Equal([RetailEventTypes.OrderFailed], _host.Events.Types);
    }

    [Fact]
    public async Task RunAsync_unknownSku_failsNamingTheSkuBeforeReservingOrPosting()
    {
        _host.Seed("1007", [("TEE-M", 1), ("MYSTERY", 1)]);
        _host.Mappings.ItemCodes.TryRemove("MYSTERY", out _);

        await _host.StartOrderAsync("1007");
        var output = await _host.WaitForOutputAsync("1007");

        Assert.Equal(nameof(Failed), output);
        var failure = Assert.Single(_host.Ledger.ProgressOf(OrderToCashHost.Channel, "1007"));
        Assert.Equal(Failed, failure.Status);
        Assert.Contains("'MYSTERY'", failure.FailureReason, StringComparison.Ordinal);
        Assert.Empty(_host.Reservations.Reserved);
        Assert.Empty(_host.Reservations.Released);
        Assert.Equal(0, _host.Erp.SalesOrderAttempts);
        Assert.Empty(_host.Wms.Requests);
    }

    [Fact]
    public async Task RunAsync_insufficientStock_failsWithTheReservationReason()
    {
        _host.Seed("1008", [("TEE-M", 5)]);
        _host.Reservations.HasStock = false;

        await _host.StartOrderAsync("1008");
        var output = await _host.WaitForOutputAsync("1008");

        Assert.Equal(nameof(Failed), output);
        var failure = Assert.Single(_host.Ledger.ProgressOf(OrderToCashHost.Channel, "1008"));
        Assert.Equal("Not enough stock for TEE-M.", failure.FailureReason);
        Assert.Equal(0, _host.Erp.SalesOrderAttempts);
        Assert.Empty(_host.Wms.Requests);
    }

    [Fact]
    public async Task RunAsync_counterSaleAtStore_completesWithoutWmsOrShipmentAndConsumesStock()
    {
        _host.Seed("1009", [("TEE-M", 1), ("CAP", 2)], fulfilledAtStore: "STORE-12");

        await _host.StartOrderAsync("1009");
        var output = await _host.WaitForOutputAsync("1009");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal([PostedToErp, Completed], _host.StatusesOf("1009"));
        Assert.Empty(_host.Reservations.Reserved);
        var erpOrder = Assert.Single(_host.Erp.SalesOrders).Value;
        Assert.True(erpOrder.PaidAndFulfilled);
        Assert.All(erpOrder.Lines, l => Assert.Equal("STORE-12", l.Site));
        var consumed = Assert.Single(_host.Reservations.Consumed);
        Assert.Equal("order-shopify-1009-counter", consumed.Key);
        Assert.Equal(3, consumed.Value.Sum(l => l.Quantity));
        Assert.Empty(_host.Wms.Requests);
        Assert.Empty(_host.ChannelApi.TrackingPushed);
        Assert.Empty(_host.Erp.Invoices);
        Assert.Equal([RetailEventTypes.OrderPostedToErp, RetailEventTypes.OrderCompleted], _host.Events.Types);
    }

    [Fact]
    public async Task RunAsync_noShipmentWithinTimeout_flagsTheOrderAndStillCompletesWhenItShips()
    {
        _host.Seed("1010", [("TEE-M", 1)]);

        await _host.StartOrderAsync("1010", shipmentTimeout: TimeSpan.FromSeconds(1));
        await _host.WaitForProgressAsync("1010", steps => steps.Any(s => s.Alert is not null));
        await _host.RaiseShipmentAsync("1010", Shipment("S1", ("TEE-M", 1)));
        var output = await _host.WaitForOutputAsync("1010");

        Assert.Equal(nameof(Completed), output);
        var flag = Assert.Single(_host.Ledger.ProgressOf(OrderToCashHost.Channel, "1010"), s => s.Alert is not null);
        Assert.Contains("No complete shipment within", flag.Alert, StringComparison.Ordinal);
        Assert.Equal(AwaitingShipment, flag.Status);
        Assert.Equal(Completed, _host.StatusesOf("1010")[^1]);
        Assert.Single(_host.Erp.Invoices);
    }

    [Fact]
    public async Task RunAsync_shipmentRecordingRetriedAfterTransientFailure_stillPushesTrackingAndPublishes()
    {
        _host.Seed("1011", [("TEE-M", 1)]);
        _host.Reservations.FailConsumption(1);

        await _host.StartOrderAsync("1011");
        await _host.WaitForStatusAsync("1011", AwaitingShipment);
        await _host.RaiseShipmentAsync("1011", Shipment("S1", ("TEE-M", 1)));
        var output = await _host.WaitForOutputAsync("1011");

        Assert.Equal(nameof(Completed), output);
        Assert.Equal(["order-shopify-1011-S1"], _host.ChannelApi.TrackingPushed.Select(t => t.IdempotencyKey));
        Assert.Single(_host.Events.Types, t => t == RetailEventTypes.OrderShipped);
        Assert.Equal(["S1"], _host.Reservations.Consumed.Keys);
    }

    /// <summary>Starts the order (one TEE-M), ships it once it awaits shipment and returns the orchestration's output.</summary>
    private async Task<string?> ShipOneTeeAsync(string channelOrderId, TimeSpan? erpOutageTolerance = null, TimeSpan? erpRetryMaxInterval = null)
    {
        await _host.StartOrderAsync(channelOrderId, erpOutageTolerance: erpOutageTolerance, erpRetryMaxInterval: erpRetryMaxInterval);
        await _host.WaitForStatusAsync(channelOrderId, AwaitingShipment);
        await _host.RaiseShipmentAsync(channelOrderId, Shipment("S1", ("TEE-M", 1)));
        return await _host.WaitForOutputAsync(channelOrderId);
    }

    private static OrderShipment Shipment(string shipmentId, params (string Sku, int Quantity)[] lines) =>
        new(shipmentId, "UPS", $"1Z{shipmentId}", new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero),
            [.. lines.Select(l => new ShippedLine(l.Sku, l.Quantity))]);
}
