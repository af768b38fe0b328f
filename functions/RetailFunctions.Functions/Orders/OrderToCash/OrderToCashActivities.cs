using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders.Workflow;

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
    public Task<PreparedOrder> PrepareAsync([ActivityTrigger] OrderToCashInput input, CancellationToken cancellationToken) =>
        steps.PrepareAsync(input, cancellationToken);

    [Function(Reserve)]
    public Task<ReservationResult> ReserveAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken) =>
        steps.ReserveAsync(order, cancellationToken);

    [Function(PostToErp)]
    public Task<string> PostToErpAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken) =>
        steps.PostToErpAsync(order, cancellationToken);

    [Function(ConsumeCounterSale)]
    public Task ConsumeCounterSaleAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken) =>
        steps.ConsumeCounterSaleAsync(order, cancellationToken);

    [Function(RequestFulfilment)]
    public Task RequestFulfilmentAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken) =>
        steps.RequestFulfilmentAsync(order, cancellationToken);

    [Function(Acknowledge)]
    public Task AcknowledgeAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken) =>
        steps.AcknowledgeAsync(order, cancellationToken);

    [Function(RecordShipment)]
    public Task<ShipmentProgress> RecordShipmentAsync([ActivityTrigger] ShipmentStep step, CancellationToken cancellationToken) =>
        steps.RecordShipmentAsync(step, cancellationToken);

    [Function(PushTracking)]
    public Task PushTrackingAsync([ActivityTrigger] ShipmentStep step, CancellationToken cancellationToken) =>
        steps.PushTrackingAsync(step, cancellationToken);

    [Function(Invoice)]
    public Task<string> InvoiceAsync([ActivityTrigger] InvoiceStep step, CancellationToken cancellationToken) =>
        steps.InvoiceAsync(step, cancellationToken);

    [Function(Complete)]
    public Task CompleteAsync([ActivityTrigger] PreparedOrder order, CancellationToken cancellationToken) =>
        steps.CompleteAsync(order, cancellationToken);

    [Function(Cancel)]
    public Task CancelAsync([ActivityTrigger] CancellationStep step, CancellationToken cancellationToken) =>
        steps.CancelAsync(step, cancellationToken);

    [Function(Fail)]
    public Task FailAsync([ActivityTrigger] FailureStep step, CancellationToken cancellationToken) =>
        steps.FailAsync(step, cancellationToken);

    [Function(Flag)]
    public Task FlagAsync([ActivityTrigger] ProgressStep step, CancellationToken cancellationToken) =>
        steps.FlagAsync(step, cancellationToken);
}
