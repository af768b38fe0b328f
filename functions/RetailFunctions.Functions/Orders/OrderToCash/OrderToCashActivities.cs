using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Functions.Orders.OrderToCash;

/// <summary>The activities of <see cref="OrderToCashOrchestrator"/>: each hands its step to <see cref="OrderToCashSteps"/>.</summary>
public sealed class OrderToCashActivities(OrderToCashSteps steps)
{
    public const string Prepare = "OrderToCash_Prepare";
    public const string Reserve = "OrderToCash_Reserve";
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
        using var trace = RetailActivity.Continue(Prepare, input.TraceParent);
        return await steps.PrepareAsync(input, cancellationToken);
    }

    [Function(Reserve)]
    public async Task<ReservationResult> ReserveAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(Reserve, order.TraceParent);
        return await steps.ReserveAsync(order, cancellationToken);
    }

    [Function(PostToErp)]
    public async Task<string> PostToErpAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(PostToErp, order.TraceParent);
        return await steps.PostToErpAsync(order, cancellationToken);
    }

    [Function(ConsumeCounterSale)]
    public async Task ConsumeCounterSaleAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(ConsumeCounterSale, order.TraceParent);
        await steps.ConsumeCounterSaleAsync(order, cancellationToken);
    }

    [Function(RequestFulfilment)]
    public async Task RequestFulfilmentAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(RequestFulfilment, order.TraceParent);
        await steps.RequestFulfilmentAsync(order, cancellationToken);
    }

    [Function(Acknowledge)]
    public async Task AcknowledgeAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(Acknowledge, order.TraceParent);
        await steps.AcknowledgeAsync(order, cancellationToken);
    }

    [Function(RecordShipment)]
    public async Task<ShipmentProgress> RecordShipmentAsync([ActivityTrigger] ShipmentStep step, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(RecordShipment, step.Order.TraceParent);
        return await steps.RecordShipmentAsync(step, cancellationToken);
    }

    [Function(PushTracking)]
    public async Task PushTrackingAsync([ActivityTrigger] ShipmentStep step, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(PushTracking, step.Order.TraceParent);
        await steps.PushTrackingAsync(step, cancellationToken);
    }

    [Function(Invoice)]
    public async Task<string> InvoiceAsync([ActivityTrigger] InvoiceStep step, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(Invoice, step.Order.TraceParent);
        return await steps.InvoiceAsync(step, cancellationToken);
    }

    [Function(Complete)]
    public async Task CompleteAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(Complete, order.TraceParent);
        await steps.CompleteAsync(order, cancellationToken);
    }

    [Function(Cancel)]
    public async Task CancelAsync([ActivityTrigger] CancellationStep step, CancellationToken cancellationToken)
    {
        using var trace = RetailActivity.Continue(Cancel, step.Order.TraceParent);
        await steps.CancelAsync(step, cancellationToken);
    }

    [Function(Fail)]
    public Task FailAsync([ActivityTrigger] FailureStep step, CancellationToken cancellationToken) =>
        steps.FailAsync(step, cancellationToken);

    [Function(Flag)]
    public Task FlagAsync([ActivityTrigger] ProgressStep step, CancellationToken cancellationToken) =>
        steps.FlagAsync(step, cancellationToken);
}
