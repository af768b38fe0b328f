using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Functions.Durable;

namespace RetailFunctions.Functions.Orders.OrderToCash;

/// <summary>
/// DESIGN §1.3: reserve → ERP sales order → WMS fulfilment → acknowledge → shipments (partial, several) → tracking →
/// ERP invoice → completed. A cancellation before the first shipment compensates; after it, it is refused and noted.
/// Deterministic: all I/O is in <see cref="OrderToCashActivities"/>, time comes from the context.
/// </summary>
public static class OrderToCashOrchestrator
{
    public const string Name = "OrderToCash";
    public const string ShipmentConfirmed = "ShipmentConfirmed";
    public const string CancelRequested = "CancelRequested";

    /// <summary>
    /// Transient failures (ERP or WMS down, throttling) are retried for about a minute, longer when the system asked for a
    /// longer <c>Retry-After</c>; rejections are not.
    /// </summary>
    private static readonly TaskOptions Retry = BackOfficeRetry.Options(6, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    /// <summary>
    /// ERP postings ride out a maintenance window: retried on durable timers (2 s doubling up to the input's maximum
    /// interval, or the ERP's <c>Retry-After</c> when longer) for as long as the input's outage tolerance, so nothing waits
    /// hot and the order does not fail.
    /// </summary>
    internal static TaskOptions ErpRetry(OrderToCashInput input)
    {
        var tolerance = input.ErpOutageTolerance ?? new OrderToCashOptions().ErpOutageTolerance;
        var maxInterval = input.ErpRetryMaxInterval ?? new OrderToCashOptions().ErpRetryMaxInterval;
        var first = TimeSpan.FromSeconds(2);
        var attempts = 1;
        for (TimeSpan waited = TimeSpan.Zero, next = first; waited < tolerance; attempts++, next = TimeSpan.FromTicks(Math.Min(next.Ticks * 2, maxInterval.Ticks)))
        {
            waited += next;
        }

        return BackOfficeRetry.Options(attempts, first, maxInterval);
    }

    [Function(Name)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<OrderToCashInput>() ?? throw new InvalidOperationException("OrderToCash needs an input.");
        var cancelRequested = context.WaitForExternalEvent<ChannelCancellation>(CancelRequested);
        var erpRetry = ErpRetry(input);
        PreparedOrder order;
        ReservationResult? reservation = null;
        if (input.ReserveInPrepare)
        {
            var prepared = await context.CallActivityAsync<PreparedReservation>(OrderToCashActivities.PrepareAndReserve, input, Retry);
            (order, reservation) = (prepared.Order, prepared.Reservation);
        }
        else
        {
            order = await context.CallActivityAsync<PreparedOrder>(OrderToCashActivities.Prepare, input, Retry);
        }

        if (order.Problems.Count > 0)
        {
            return await FailAsync(context, input, string.Join(" ", order.Problems), releaseReservation: false);
        }

        string? erpOrderId = null;
        try
        {
            // A sale at the counter took the goods off the shelf already: there is nothing to hold, only stock to consume.
            if (!order.FulfilledAtStore)
            {
                reservation ??= await context.CallActivityAsync<ReservationResult>(OrderToCashActivities.Reserve, order, Retry);
                if (!reservation.Reserved)
                {
                    return await FailAsync(context, input, reservation.Reason ?? "Stock could not be reserved.", releaseReservation: true);
                }
            }

            if (cancelRequested.IsCompleted)
            {
                return await CancelAsync(context, order, erpOrderId, cancelRequested.Result, erpRetry);
            }

            erpOrderId = await context.CallActivityAsync<string>(OrderToCashActivities.PostToErp, order, erpRetry);
            if (order.FulfilledAtStore)
            {
                await context.CallActivityAsync(OrderToCashActivities.ConsumeCounterSale, order, Retry);
                await context.CallActivityAsync(OrderToCashActivities.Complete, order, Retry);
                return nameof(OrderStatus.Completed);
            }

            if (cancelRequested.IsCompleted)
            {
                return await CancelAsync(context, order, erpOrderId, cancelRequested.Result, erpRetry);
            }

            await context.CallActivityAsync(OrderToCashActivities.RequestFulfilment, order, Retry);
            await context.CallActivityAsync(OrderToCashActivities.Acknowledge, order, Retry);

            var outcome = await AwaitShipmentsAsync(context, input, order, cancelRequested);
            if (outcome is not null)
            {
                return await CancelAsync(context, order, erpOrderId, outcome, erpRetry);
            }

            await context.CallActivityAsync<string>(OrderToCashActivities.Invoice, new InvoiceStep(order, erpOrderId), erpRetry);
            return nameof(OrderStatus.Completed);
        }
        catch (TaskFailedException ex)
        {
            return await FailAsync(context, input, $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}", releaseReservation: erpOrderId is null);
        }
    }

    /// <returns>The cancellation to carry out, or null once every line has shipped.</returns>
    private static async Task<ChannelCancellation?> AwaitShipmentsAsync(
        TaskOrchestrationContext context, OrderToCashInput input, PreparedOrder order, Task<ChannelCancellation> cancelRequested)
    {
        using var overdueTimer = new CancellationTokenSource();
        Task? overdue = context.CreateTimer(context.CurrentUtcDateTime + input.ShipmentTimeout, overdueTimer.Token);
        var shipmentConfirmed = context.WaitForExternalEvent<OrderShipment>(ShipmentConfirmed);
        var anyShipped = false;
        try
        {
            while (true)
            {
                var next = await Task.WhenAny(overdue is null ? [shipmentConfirmed, cancelRequested] : [shipmentConfirmed, cancelRequested, overdue]);
                if (next == shipmentConfirmed)
                {
                    var shipment = shipmentConfirmed.Result;
                    // A new wait per event: the completed task would otherwise swallow the next delivery.
                    shipmentConfirmed = context.WaitForExternalEvent<OrderShipment>(ShipmentConfirmed);
                    var step = new ShipmentStep(order, shipment);
                    var progress = await context.CallActivityAsync<ShipmentProgress>(OrderToCashActivities.RecordShipment, step, Retry);
                    if (progress.IsNew)
                    {
                        anyShipped = true;
                        await context.CallActivityAsync(OrderToCashActivities.PushTracking, step, Retry);
                    }

                    if (progress.AllShipped)
                    {
                        return null;
                    }
                }
                else if (next == cancelRequested)
                {
                    var cancellation = cancelRequested.Result;
                    if (!anyShipped)
                    {
                        return cancellation;
                    }

                    cancelRequested = context.WaitForExternalEvent<ChannelCancellation>(CancelRequested);
                    await FlagAsync(context, input, OrderStatus.PartiallyShipped, "Cancellation refused: the order has already shipped.");
                }
                else
                {
                    overdue = null;
                    await FlagAsync(
                        context, input, anyShipped ? OrderStatus.PartiallyShipped : OrderStatus.AwaitingShipment,
                        $"No complete shipment within {input.ShipmentTimeout}; still waiting.");
                }
            }
        }
        finally
        {
            // Synchronously: CancelAsync completes on the thread pool, outside the orchestrator's turn, and the
            // orchestration would never be resumed.
            overdueTimer.Cancel();
        }
    }

    private static async Task<string> CancelAsync(
        TaskOrchestrationContext context, PreparedOrder order, string? erpOrderId, ChannelCancellation cancellation, TaskOptions erpRetry)
    {
        await context.CallActivityAsync(OrderToCashActivities.Cancel, new CancellationStep(order, erpOrderId, cancellation.Reason ?? "cancelled by the channel"), erpRetry);
        return nameof(OrderStatus.Cancelled);
    }

    /// <param name="status">The order's current status: the ledger writes it with the alert, so it must not step back.</param>
    private static Task FlagAsync(TaskOrchestrationContext context, OrderToCashInput input, OrderStatus status, string alert) =>
        context.CallActivityAsync(
            OrderToCashActivities.Flag,
            new ProgressStep(input.Channel, input.ChannelOrderId, new OrderProgress(status, Alert: alert)),
            Retry);

    private static async Task<string> FailAsync(TaskOrchestrationContext context, OrderToCashInput input, string reason, bool releaseReservation)
    {
        await context.CallActivityAsync(
            OrderToCashActivities.Fail,
            new FailureStep(input.Channel, input.ChannelOrderId, input.OrderKey, reason, releaseReservation),
            Retry);
        return nameof(OrderStatus.Failed);
    }
}
