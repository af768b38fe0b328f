using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Properties;

/// <summary>Invariants of available-to-sell (DESIGN §1.4) over any stock and any valid channel rules.</summary>
public sealed class AvailableToSellProperties
{
    private sealed record Stock(long OnHand, long Reserved, int SafetyStock)
    {
        public override string ToString() => $"onHand {OnHand}, reserved {Reserved}, safety {SafetyStock}";
    }

    private sealed record Rules(int Buffer, int AllocationPercent, int? MaxListed, int EndWhenBelow)
    {
        public ChannelInventoryOptions Options => new() { Buffer = Buffer, AllocationPercent = AllocationPercent, MaxListed = MaxListed, EndWhenBelow = EndWhenBelow };
    }

    private static readonly Arbitrary<Stock> Stocks =
        (from onHand in Gen.OneOf(Gen.Choose(0, 1_000), Gen.Choose(0, int.MaxValue)).Select(n => (long)n)
         from reserved in Gen.Choose(0, 1_500).Select(n => (long)n)
         from safety in Gen.Choose(0, 50)
         select new Stock(onHand, reserved, safety)).ToArbitrary();

    private static readonly Arbitrary<Rules> ChannelRules =
        (from buffer in Gen.Choose(0, 50)
         from allocation in Gen.Choose(0, 100)
         from max in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 2_000).Select(n => (int?)n))
         from endBelow in Gen.Choose(0, 20)
         select new Rules(buffer, allocation, max, endBelow)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Apply_isNeverNegativeNorAboveFreeStockNorAboveMaxListed() =>
        Prop.ForAll(Stocks, ChannelRules, (stock, rules) =>
        {
            var listed = AvailableToSell.Apply(stock.OnHand, stock.Reserved, stock.SafetyStock, rules.Options);
            return listed >= 0
                && listed <= Math.Max(0, stock.OnHand - stock.Reserved)
                && listed <= stock.OnHand
                && (rules.MaxListed is not { } max || listed <= max)
                && (listed == 0 || listed >= rules.EndWhenBelow);
        });

    [Property(MaxTest = 1000)]
    public Property Apply_isMonotoneInOnHandAndAntitoneInReserved() =>
        Prop.ForAll(Stocks, ChannelRules, Gen.Choose(0, 500).ToArbitrary(), (stock, rules, more) =>
        {
            var listed = AvailableToSell.Apply(stock.OnHand, stock.Reserved, stock.SafetyStock, rules.Options);
            return AvailableToSell.Apply(stock.OnHand + more, stock.Reserved, stock.SafetyStock, rules.Options) >= listed
                && AvailableToSell.Apply(stock.OnHand, stock.Reserved + more, stock.SafetyStock, rules.Options) <= listed;
        });

    [Property(MaxTest = 500)]
    public Property Apply_withoutChannelRules_isOnHandLessReservedLessSafetyStock() =>
        Prop.ForAll(Stocks, stock =>
            AvailableToSell.Apply(stock.OnHand, stock.Reserved, stock.SafetyStock, new ChannelInventoryOptions())
            == Math.Max(0, stock.OnHand - stock.Reserved - stock.SafetyStock));

    [Property(MaxTest = 300)]
    public Property ForChannel_countsOnlyTheLocationsTheChannelSells() =>
        Prop.ForAll(Stocks, Stocks, ChannelRules, (dc, store, rules) =>
        {
            var positions = new[]
            {
                StockPosition.Empty("SKU-1500", "DC1") with { OnHand = dc.OnHand, Reserved = dc.Reserved },
                StockPosition.Empty("SKU-1500", "STORE-001") with { OnHand = store.OnHand, Reserved = store.Reserved },
            };
            var dcOnly = rules.Options;
            dcOnly.Locations = ["DC1"];
            return AvailableToSell.ForChannel(positions, dc.SafetyStock, dcOnly)
                == AvailableToSell.Apply(dc.OnHand, dc.Reserved, dc.SafetyStock, rules.Options);
        });
}
