using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Core.Returns.Workflow;
using RetailFunctions.Functions.Orders.OrderToCash;
using RetailFunctions.Functions.Returns.ReturnRefund;

namespace RetailFunctions.Functions.Orders;

/// <summary>
/// <see cref="IOrderWorkflow"/> over Durable Functions: <c>OrderToCash</c> per order, <c>ReturnRefund</c> per return. The client comes from the invocation's <c>[DurableClient]</c>
/// binding, so one of these is made per invocation.
/// </summary>
public sealed class DurableOrderWorkflow(DurableTaskClient client, OrderToCashOptions options) : IOrderWorkflow
{
    /// <remarks>An order whose process ended <c>Failed</c> is started again: that is how a fixed mapping or an
    /// operator's retry takes effect. Any other existing instance is left alone.</remarks>
    public async Task StartAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        var input = OrderToCashInput.For(channel, channelOrderId, options, Activity.Current?.Id);
        var existing = await client.GetInstanceAsync(input.OrderKey, getInputsAndOutputs: true, cancellationToken);
        if (existing is not null && !(existing.IsCompleted && existing.ReadOutputAs<string>() == nameof(OrderStatus.Failed)))
        {
            return;
        }

        await ScheduleAsync(OrderToCashOrchestrator.Name, input, input.OrderKey, cancellationToken);
    }

    /// <remarks>Any existing instance is left alone: a return that failed is retried by restarting it, not by redelivery.</remarks>
    public async Task StartReturnAsync(string channel, string returnId, CancellationToken cancellationToken)
    {
        var input = new ReturnRefundInput(channel.ToLowerInvariant(), returnId);
        if (await client.GetInstanceAsync(input.ReturnKey, cancellationToken) is not null)
        {
            return;
        }

        await ScheduleAsync(ReturnRefundOrchestrator.Name, input, input.ReturnKey, cancellationToken);
    }

    public async Task RequestCancellationAsync(ChannelCancellation cancellation, CancellationToken cancellationToken)
    {
        var instanceId = OrderKeys.For(cancellation.Channel, cancellation.ChannelOrderId);
        if (await IsRunningAsync(instanceId, cancellationToken))
        {
            await client.RaiseEventAsync(instanceId, OrderToCashOrchestrator.CancelRequested, cancellation, cancellationToken);
        }
    }

    public async Task<bool> ConfirmShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken)
    {
        var instanceId = OrderKeys.For(channel, channelOrderId);
        if (!await IsRunningAsync(instanceId, cancellationToken))
        {
            return false;
        }

        await client.RaiseEventAsync(instanceId, OrderToCashOrchestrator.ShipmentConfirmed, shipment, cancellationToken);
        return true;
    }

    private async Task ScheduleAsync(string orchestrator, object input, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another delivery of the same event may have started it between our check and our start: that is the goal.
            if (await client.GetInstanceAsync(instanceId, CancellationToken.None) is null)
            {
                throw;
            }
        }
    }

    private async Task<bool> IsRunningAsync(string instanceId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending };
}
