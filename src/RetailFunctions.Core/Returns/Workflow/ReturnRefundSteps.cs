using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;

namespace RetailFunctions.Core.Returns.Workflow;

/// <summary>
/// The side effects of the <c>ReturnRefund</c> workflow, one method per activity. Every call is safe to repeat: the
/// return key (or a key derived from it) is the idempotency key of the system it calls.
/// </summary>
public sealed partial class ReturnRefundSteps(
    IReturnLedger returns,
    IOrderLedger ledger,
    ISkuMappings mappings,
    IStockReturns stock,
    IErpClient erp,
    IEnumerable<IChannelRefundApi> refundApis,
    TimeProvider time,
    IOptions<ReturnsOptions> options,
    IOptions<OrderToCashOptions> orderOptions,
    ILogger<ReturnRefundSteps> logger)
{
    /// <summary>Channels whose ledgers a reference without a channel is looked up in, most likely first.</summary>
    public static readonly IReadOnlyList<string> OrderChannels = ["shopify", "amazon", "walmart", "pos"];

    /// <summary>Sales whose refund the returning store pays at the counter: there is no channel to tell.</summary>
    public const string CounterChannel = "pos";

    private readonly Dictionary<string, IChannelRefundApi> _refundApis = refundApis.ToDictionary(c => c.Channel, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the sale, checks the policy and, when it passes, takes the return on the order in one step.</summary>
    public async Task<ReturnDecision> PrepareAsync(ReturnRefundInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await returns.FindRequestAsync(input.Channel, input.ReturnId, cancellationToken)
            ?? throw new InvalidOperationException($"Return {input.ReturnKey} is not in the return ledger.");
        var order = await FindOrderAsync(request.Order, cancellationToken);
        var canonical = order is null ? null : await ledger.FindCanonicalAsync(order.Channel, order.ChannelOrderId, cancellationToken);
        if (order is null || canonical is null)
        {
            // A return can overtake its order (a marketplace order returned in a store before its notification arrived).
            return new ReturnDecision(
                null,
                null,
                $"The original order {request.Order.Channel ?? "(any channel)"}/{request.Order.ChannelOrderId} is not in the ledger yet; looked for {input.UnmatchedAttempts + 1} time(s).",
                options.Value.UnmatchedRetryDelay(input.UnmatchedAttempts));
        }

        // A parked return whose order has since arrived waits for the order to ship rather than be refused meanwhile.
        if (input.UnmatchedAttempts > 0 && order.Status is OrderStatus.Received or OrderStatus.Reserved or OrderStatus.PostedToErp or OrderStatus.AwaitingShipment)
        {
            return new ReturnDecision(
                null,
                null,
                $"The original order {order.Channel}/{order.ChannelOrderId} is {order.Status}; waiting for its shipment.",
                options.Value.UnmatchedRetryDelay(input.UnmatchedAttempts));
        }

        var lines = await PriceAsync(canonical, request, cancellationToken);
        var refusal = await ledger.AcceptReturnAsync(
            order.Channel,
            order.ChannelOrderId,
            new OrderReturn(request.ReturnKey, [.. request.Lines.Select(l => new ReturnedLine(l.Sku, l.Quantity))], time.GetUtcNow()),
            stored => ReturnPolicy.Refusal(stored, request, options.Value.Window),
            cancellationToken);
        if (refusal is not null)
        {
            return new ReturnDecision(null, refusal);
        }

        var prepared = new PreparedReturn(
            request.ReturnKey, request.Channel, request.ReturnId, order.Channel, order.ChannelOrderId,
            OrderKeys.For(order.Channel, order.ChannelOrderId), order.ErpOrderId, canonical.Currency,
            request.Location ?? canonical.FulfilledAtStore ?? orderOptions.Value.SiteFor(order.Channel),
            lines, lines.Sum(l => l.Amount), request.RefundedByChannel);
        await returns.UpdateProgressAsync(request.Channel, request.ReturnId,
            new ReturnProgress(ReturnStatus.Accepted, order.Channel, order.ChannelOrderId, prepared.Currency, prepared.Total), cancellationToken);
        LogAccepted(prepared.ReturnKey, prepared.OrderKey, prepared.Total, prepared.Currency);
        return new ReturnDecision(prepared, null);
    }

    public async Task RejectAsync(ReturnOutcome rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        await returns.UpdateProgressAsync(rejection.Channel, rejection.ReturnId, new ReturnProgress(ReturnStatus.Rejected, Reason: rejection.Reason), cancellationToken);
        LogRejected(rejection.ReturnKey, rejection.Reason);
    }

    /// <summary>Keeps the return visible as <see cref="ReturnStatus.Parked"/> with the reason until its order arrives.</summary>
    public async Task ParkAsync(ReturnOutcome parked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parked);
        await returns.UpdateProgressAsync(parked.Channel, parked.ReturnId, new ReturnProgress(ReturnStatus.Parked, Reason: parked.Reason), cancellationToken);
        LogParked(parked.ReturnKey, parked.Reason);
    }

    /// <summary>Resellable units go back into stock at the return's location; damaged ones are written off by the credit memo.</summary>
    public async Task RestockAsync(PreparedReturn prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var restock = prepared.Lines.Where(l => l.Disposition == ReturnDisposition.Restock)
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new ReservationLine(g.Key, prepared.Location, g.Sum(l => l.Quantity)))
            .ToList();
        if (restock.Count > 0)
        {
            await stock.RestockAsync(prepared.ReturnKey, restock, cancellationToken);
        }

        await returns.UpdateProgressAsync(prepared.Channel, prepared.ReturnId, new ReturnProgress(ReturnStatus.Restocked), cancellationToken);
    }

    public async Task<string> PostCreditMemoAsync(PreparedReturn prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var creditMemoId = await erp.PostCreditMemoAsync(
            new ErpCreditMemo(
                prepared.ReturnKey, prepared.OrderKey, prepared.ErpOrderId, prepared.Currency,
                [.. prepared.Lines.Select(l => new ErpCreditMemoLine(l.ItemCode, prepared.Location, l.Quantity, l.Amount, l.Disposition.ToString()))],
                prepared.Total),
            $"{prepared.ReturnKey}-credit-memo",
            cancellationToken);
        await returns.UpdateProgressAsync(prepared.Channel, prepared.ReturnId, new ReturnProgress(ReturnStatus.CreditMemoPosted, CreditMemoId: creditMemoId), cancellationToken);
        return creditMemoId;
    }

    /// <summary>The channel of the sale refunds the customer; a counter sale was refunded at the counter already.</summary>
    public Task ConfirmRefundAsync(PreparedReturn prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (!_refundApis.TryGetValue(prepared.RefundChannel, out var api))
        {
            return prepared.RefundChannel == CounterChannel
                ? Task.CompletedTask
                : throw new InvalidOperationException($"No refund API is configured for channel '{prepared.RefundChannel}'.");
        }

        return api.ConfirmRefundAsync(
            prepared.ChannelOrderId,
            new ChannelRefund(prepared.ReturnKey, prepared.Currency, prepared.Total,
                [.. prepared.Lines.Select(l => new RefundLine(l.Sku, l.Quantity, l.Amount))], prepared.RefundedByChannel),
            $"{prepared.ReturnKey}-refund",
            cancellationToken);
    }

    public async Task CompleteAsync(PreparedReturn prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        await returns.UpdateProgressAsync(
            prepared.Channel,
            prepared.ReturnId,
            new ReturnProgress(ReturnStatus.Refunded),
            new RetailEvent(
                $"{prepared.ReturnKey}:{RetailEventTypes.ReturnCompleted}",
                RetailEventTypes.ReturnCompleted,
                prepared.OrderKey,
                prepared.RefundChannel,
                time.GetUtcNow(),
                JsonSerializer.SerializeToElement(
                    new
                    {
                        prepared.ReturnKey,
                        returnChannel = prepared.Channel,
                        prepared.ReturnId,
                        channel = prepared.RefundChannel,
                        prepared.ChannelOrderId,
                        amount = prepared.Total,
                        prepared.Currency,
                        lines = prepared.Lines.Select(l => new { l.Sku, l.Quantity, disposition = l.Disposition.ToString(), l.Amount }),
                    },
                    JsonSerializerOptions.Web)),
            cancellationToken);
        LogRefunded(prepared.ReturnKey, prepared.OrderKey, prepared.Total, prepared.Currency);
    }

    public async Task FailAsync(ReturnOutcome failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await returns.UpdateProgressAsync(failure.Channel, failure.ReturnId, new ReturnProgress(ReturnStatus.Failed, Reason: failure.Reason), cancellationToken);
        LogFailed(failure.ReturnKey, failure.Reason);
    }

    private async Task<OrderRecord?> FindOrderAsync(ReturnOrderReference reference, CancellationToken cancellationToken)
    {
        foreach (var channel in reference.Channel is { } known ? [known.ToLowerInvariant()] : OrderChannels)
        {
            if (await ledger.FindAsync(channel, reference.ChannelOrderId, cancellationToken) is { } order)
            {
                return order;
            }
        }

        return null;
    }

    /// <summary>Each SKU is refunded at what was paid for it on the order (after discounts, with tax), pro rata.</summary>
    private async Task<List<PreparedReturnLine>> PriceAsync(CanonicalOrder order, ReturnRequest request, CancellationToken cancellationToken)
    {
        var paid = order.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Quantity: g.Sum(l => l.Quantity), Amount: g.Sum(l => (l.UnitPrice * l.Quantity) - l.Discount + l.Tax)),
            StringComparer.Ordinal);
        var lines = new List<PreparedReturnLine>();
        foreach (var line in request.Lines)
        {
            var itemCode = await mappings.FindItemCodeAsync(order.Channel, line.Sku, cancellationToken)
                ?? throw new InvalidOperationException($"SKU '{line.Sku}' is not mapped for {order.Channel}.");
            var amount = paid.TryGetValue(line.Sku, out var sold) && sold.Quantity > 0
                ? Math.Round(sold.Amount * line.Quantity / sold.Quantity, 2, MidpointRounding.AwayFromZero)
                : 0m;
            lines.Add(new PreparedReturnLine(line.Sku, itemCode, line.Quantity, line.Disposition, amount));
        }

        return lines;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {ReturnKey} accepted against {OrderKey}: {Amount} {Currency}")]
    private partial void LogAccepted(string returnKey, string orderKey, decimal amount, string currency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {ReturnKey} rejected: {Reason}")]
    private partial void LogRejected(string returnKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {ReturnKey} parked: {Reason}")]
    private partial void LogParked(string returnKey, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {ReturnKey} against {OrderKey} refunded: {Amount} {Currency}")]
    private partial void LogRefunded(string returnKey, string orderKey, decimal amount, string currency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {ReturnKey} failed: {Reason}")]
    private partial void LogFailed(string returnKey, string reason);
}
