using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>
/// Reconciles a settlement against the order ledger, order by order, in one pass over the settled orders:
/// pure, so that a million lines against hundreds of thousands of orders take seconds.
/// </summary>
public sealed class SettlementReconciler(SettlementOptions options)
{
    /// <param name="ledger">The ledger's orders by the settlement's order reference; references without an entry are unknown.</param>
    /// <param name="shippedOrders">
    /// Shipped orders of the channel that no earlier settlement paid for; those shipped more than
    /// <see cref="SettlementOptions.UnsettledAfterDays"/> before <paramref name="now"/> and absent from this settlement are reported.
    /// </param>
    public SettlementReconciliation Reconcile(
        SettlementContents contents,
        IReadOnlyDictionary<string, OrderRecord> ledger,
        IReadOnlyCollection<OrderRecord> shippedOrders,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(shippedOrders);
        var summary = contents.Summary;
        var fees = options.FeesFor(summary.Channel);
        var orders = new List<OrderReconciliation>(contents.Orders.Count + shippedOrders.Count);
        var exceptions = new List<SettlementException>();
        var settledIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var settled in contents.Orders.Values)
        {
            var order = ledger.GetValueOrDefault(settled.OrderRef);
            if (order is not null)
            {
                settledIds.Add(order.ChannelOrderId);
            }

            var result = order is null ? Unknown(settled) : Known(settled, order, summary.Currency, fees);
            orders.Add(result);
            AddExceptions(result, exceptions);
        }

        AddUnsettled(shippedOrders, settledIds, now, orders, exceptions);

        if (!summary.IsBalanced)
        {
            exceptions.Add(new SettlementException(
                SettlementExceptionReason.LinesDoNotSumToTotal,
                null,
                summary.Difference,
                $"The lines sum to {summary.LinesTotal} but the settlement states {summary.TotalAmount}."));
        }

        foreach (var (rawType, lineCount) in summary.UnmappedTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var amount = contents.RawTypes.Where(t => t.Kind == SettlementKind.Other && t.RawType == rawType).Sum(t => t.Amount);
            exceptions.Add(new SettlementException(
                SettlementExceptionReason.UnmappedAmountType,
                null,
                amount,
                $"Amount type '{rawType}' is not known; {lineCount} line(s) were booked as other."));
        }

        return new SettlementReconciliation(contents, orders, exceptions);
    }

    private static OrderReconciliation Unknown(OrderSettlement settled)
    {
        // Nothing was invoiced for an order the ledger does not hold: all the buyer's money is unexplained.
        var unexplained = settled.Sales + settled.Refunds;
        return new OrderReconciliation(
            settled.OrderRef, null, OrderReconciliationStatus.OrderUnknown, [SettlementExceptionReason.OrderUnknown],
            null, null, settled.Sales, settled.Fees, null, settled.Refunds, settled.Net, unexplained, 0m);
    }

    private OrderReconciliation Known(OrderSettlement settled, OrderRecord order, string currency, FeeSchedule fees)
    {
        var total = order.Totals?.Total ?? 0m;
        var tax = order.Totals?.Tax ?? 0m;
        var reasons = new List<SettlementExceptionReason>();
        decimal? expectedSales = null;
        decimal? expectedFees = null;
        var salesVariance = 0m;
        var feeVariance = 0m;

        if (order.Currency is { Length: > 0 } orderCurrency && !string.Equals(orderCurrency, currency, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(SettlementExceptionReason.CurrencyMismatch);
            salesVariance = settled.Sales + settled.Refunds;
        }
        else if (order.Status == OrderStatus.Cancelled)
        {
            // A cancelled order may be charged and refunded in the same settlement, but must net to nothing.
            expectedSales = -settled.Refunds;
            salesVariance = settled.Sales + settled.Refunds;
            if (salesVariance > options.AmountTolerance)
            {
                reasons.Add(SettlementExceptionReason.MissingRefund);
            }
        }
        else if (settled.Sales != 0m)
        {
            expectedSales = ExpectedSales(settled.Sales, total, tax);
            salesVariance = settled.Sales - expectedSales.Value;
            if (Math.Abs(salesVariance) > options.AmountTolerance)
            {
                reasons.Add(SettlementExceptionReason.AmountMismatch);
            }

            if (fees.IsDefined)
            {
                expectedFees = fees.ExpectedFee(total);
                feeVariance = settled.Fees - expectedFees.Value;
                if (Math.Abs(feeVariance) > options.AmountTolerance)
                {
                    reasons.Add(SettlementExceptionReason.FeeDifference);
                }
            }
        }
        else if (-settled.Refunds > total + options.AmountTolerance)
        {
            // A refund of an order settled earlier (a return): it may not exceed what the order was worth.
            salesVariance = settled.Refunds + total;
            reasons.Add(SettlementExceptionReason.RefundExceedsOrder);
        }

        // Differences within the tolerance stay where they are booked; only reported ones move to the variance account.
        if (!reasons.Exists(r => r != SettlementExceptionReason.FeeDifference))
        {
            salesVariance = 0m;
        }

        if (!reasons.Contains(SettlementExceptionReason.FeeDifference))
        {
            feeVariance = 0m;
        }

        return new OrderReconciliation(
            settled.OrderRef,
            order.ChannelOrderId,
            reasons.Count == 0 ? OrderReconciliationStatus.Matched : OrderReconciliationStatus.Variance,
            reasons,
            total,
            expectedSales,
            settled.Sales,
            settled.Fees,
            expectedFees,
            settled.Refunds,
            settled.Net,
            salesVariance,
            feeVariance);
    }

    /// <summary>
    /// The ledger total, or the total less tax when the marketplace withheld the tax it collected
    /// (marketplace facilitator tax): whichever the settled sales are closest to.
    /// </summary>
    private decimal ExpectedSales(decimal sales, decimal total, decimal tax) =>
        tax != 0m && Math.Abs(sales - (total - tax)) <= options.AmountTolerance ? total - tax : total;

    private void AddUnsettled(
        IReadOnlyCollection<OrderRecord> shippedOrders,
        HashSet<string> settledIds,
        DateTimeOffset now,
        List<OrderReconciliation> orders,
        List<SettlementException> exceptions)
    {
        if (options.UnsettledAfterDays == 0)
        {
            return;
        }

        var cutoff = now.AddDays(-options.UnsettledAfterDays);
        foreach (var order in shippedOrders)
        {
            if (order.Status == OrderStatus.Cancelled
                || settledIds.Contains(order.ChannelOrderId)
                || order.Shipments.Count == 0
                || order.Shipments.Max(s => s.ShippedAt) > cutoff)
            {
                continue;
            }

            var total = order.Totals?.Total ?? 0m;
            var result = new OrderReconciliation(
                order.OrderNumber ?? order.ChannelOrderId, order.ChannelOrderId, OrderReconciliationStatus.Unsettled,
                [SettlementExceptionReason.OrderUnsettled], total, total, 0m, 0m, null, 0m, 0m, 0m, 0m);
            orders.Add(result);
            exceptions.Add(new SettlementException(
                SettlementExceptionReason.OrderUnsettled,
                result.OrderRef,
                total,
                $"Shipped {order.Shipments.Max(s => s.ShippedAt):yyyy-MM-dd} and not settled after {options.UnsettledAfterDays} days."));
        }
    }

    private static void AddExceptions(OrderReconciliation result, List<SettlementException> exceptions)
    {
        foreach (var reason in result.Reasons)
        {
            var (amount, detail) = reason switch
            {
                SettlementExceptionReason.OrderUnknown when result.SettledSales == 0m && result.Refunds != 0m =>
                    (result.SalesVariance, $"Refund of {result.Refunds} settled for an order the ledger does not hold."),
                SettlementExceptionReason.OrderUnknown =>
                    (result.SalesVariance, $"Settled {result.Net} net for an order the ledger does not hold."),
                SettlementExceptionReason.AmountMismatch =>
                    (result.SalesVariance, $"Settled sales {result.SettledSales}, the ledger expects {result.ExpectedSales}."),
                SettlementExceptionReason.FeeDifference =>
                    (result.FeeVariance, $"Fees {result.Fees}, the fee schedule gives {result.ExpectedFees}."),
                SettlementExceptionReason.MissingRefund =>
                    (result.SalesVariance, $"The order is cancelled but {result.SalesVariance} of its sales was not refunded."),
                SettlementExceptionReason.RefundExceedsOrder =>
                    (result.SalesVariance, $"Refunded {result.Refunds} on an order of {result.OrderTotal}."),
                SettlementExceptionReason.CurrencyMismatch =>
                    (result.SalesVariance, "The order was placed in another currency than the settlement's."),
                _ => (0m, reason.ToString()),
            };
            exceptions.Add(new SettlementException(reason, result.OrderRef, amount, detail));
        }
    }
}
