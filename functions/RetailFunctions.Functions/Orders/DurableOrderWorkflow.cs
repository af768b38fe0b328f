using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Functions.Orders.OrderToCash;

namespace RetailFunctions.Functions.Orders;

/// <summary>
/// <see cref="IOrderWorkflow"/> over Durable Functions. The client comes from the invocation's <c>[DurableClient]</c>
/// binding, so one of these is made per invocation.
/// </summary>
public sealed class DurableOrderWorkflow(DurableTaskClient client, TimeSpan shipmentTimeout) : IOrderWorkflow
{
    /// <remarks>An order whose process ended <c>Failed</c> is started again: that is how a fixed mapping or an
    /// operator's retry takes effect. Any other existing instance is left alone.</remarks>
    public async Task StartAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        var input = new OrderToCashInput(channel, channelOrderId, shipmentTimeout);
        var existing = await client.GetInstanceAsync(input.OrderKey, getInputsAndOutputs: true, cancellationToken);
        if (existing is not null && !(existing.IsCompleted && existing.ReadOutputAs<string>() == nameof(OrderStatus.Failed)))
        {
            return;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                OrderToCashOrchestrator.Name, input, new StartOrchestrationOptions(input.OrderKey), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another delivery of the same order may have started it between our check and our start: that is the goal.
            if (await client.GetInstanceAsync(input.OrderKey, CancellationToken.None) is null)
            {
                throw;
            }
        }
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

    private async Task<bool> IsRunningAsync(string instanceId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending };
}
