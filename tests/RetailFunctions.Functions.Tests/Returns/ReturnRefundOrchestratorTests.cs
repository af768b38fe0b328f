using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Returns.Workflow;
using RetailFunctions.Functions.Returns.ReturnRefund;
using RetailFunctions.Functions.Tests.Durable;
using RetailFunctions.Functions.Tests.Fakes;

namespace RetailFunctions.Functions.Tests.Returns;

/// <summary>
/// The real <see cref="ReturnRefundOrchestrator"/> and <see cref="ReturnRefundActivities"/> over the real
/// <see cref="ReturnRefundSteps"/>, in an in-process Durable Task host, with every outside system faked in memory.
/// </summary>
public sealed class ReturnRefundOrchestratorTests : IAsyncLifetime
{
    private const string OrderId = "5551234567890";
    private static readonly DateTimeOffset ShippedAt = DateTimeOffset.UtcNow.AddDays(-3);

    private readonly FakeOrderLedger _ledger = new();
    private readonly FakeReturnLedger _returns = new();
    private readonly FakeSkuMappings _mappings = new();
    private readonly FakeStockReturns _stock = new();
    private readonly FakeErpClient _erp = new();
    private readonly FakeChannelRefundApi _shopify = new("shopify");
    private DurableTaskTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var activities = new ReturnRefundActivities(new ReturnRefundSteps(
            _returns, _ledger, _mappings, _stock, _erp, [_shopify], TimeProvider.System,
            Options.Create(new ReturnsOptions { UnmatchedRetryInterval = TimeSpan.FromMilliseconds(200), UnmatchedRetryMaxInterval = TimeSpan.FromMilliseconds(400) }), Options.Create(new OrderToCashOptions()), NullLogger<ReturnRefundSteps>.Instance));
        _host = await InMemoryDurableHost.StartAsync(registry => Register(registry, activities));
        await SeedShippedOrderAsync(("SKU-1042", 2), ("SKU-3105", 1));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_resellableAndDamagedLines_restocksOnlyTheResellableAndCreditsBoth()
    {
        // Arrange
        var input = await RequestAsync("R-1", new ReturnLine("SKU-1042", 1, ReturnDisposition.Restock), new ReturnLine("SKU-3105", 1, ReturnDisposition.Damaged));

        // Act
        var output = await RunAsync(input);

        // Assert
        Assert.Equal(nameof(ReturnStatus.Refunded), output);
        var restocked = Assert.Single(_stock.Restocked[input.ReturnKey]);
        Assert.Equal(("SKU-1042", 1, "STORE-001"), (restocked.Sku, restocked.Quantity, restocked.Location));
        var memo = Assert.Single(_erp.CreditMemos).Value;
        Assert.Equal(["Restock", "Damaged"], memo.Lines.Select(l => l.Disposition));
        var (orderId, refund) = Assert.Single(_shopify.Confirmed).Value;
        Assert.Equal((OrderId, memo.Total, 2), (orderId, refund.Amount, refund.Lines.Count));
        Assert.Contains(_returns.Announced.Published, e => e.EventType == Core.Events.RetailEventTypes.ReturnCompleted);
    }

    [Fact]
    public async Task RunAsync_moreThanShipped_isRejectedWithTheReasonAndNothingMoves()
    {
        // Arrange
        var input = await RequestAsync("R-2", new ReturnLine("SKU-3105", 2, ReturnDisposition.Restock));

        // Act
        var output = await RunAsync(input);

        // Assert
        Assert.Equal(nameof(ReturnStatus.Rejected), output);
        var rejected = _returns.Progress[(input.Channel, input.ReturnId)].Last();
        Assert.Equal(ReturnStatus.Rejected, rejected.Status);
        Assert.Contains("1 shipped", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(_stock.Restocked);
        Assert.Empty(_erp.CreditMemos);
        Assert.Empty(_shopify.Confirmed);
    }

    [Fact]
    public async Task RunAsync_startedTwiceWithTheSameInstanceId_refundsOnce()
    {
        // Arrange
        var input = await RequestAsync("R-3", new ReturnLine("SKU-1042", 2, ReturnDisposition.Restock));
        await RunAsync(input);

        // Act: a redelivered return starts the same instance again once the first run has ended.
        var output = await RunAsync(input);

        // Assert: the second run finds the return already taken on the order and repeats only idempotent calls.
        Assert.Equal(nameof(ReturnStatus.Refunded), output);
        Assert.Single(_erp.CreditMemos);
        Assert.Single(_shopify.Confirmed);
        Assert.Single(_stock.Restocked);
    }

    [Fact]
    public async Task RunAsync_orderNotInTheLedgerYet_isParkedWithTheReasonThenRefundedOnceTheOrderArrives()
    {
        // Arrange
        var request = new ReturnRequest("pos", "STORE-001-R-4", new ReturnOrderReference("shopify", "5550000000001"), [new ReturnLine("SKU-1042", 1, ReturnDisposition.Restock)], DateTimeOffset.UtcNow, "STORE-001", false);
        await _returns.RecordRequestAsync(request, CancellationToken.None);
        var input = new ReturnRefundInput(request.Channel, request.ReturnId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Act
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(ReturnRefundOrchestrator.Name, input, new StartOrchestrationOptions(input.ReturnKey), timeout.Token);
        while (!_returns.Progress.TryGetValue((input.Channel, input.ReturnId), out var steps) || steps.Count(s => s.Status == ReturnStatus.Parked) < 2)
        {
            await Task.Delay(50, timeout.Token);
        }

        await SeedShippedOrderAsync("5550000000001", ("SKU-1042", 1));
        var instance = await _host.Client.WaitForInstanceCompletionAsync(input.ReturnKey, getInputsAndOutputs: true, timeout.Token);

        // Assert
        Assert.Equal(nameof(ReturnStatus.Refunded), instance.ReadOutputAs<string>());
        var parked = _returns.Progress[(input.Channel, input.ReturnId)].First(s => s.Status == ReturnStatus.Parked);
        Assert.Contains("shopify/5550000000001 is not in the ledger yet", parked.Reason, StringComparison.Ordinal);
        Assert.Single(_erp.CreditMemos);
        Assert.Equal("5550000000001", Assert.Single(_shopify.Confirmed).Value.ChannelOrderId);
    }

    private Task SeedShippedOrderAsync(params (string Sku, int Quantity)[] lines) => SeedShippedOrderAsync(OrderId, lines);

    /// <summary>Shipment, status and mappings first, the order last: the parked return must never see it half seeded.</summary>
    private async Task SeedShippedOrderAsync(string orderId, params (string Sku, int Quantity)[] lines)
    {
        foreach (var (sku, _) in lines)
        {
            _mappings.ItemCodes[sku] = $"ITEM-{sku}";
        }

        await _ledger.AddShipmentAsync("shopify", orderId, new OrderShipment("S1", "UPS", "1Z1", ShippedAt, [.. lines.Select(l => new ShippedLine(l.Sku, l.Quantity))]), CancellationToken.None);
        await _ledger.UpdateProgressAsync("shopify", orderId, new OrderProgress(OrderStatus.Completed, ErpOrderId: "SO-000042"), CancellationToken.None);
        var orderLines = lines.Select((l, i) => new OrderLine($"{i + 1}", l.Sku, l.Quantity, 10m, 0m, 1m, l.Sku)).ToList();
        var subtotal = orderLines.Sum(l => l.UnitPrice * l.Quantity);
        _ledger.Seed(new CanonicalOrder(
            "shopify", orderId, $"#{orderId}", "USD", orderLines, new ShippingCharge(5m, 0m, 0m, "Ground"),
            new OrderTotals(subtotal, 0m, orderLines.Count, 5m, subtotal + orderLines.Count + 5m), null, null,
            ShippedAt.AddDays(-1), null, "paid", null, null));
    }

    private async Task<ReturnRefundInput> RequestAsync(string transactionId, params ReturnLine[] lines)
    {
        var request = new ReturnRequest("pos", $"STORE-001-{transactionId}", new ReturnOrderReference("shopify", OrderId), lines, DateTimeOffset.UtcNow, "STORE-001", false);
        await _returns.RecordRequestAsync(request, CancellationToken.None);
        return new ReturnRefundInput(request.Channel, request.ReturnId);
    }

    private async Task<string?> RunAsync(ReturnRefundInput input)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(ReturnRefundOrchestrator.Name, input, new StartOrchestrationOptions(input.ReturnKey), timeout.Token);
        var instance = await _host.Client.WaitForInstanceCompletionAsync(input.ReturnKey, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"The orchestration ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        return instance.ReadOutputAs<string>();
    }

    private static void Register(DurableTaskRegistry registry, ReturnRefundActivities activities)
    {
        // A delegate, not an inline lambda: see OrderToCashHost.Register (the DURABLE analyzers crash on the lambda).
        Func<TaskOrchestrationContext, ReturnRefundInput, Task<string>> orchestrator = (context, _) => ReturnRefundOrchestrator.RunAsync(context);
        registry.AddOrchestratorFunc(ReturnRefundOrchestrator.Name, orchestrator);
        registry.AddActivityFunc<ReturnRefundInput, ReturnDecision>(ReturnRefundActivities.Prepare, (_, input) => activities.PrepareAsync(input, CancellationToken.None));
        registry.AddActivityFunc<ReturnOutcome>(ReturnRefundActivities.Park, (_, step) => activities.ParkAsync(step, CancellationToken.None));
        registry.AddActivityFunc<ReturnOutcome>(ReturnRefundActivities.Reject, (_, step) => activities.RejectAsync(step, CancellationToken.None));
        registry.AddActivityFunc<PreparedReturn>(ReturnRefundActivities.Restock, (_, step) => activities.RestockAsync(step, CancellationToken.None));
        registry.AddActivityFunc<PreparedReturn, string>(ReturnRefundActivities.PostCreditMemo, (_, step) => activities.PostCreditMemoAsync(step, CancellationToken.None));
        registry.AddActivityFunc<PreparedReturn>(ReturnRefundActivities.ConfirmRefund, (_, step) => activities.ConfirmRefundAsync(step, CancellationToken.None));
        registry.AddActivityFunc<PreparedReturn>(ReturnRefundActivities.Complete, (_, step) => activities.CompleteAsync(step, CancellationToken.None));
        registry.AddActivityFunc<ReturnOutcome>(ReturnRefundActivities.Fail, (_, step) => activities.FailAsync(step, CancellationToken.None));
    }
}
