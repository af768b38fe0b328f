using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Functions.Orders.OrderToCash;
using RetailFunctions.Functions.Tests.Durable;
using RetailFunctions.Functions.Tests.Fakes;

namespace RetailFunctions.Functions.Tests.Orders;

/// <summary>
/// The real <see cref="OrderToCashOrchestrator"/> and <see cref="OrderToCashActivities"/> over the real
/// <see cref="OrderToCashSteps"/>, in an in-process Durable Task host, with every outside system faked in memory.
/// </summary>
internal sealed class OrderToCashHost : IAsyncDisposable
{
    public const string Channel = "shopify";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private DurableTaskTestHost? _host;

    public FakeOrderLedger Ledger { get; } = new();

    public FakeSkuMappings Mappings { get; } = new();

    public FakeInventoryReservations Reservations { get; } = new();

    public FakeErpClient Erp { get; } = new();

    public FakeWmsClient Wms { get; } = new();

    public FakeChannelOrderApi ChannelApi { get; } = new(Channel);

    public FakeRetailEvents Events => Ledger.Announced;

    /// <summary>The first steps' activities in the order they ran: which shape of the workflow an input took.</summary>
    public ConcurrentQueue<string> FirstSteps { get; } = new();

    public DurableTaskClient Client => _host?.Client ?? throw new InvalidOperationException("Call StartAsync first.");

    public static async Task<OrderToCashHost> StartAsync()
    {
        var host = new OrderToCashHost();
        var activities = new OrderToCashActivities(new OrderToCashSteps(
            host.Ledger, host.Mappings, host.Reservations, host.Erp, host.Wms, [host.ChannelApi],
            TimeProvider.System, Options.Create(new OrderToCashOptions()), NullLogger<OrderToCashSteps>.Instance),
            NullLogger<OrderToCashActivities>.Instance);
        host._host = await InMemoryDurableHost.StartAsync(registry => Register(registry, activities, host.FirstSteps));
        return host;
    }

    /// <summary>Puts the order in the ledger with every SKU mapped to <c>ITEM-{sku}</c>.</summary>
    public CanonicalOrder Seed(string channelOrderId, IReadOnlyList<(string Sku, int Quantity)> lines, string? fulfilledAtStore = null)
    {
        var orderLines = lines.Select((l, i) => new OrderLine($"{i + 1}", l.Sku, l.Quantity, 10m, 0m, 1m, l.Sku)).ToList();
        var subtotal = orderLines.Sum(l => l.UnitPrice * l.Quantity);
        var tax = orderLines.Sum(l => l.Tax);
        var order = new CanonicalOrder(
            Channel, channelOrderId, $"#{channelOrderId}", "USD", orderLines, new ShippingCharge(5m, 0m, 0m, "Ground"),
            new OrderTotals(subtotal, 0m, tax, 5m, subtotal + tax + 5m), null, null,
            new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), null, "paid", null, fulfilledAtStore);
        Ledger.Seed(order);
        foreach (var (sku, _) in lines)
        {
            Mappings.ItemCodes[sku] = $"ITEM-{sku}";
        }

        return order;
    }

    /// <param name="reserveInPrepare">False starts the order as inputs written before <see cref="OrderToCashInput.ReserveInPrepare"/> did.</param>
    public async Task<string> StartOrderAsync(
        string channelOrderId, TimeSpan? shipmentTimeout = null, TimeSpan? erpOutageTolerance = null, TimeSpan? erpRetryMaxInterval = null,
        bool reserveInPrepare = true)
    {
        var input = new OrderToCashInput(
            Channel, channelOrderId, shipmentTimeout ?? TimeSpan.FromDays(5), erpOutageTolerance, erpRetryMaxInterval, ReserveInPrepare: reserveInPrepare);
        return await Client.ScheduleNewOrchestrationInstanceAsync(OrderToCashOrchestrator.Name, input, new StartOrchestrationOptions(input.OrderKey));
    }

    public Task RaiseShipmentAsync(string channelOrderId, OrderShipment shipment) =>
        Client.RaiseEventAsync(OrderKeys.For(Channel, channelOrderId), OrderToCashOrchestrator.ShipmentConfirmed, shipment);

    public Task RaiseCancellationAsync(string channelOrderId) =>
        Client.RaiseEventAsync(
            OrderKeys.For(Channel, channelOrderId),
            OrderToCashOrchestrator.CancelRequested,
            new ChannelCancellation(Channel, channelOrderId, null, "customer changed their mind", DateTimeOffset.UtcNow));

    /// <returns>The orchestration's output: the order's final <see cref="OrderStatus"/>.</returns>
    public async Task<string?> WaitForOutputAsync(string channelOrderId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        OrchestrationMetadata instance;
        try
        {
            instance = await Client.WaitForInstanceCompletionAsync(OrderKeys.For(Channel, channelOrderId), getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The orchestration did not end; the ledger has {string.Join(", ", StatusesOf(channelOrderId))}.");
            throw;
        }

        Assert.True(
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"The orchestration ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}");
        return instance.ReadOutputAs<string>();
    }

    /// <summary>Waits until the ledger holds a step matching <paramref name="condition"/> (the workflow runs on other threads).</summary>
    public async Task WaitForProgressAsync(string channelOrderId, Func<IReadOnlyList<OrderProgress>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition(Ledger.ProgressOf(Channel, channelOrderId)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    public Task WaitForStatusAsync(string channelOrderId, OrderStatus status) =>
        WaitForProgressAsync(channelOrderId, steps => steps.Any(s => s.Status == status));

    public IReadOnlyList<OrderStatus> StatusesOf(string channelOrderId) =>
        [.. Ledger.ProgressOf(Channel, channelOrderId).Select(p => p.Status)];

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static void Register(DurableTaskRegistry registry, OrderToCashActivities activities, ConcurrentQueue<string> firstSteps)
    {
        // Typed input: the plain SDK's GetInput<T> only casts what the registration deserialized, whereas the Functions
        // worker deserializes on demand. A delegate, not an inline lambda: the DURABLE analyzers (0.2.0) crash (AD0001)
        // following an inline lambda into an orchestrator of another assembly; it is analysed where it is written.
        Func<TaskOrchestrationContext, OrderToCashInput, Task<string>> orchestrator = (context, _) => OrderToCashOrchestrator.RunAsync(context);
        registry.AddOrchestratorFunc(OrderToCashOrchestrator.Name, orchestrator);
        registry.AddActivityFunc<OrderToCashInput, PreparedReservation>(OrderToCashActivities.PrepareAndReserve, (_, input) =>
        {
            firstSteps.Enqueue(OrderToCashActivities.PrepareAndReserve);
            return activities.PrepareAndReserveAsync(input, CancellationToken.None);
        });
        registry.AddActivityFunc<OrderToCashInput, PreparedOrder>(OrderToCashActivities.Prepare, (_, input) =>
        {
            firstSteps.Enqueue(OrderToCashActivities.Prepare);
            return activities.PrepareAsync(input, CancellationToken.None);
        });
        registry.AddActivityFunc<PreparedOrder, Core.Inventory.ReservationResult>(OrderToCashActivities.Reserve, (_, order) =>
        {
            firstSteps.Enqueue(OrderToCashActivities.Reserve);
            return activities.ReserveAsync(order, CancellationToken.None);
        });
        registry.AddActivityFunc<PreparedOrder, string>(OrderToCashActivities.PostToErp, (_, order) => activities.PostToErpAsync(order, CancellationToken.None));
        registry.AddActivityFunc<PreparedOrder>(OrderToCashActivities.ConsumeCounterSale, (_, order) => activities.ConsumeCounterSaleAsync(order, CancellationToken.None));
        registry.AddActivityFunc<PreparedOrder>(OrderToCashActivities.RequestFulfilment, (_, order) => activities.RequestFulfilmentAsync(order, CancellationToken.None));
        registry.AddActivityFunc<PreparedOrder>(OrderToCashActivities.Acknowledge, (_, order) => activities.AcknowledgeAsync(order, CancellationToken.None));
        registry.AddActivityFunc<ShipmentStep, ShipmentProgress>(OrderToCashActivities.RecordShipment, (_, step) => activities.RecordShipmentAsync(step, CancellationToken.None));
        registry.AddActivityFunc<ShipmentStep>(OrderToCashActivities.PushTracking, (_, step) => activities.PushTrackingAsync(step, CancellationToken.None));
        registry.AddActivityFunc<InvoiceStep, string>(OrderToCashActivities.Invoice, (_, step) => activities.InvoiceAsync(step, CancellationToken.None));
        registry.AddActivityFunc<PreparedOrder>(OrderToCashActivities.Complete, (_, order) => activities.CompleteAsync(order, CancellationToken.None));
        registry.AddActivityFunc<CancellationStep>(OrderToCashActivities.Cancel, (_, step) => activities.CancelAsync(step, CancellationToken.None));
        registry.AddActivityFunc<FailureStep>(OrderToCashActivities.Fail, (_, step) => activities.FailAsync(step, CancellationToken.None));
        registry.AddActivityFunc<ProgressStep>(OrderToCashActivities.Flag, (_, step) => activities.FlagAsync(step, CancellationToken.None));
    }
}
