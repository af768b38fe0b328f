namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>
/// Collects a settlement as its lines stream past: the summary, the amounts per order and per raw type.
/// Memory grows with the distinct orders and raw types, never with the number of lines.
/// </summary>
public sealed class SettlementAccumulator : ISettlementLineSink
{
    private readonly SettlementSummaryBuilder _summary = new();
    private readonly Dictionary<string, OrderSettlement> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<(SettlementKind Kind, string RawType), RawTypeAccumulator> _rawTypes = [];
    private OrderSettlement? _lastOrder;
    private decimal _unassigned;

    public void Add(SettlementLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _summary.Add(line);
        if (!_rawTypes.TryGetValue((line.Kind, line.RawType), out var rawType))
        {
            rawType = new RawTypeAccumulator();
            _rawTypes[(line.Kind, line.RawType)] = rawType;
        }

        rawType.Amount += line.Amount;
        rawType.LineCount++;

        if (line.OrderId is not { Length: > 0 } orderId)
        {
            _unassigned += line.Amount;
            return;
        }

        // Lines of one order come together in every channel's file: skip the lookup for the run.
        if (_lastOrder is null || !string.Equals(_lastOrder.OrderRef, orderId, StringComparison.Ordinal))
        {
            if (!_orders.TryGetValue(orderId, out _lastOrder))
            {
                _lastOrder = new OrderSettlement(orderId);
                _orders[orderId] = _lastOrder;
            }
        }

        _lastOrder.Add(line.Kind, line.Amount);
    }

    public SettlementContents Complete(SettlementHeader header) => new(
        _summary.Build(header),
        _orders,
        _rawTypes.Select(t => new RawTypeTotal(t.Key.Kind, t.Key.RawType, t.Value.Amount, t.Value.LineCount))
            .OrderBy(t => t.Kind).ThenBy(t => t.RawType, StringComparer.Ordinal).ToList(),
        _unassigned);

    private sealed class RawTypeAccumulator
    {
        public decimal Amount { get; set; }

        public long LineCount { get; set; }
    }
}
