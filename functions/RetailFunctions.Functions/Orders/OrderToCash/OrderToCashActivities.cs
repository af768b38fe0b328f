using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders.Workflow;

namespace RetailFunctions.Functions.Orders.OrderToCash;

/// <summary>The activities of <see cref="OrderToCashOrchestrator"/>: each hands its step to <see cref="OrderToCashSteps"/>.</summary>
public sealed class OrderToCashActivities(OrderToCashSteps steps, ILogger<OrderToCashActivities> logger)
{
    public const string Prepare = "OrderToCash_Prepare";
    public const string Reserve = "OrderToCash_Reserve";
    public const string PrepareAndReserve = "OrderToCash_PrepareAndReserve";
    public const string PostToErp = "OrderToCash_PostToErp";
    public const string ConsumeCounterSale = "OrderToCash_ConsumeCounterSale";
    public const string RequestFulfilment = "OrderToCash_RequestFulfilment";
    public const string Acknowledge = "OrderToCash_Acknowledge";
    public const string RecordShipment = "OrderToCash_RecordShipment";
    public const string PushTracking = "OrderToCash_PushTracking";
    public const string Invoice = "OrderToCash_Invoice";
    public const string Complete = "OrderToCash_Complete";
    public const string Cancel = "OrderToCash_Cancel";
    public const string Fail = "OrderToCash_Fail";
    public const string Flag = "OrderToCash_Flag";

    [Function(Prepare)]
    public async Task<PreparedOrder> PrepareAsync([ActivityTrigger] OrderToCashInput input, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Prepare, input.OrderKey, input.TraceParent);
        return await steps.PrepareAsync(input, cancellationToken);
    }

    [Function(PrepareAndReserve)]
    public async Task<PreparedReservation> PrepareAndReserveAsync([ActivityTrigger] OrderToCashInput input, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, PrepareAndReserve, input.OrderKey, input.TraceParent);
        return await steps.PrepareAndReserveAsync(input, cancellationToken);
    }

    [Function(Reserve)]
    public async Task<ReservationResult> ReserveAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Reserve, order.OrderKey, order.TraceParent);
        return await steps.ReserveAsync(order, cancellationToken);
    }

    [Function(PostToErp)]
    public async Task<string> PostToErpAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, PostToErp, order.OrderKey, order.TraceParent);
        return await steps.PostToErpAsync(order, cancellationToken);
    }

    [Function(ConsumeCounterSale)]
    public async Task ConsumeCounterSaleAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, ConsumeCounterSale, order.OrderKey, order.TraceParent);
        await steps.ConsumeCounterSaleAsync(order, cancellationToken);
    }

    [Function(RequestFulfilment)]
    public async Task RequestFulfilmentAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, RequestFulfilment, order.OrderKey, order.TraceParent);
        await steps.RequestFulfilmentAsync(order, cancellationToken);
    }

    [Function(Acknowledge)]
    public async Task AcknowledgeAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Acknowledge, order.OrderKey, order.TraceParent);
        await steps.AcknowledgeAsync(order, cancellationToken);
    }

    [Function(RecordShipment)]
    public async Task<ShipmentProgress> RecordShipmentAsync([ActivityTrigger] ShipmentStep step, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, RecordShipment, step.Order.OrderKey, step.Order.TraceParent);
        return await steps.RecordShipmentAsync(step, cancellationToken);
    }

    [Function(PushTracking)]
    public async Task PushTrackingAsync([ActivityTrigger] ShipmentStep step, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, PushTracking, step.Order.OrderKey, step.Order.TraceParent);
        await steps.PushTrackingAsync(step, cancellationToken);
    }

    [Function(Invoice)]
    public async Task<string> InvoiceAsync([ActivityTrigger] InvoiceStep step, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Invoice, step.Order.OrderKey, step.Order.TraceParent);
        return await steps.InvoiceAsync(step, cancellationToken);
    }

    [Function(Complete)]
    public async Task CompleteAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Complete, order.OrderKey, order.TraceParent);
        await steps.CompleteAsync(order, cancellationToken);
    }

    [Function(Cancel)]
    public async Task CancelAsync([ActivityTrigger] CancellationStep step, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Cancel, step.Order.OrderKey, step.Order.TraceParent);
        await steps.CancelAsync(step, cancellationToken);
    }

    [Function(Fail)]
    public async Task FailAsync([ActivityTrigger] FailureStep step, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Fail, step.OrderKey, traceParent: null);
        await steps.FailAsync(step, cancellationToken);
    }

    [Function(Flag)]
    public async Task FlagAsync([ActivityTrigger] ProgressStep step, CancellationToken cancellationToken)
    {
        using var scope = OrderActivityScope.Begin(logger, Flag, OrderKeys.For(step.Channel, step.ChannelOrderId), traceParent: null);
        await steps.FlagAsync(step, cancellationToken);
    }
}
